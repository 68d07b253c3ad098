//! Watching the site's files: which events matter (writes, not faro's own reads), which
//! paths are sources (not editors' swap files), and the loop that drains a burst of saves
//! into one update of the preview.

use super::live::Live;
use super::{failure_json, Event, Shared};
use crate::diagnostics::{Code, Diagnostic};
use hyper::body::Bytes;
use notify::event::{AccessKind, AccessMode, ModifyKind};
use notify::{EventKind, RecursiveMode, Watcher};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How long the files must be quiet before a burst of saves becomes one rebuild.
const QUIET: Duration = Duration::from_millis(10);
/// The longest a burst may delay a rebuild.
const MAX_BURST: Duration = Duration::from_millis(500);
/// The folders of a site that rebuild it when they change (site.yaml too).
const WATCHED: [&str; 6] = ["content", "data", "templates", "static", "themes", "i18n"];

/// What the rebuild loop hears: a file event, or that the server stops.
pub(super) enum Message {
    File(notify::Result<notify::Event>),
    Stop,
}

pub(super) type Messages = std::sync::mpsc::Receiver<Message>;

/// Watches site.yaml and the site's source folders (not the output, not the whole tree).
/// The sender lets the server stop the loop.
pub(super) fn watch(
    root: &Path,
) -> anyhow::Result<(notify::RecommendedWatcher, std::sync::mpsc::Sender<Message>, Messages)> {
    let (tx, rx) = std::sync::mpsc::channel();
    let files = tx.clone();
    let mut watcher = notify::recommended_watcher(move |res| {
        let _ = files.send(Message::File(res));
    })?;
    // The root itself, not recursively: site.yaml, and source folders created later.
    watcher.watch(root, RecursiveMode::NonRecursive)?;
    for dir in WATCHED {
        let path = root.join(dir);
        if path.is_dir() {
            watcher.watch(&path, RecursiveMode::Recursive)?;
        }
    }
    Ok((watcher, tx, rx))
}

/// Changes that matter: written, created, removed or renamed files. Reads (faro's own
/// included) and metadata changes are not.
fn relevant(kind: &EventKind) -> bool {
    matches!(
        kind,
        EventKind::Create(_)
            | EventKind::Remove(_)
            | EventKind::Modify(ModifyKind::Data(_) | ModifyKind::Name(_) | ModifyKind::Any)
            | EventKind::Access(AccessKind::Close(AccessMode::Write))
    )
}

/// Source files of the site; editors' swap, backup and lock files are not.
fn is_source(root: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(root) else { return false };
    let mut parts = rel.components().map(|c| c.as_os_str().to_string_lossy());
    let Some(first) = parts.next() else { return false };
    if !(WATCHED.contains(&first.as_ref()) || first == "site.yaml") {
        return false;
    }
    let name = path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
    let hidden = rel.components().any(|c| c.as_os_str().to_string_lossy().starts_with(['.', '#']));
    !(hidden || name.ends_with('~') || name.ends_with(".swp") || name.ends_with(".swx") || name == "4913")
}

/// Waits for a change, then drains until the files are quiet: one save, one rebuild.
/// None when the server stops.
fn next_burst(root: &Path, messages: &Messages) -> Option<BTreeSet<PathBuf>> {
    let mut paths = BTreeSet::new();
    let mut started = None;
    let mut next = Some(messages.recv().ok()?);
    while let Some(message) = next.take() {
        match message {
            Message::Stop => return None,
            Message::File(Ok(event)) if relevant(&event.kind) => {
                paths.extend(event.paths.into_iter().filter(|p| is_source(root, p)));
            }
            Message::File(_) => {}
        }
        if paths.is_empty() {
            next = Some(messages.recv().ok()?);
            continue;
        }
        // The burst is timed from its first relevant change, not from stray reads before it.
        let started = *started.get_or_insert_with(Instant::now);
        if started.elapsed() < MAX_BURST {
            next = messages.recv_timeout(QUIET).ok();
        }
    }
    Some(paths)
}

/// Brings the preview up to date on every burst of saves until the server stops.
pub(super) fn rebuild_loop(
    root: &Path,
    mut live: Live,
    mut watcher: notify::RecommendedWatcher,
    messages: Messages,
    shared: &Shared,
    report: &(dyn Fn(Event) + Sync),
) {
    let mut watched: BTreeSet<PathBuf> = WATCHED.iter().map(|d| root.join(d)).filter(|p| p.is_dir()).collect();
    while let Some(paths) = next_burst(root, &messages) {
        // A source folder that appeared after start (data/ for the first indicator).
        for dir in WATCHED.iter().map(|d| root.join(d)) {
            if dir.is_dir() && !watched.contains(&dir) && watcher.watch(&dir, RecursiveMode::Recursive).is_ok() {
                watched.insert(dir);
            }
        }
        let paths: Vec<PathBuf> = paths.into_iter().collect();
        // A bug in an update must not leave the preview silently stale: report it, and the
        // next save reloads the whole site (`Live` drops a state it was changing).
        let result =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| live.apply(&paths))).unwrap_or_else(|_| {
                Err(vec![Diagnostic::error(
                    Code::Internal,
                    root,
                    "faro failed while updating the preview (a bug); save again to rebuild the whole site",
                )])
            });
        match result {
            Ok(update) => {
                shared.publish(&live, &update);
                report(Event::Built(&update));
            }
            Err(diags) => {
                let json = failure_json(&live, &diags);
                // Kept before it is sent: a stream opened in between still hears of it.
                let message = Bytes::from(format!("event: failed\ndata: {json}\n\n"));
                *shared.failed.write().expect("lock") = Some(json);
                shared.conns.broadcast(&message);
                report(Event::Failed(&diags));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editor_files_and_other_folders_are_not_sources() {
        let root = Path::new("/site");
        assert!(is_source(root, Path::new("/site/content/es/a.md")));
        assert!(is_source(root, Path::new("/site/site.yaml")));
        assert!(!is_source(root, Path::new("/site/content/es/.a.md.swp")));
        assert!(!is_source(root, Path::new("/site/content/es/a.md~")));
        assert!(!is_source(root, Path::new("/site/content/es/4913")));
        assert!(!is_source(root, Path::new("/site/public/es/index.html")));
        assert!(!is_source(root, Path::new("/site/target/x")));
    }
}
