//! The output folder contract. A build replaces only a folder that is empty or that faro
//! wrote (it holds faro's manifest), keeps what the user lists in `publish.keep` (a
//! gh-pages checkout's `.git`, a host's `CNAME`), and refuses anything else before a file
//! moves: a file where the folder should be, or a folder holding files faro did not write.
//! A symlinked output is followed, so the folder it points at is the one updated.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The list of files a build wrote, kept in the output folder it wrote them to.
pub(crate) const MANIFEST: &str = ".faro-manifest";
const HEADER: &str = "# Written by faro build: the files below are faro's, and the next build replaces them.";

/// Where a build writes for `output`: the folder itself, or where its symlinks lead (a
/// dangling link leads to the folder the build will create).
pub(crate) fn resolve(output: &Path) -> PathBuf {
    let mut path = output.to_path_buf();
    // A bound on the chain, as the kernel's own (40) for a loop of links.
    for _ in 0..40 {
        let Ok(target) = std::fs::read_link(&path) else { return path };
        path = match path.parent() {
            Some(parent) => parent.join(target),
            None => target,
        };
    }
    path
}

/// Whether `keep` is a path inside the output folder (no `..`, not absolute, not the manifest).
pub(crate) fn is_keepable(keep: &str) -> bool {
    let k = clean(keep);
    !k.is_empty()
        && !keep.starts_with('/')
        && !k.contains('\\')
        && k.split('/').all(|s| !matches!(s, "" | "." | ".."))
        && k != MANIFEST
}

fn clean(keep: &str) -> &str {
    keep.trim().trim_start_matches("./").trim_end_matches('/')
}

/// The user's kept paths, as `/`-separated paths relative to the output.
pub(crate) struct Keep(Vec<String>);

impl Keep {
    pub(crate) fn new(keep: &[String]) -> Keep {
        Keep(keep.iter().filter(|k| is_keepable(k)).map(|k| clean(k).to_string()).collect())
    }

    fn covers(&self, rel: &str) -> bool {
        self.0.iter().any(|k| rel == k || rel.strip_prefix(k.as_str()).is_some_and(|r| r.starts_with('/')))
    }
}

/// The manifest's text for the files written.
pub(crate) fn manifest(written: &BTreeSet<String>) -> String {
    let mut text = String::with_capacity(written.len() * 32);
    text.push_str(HEADER);
    text.push('\n');
    for rel in written {
        text.push_str(rel);
        text.push('\n');
    }
    text
}

/// Paths faro wrote into an output folder, as its manifest lists them.
pub(crate) type Files = BTreeSet<String>;

/// The files faro wrote into `dir` according to its manifest (none without one).
pub(crate) fn ours(dir: &Path) -> Files {
    read_manifest(dir).unwrap_or_default()
}

/// The files faro wrote into `dir` according to its manifest; None when there is none.
fn read_manifest(dir: &Path) -> Option<BTreeSet<String>> {
    // Only a plain file is faro's manifest; anything else there (a FIFO would block) is foreign.
    let path = dir.join(MANIFEST);
    let text = crate::sources::is_plain_file(&path).then(|| std::fs::read_to_string(&path).ok()).flatten()?;
    Some(text.lines().filter(|l| !l.starts_with('#') && !l.is_empty()).map(String::from).collect())
}

/// Why faro may not replace `dir`, if it may not.
pub(crate) enum Refusal {
    /// `output` is a file, not a folder.
    File,
    /// Files (symlinks, special files) faro did not write and the user does not keep;
    /// whether the folder has a manifest at all.
    Foreign(Vec<String>, bool),
}

/// Whether a build may replace `dir` (which may not exist); only files count, so empty
/// folders left by the user are no obstacle. `whole: false` looks at the top level only:
/// the quick look before a build, which the whole look before the swap completes (a
/// walk of a big site's output is a tenth of a rebuild's system calls; one is enough).
pub(crate) fn check(dir: &Path, keep: &Keep, whole: bool) -> Result<Files, Refusal> {
    match dir.symlink_metadata() {
        Err(_) => return Ok(Files::new()),
        Ok(m) if !m.is_dir() => return Err(Refusal::File),
        Ok(_) => {}
    }
    let manifest = read_manifest(dir);
    let has_manifest = manifest.is_some();
    let ours = manifest.unwrap_or_default();
    let mut foreign = Vec::new();
    let walk = walkdir::WalkDir::new(dir).min_depth(1).max_depth(if whole { usize::MAX } else { 1 });
    let walk = walk.sort_by_file_name().into_iter();
    for entry in walk.filter_entry(|e| !keep.covers(&relative(dir, e.path()))) {
        let Ok(entry) = entry else { continue };
        let rel = relative(dir, entry.path());
        let faros = (rel == MANIFEST && has_manifest) || ours.contains(&rel);
        if !entry.file_type().is_dir() && !faros {
            foreign.push(rel);
        }
    }
    match foreign.is_empty() {
        true => Ok(ours),
        // A refusal names every file: the quick look found one, the whole look lists them.
        false if !whole => check(dir, keep, true),
        false => Err(Refusal::Foreign(foreign, has_manifest)),
    }
}

fn relative(dir: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(dir).unwrap_or(path);
    rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
}

/// The user's entries in the output folder `from` that a build keeps: under a `keep`
/// path (any path with `None`) and not listed in its manifest. A folder with none of
/// faro's files inside is one entry, whole; `.git` is never walked file by file.
fn kept_entries(from: &Path, ours: &Files, keep: Option<&Keep>) -> Vec<String> {
    let holds_ours = |rel: &str| {
        let prefix = format!("{rel}/");
        ours.range(prefix.clone()..).next().is_some_and(|p| p.starts_with(&prefix))
    };
    let kept = |rel: &str| keep.is_none_or(|k| k.covers(rel));
    // Folders above a kept path are entered to reach it.
    let leads_to_kept = |rel: &str| keep.is_none_or(|k| k.0.iter().any(|p| p.starts_with(&format!("{rel}/"))));
    let mut out = Vec::new();
    let mut walk = walkdir::WalkDir::new(from).min_depth(1).sort_by_file_name().into_iter();
    while let Some(entry) = walk.next() {
        let Ok(entry) = entry else { continue };
        let rel = relative(from, entry.path());
        let dir = entry.file_type().is_dir();
        if !kept(&rel) {
            if dir && !leads_to_kept(&rel) {
                walk.skip_current_dir();
            }
            continue;
        }
        if (rel == MANIFEST && keep.is_none()) || ours.contains(&rel) || (dir && holds_ours(&rel)) {
            continue;
        }
        if dir {
            walk.skip_current_dir();
        }
        out.push(rel);
    }
    out
}

/// The kept files of `old` that `new` also holds (the site writes them now): keeping one
/// would overwrite what the build wrote, replacing it would lose the user's file.
pub(crate) fn kept_and_written(old: &Path, ours: &Files, new: &Path, keep: &Keep) -> Vec<String> {
    let mut clashes = Vec::new();
    for rel in kept_entries(old, ours, Some(keep)) {
        clash(&old.join(&rel), &new.join(&rel), &rel, &mut clashes);
    }
    clashes
}

fn clash(old: &Path, new: &Path, rel: &str, out: &mut Vec<String>) {
    let Ok(meta) = new.symlink_metadata() else { return };
    let old_dir = old.symlink_metadata().is_ok_and(|m| m.is_dir());
    if !(old_dir && meta.is_dir()) {
        out.push(rel.to_string());
        return;
    }
    for entry in std::fs::read_dir(old).into_iter().flatten().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        clash(&entry.path(), &new.join(&name), &format!("{rel}/{name}"), out);
    }
}

/// Moves the user's kept entries of `from` into `to` (all of them with `None`: a build
/// that died mid-swap, whatever its `publish.keep` said), merging folders; what `to`
/// already holds is left, so running it again after an interruption finishes the move.
pub(crate) fn carry(from: &Path, ours: &Files, to: &Path, keep: Option<&Keep>) -> std::io::Result<()> {
    for rel in kept_entries(from, ours, keep) {
        carry_one(&from.join(&rel), &to.join(&rel))?;
    }
    Ok(())
}

/// Empties `old`, a previous output moved aside, of faro's files (by its manifest, with no
/// walk of the folder) and removes it. Anything else still there, a file added in the instant
/// between the last look and the swap, is moved into `new` first: never lost.
pub(crate) fn clear(old: &Path, ours: &Files, new: &Path) -> std::io::Result<()> {
    let mut dirs = BTreeSet::new();
    for rel in ours {
        let _ = std::fs::remove_file(old.join(rel));
        let mut at = rel.as_str();
        while let Some((parent, _)) = at.rsplit_once('/') {
            if !dirs.insert(parent.to_string()) {
                break; // its parents are in already
            }
            at = parent;
        }
    }
    let _ = std::fs::remove_file(old.join(MANIFEST));
    // Deepest first; a folder that still holds something is left for the move below.
    let mut dirs: Vec<String> = dirs.into_iter().collect();
    dirs.sort_by_key(|d| std::cmp::Reverse(d.matches('/').count()));
    for dir in dirs {
        let _ = std::fs::remove_dir(old.join(dir));
    }
    if std::fs::remove_dir(old).is_err() && old.symlink_metadata().is_ok() {
        carry(old, &Files::new(), new, None)?; // what is left is all unlisted
        std::fs::remove_dir_all(old)?;
    }
    Ok(())
}

fn carry_one(from: &Path, to: &Path) -> std::io::Result<()> {
    match to.symlink_metadata() {
        Err(_) => {
            if let Some(parent) = to.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::rename(from, to)
        }
        Ok(m) if m.is_dir() && from.symlink_metadata().is_ok_and(|f| f.is_dir()) => {
            for entry in std::fs::read_dir(from)? {
                let entry = entry?;
                carry_one(&entry.path(), &to.join(entry.file_name()))?;
            }
            Ok(())
        }
        Ok(_) => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keep_paths_stay_inside_the_output() {
        for ok in [".git", "CNAME", ".well-known/", "./docs/x.txt"] {
            assert!(is_keepable(ok), "{ok}");
        }
        for bad in ["", ".", "./", "/", "/etc", "../x", "a/../../b", "a/./b", "a\\b", MANIFEST, "a//b"] {
            assert!(!is_keepable(bad), "{bad}");
        }
        let keep = Keep::new(&[".git".into(), ".well-known/".into()]);
        assert!(keep.covers(".git") && keep.covers(".git/HEAD") && keep.covers(".well-known/security.txt"));
        assert!(!keep.covers(".gitignore") && !keep.covers("es/.git"));
    }

    #[test]
    fn only_a_folder_faro_wrote_may_be_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let keep = Keep::new(&[".git".into()]);
        assert!(check(&out, &keep, true).is_ok(), "a folder that does not exist yet");
        std::fs::create_dir_all(out.join(".git/objects")).unwrap();
        std::fs::write(out.join(".git/HEAD"), "ref").unwrap();
        std::fs::create_dir_all(out.join("empty")).unwrap();
        assert!(check(&out, &keep, true).is_ok(), "kept files and empty folders");
        std::fs::write(out.join("index.html"), "x").unwrap();
        assert!(matches!(check(&out, &keep, true), Err(Refusal::Foreign(f, _)) if f == ["index.html"]));
        std::fs::write(out.join(MANIFEST), manifest(&["index.html".to_string()].into())).unwrap();
        assert!(check(&out, &keep, true).is_ok(), "files the manifest lists");
        std::fs::write(out.join("google123.html"), "x").unwrap();
        assert!(matches!(check(&out, &keep, true), Err(Refusal::Foreign(f, _)) if f == ["google123.html"]));
        assert!(matches!(check(&out.join("index.html"), &keep, true), Err(Refusal::File)));
    }

    #[test]
    fn carrying_merges_folders_and_finishes_after_an_interruption() {
        let dir = tempfile::tempdir().unwrap();
        let (old, new) = (dir.path().join("old"), dir.path().join("new"));
        for f in [".well-known/a.txt", ".well-known/b.txt", "CNAME"] {
            std::fs::create_dir_all(old.join(f).parent().unwrap()).unwrap();
            std::fs::write(old.join(f), f).unwrap();
        }
        std::fs::create_dir_all(new.join(".well-known")).unwrap();
        std::fs::write(new.join(".well-known/c.txt"), "faro's").unwrap();
        let keep = Keep::new(&[".well-known".into(), "CNAME".into()]);
        assert!(kept_and_written(&old, &ours(&old), &new, &keep).is_empty());
        std::fs::write(new.join(".well-known/a.txt"), "faro's").unwrap();
        assert_eq!(kept_and_written(&old, &ours(&old), &new, &keep), [".well-known/a.txt"]);
        std::fs::remove_file(new.join(".well-known/a.txt")).unwrap();
        carry(&old, &ours(&old), &new, Some(&keep)).unwrap();
        carry(&old, &ours(&old), &new, Some(&keep)).unwrap();
        for f in [".well-known/a.txt", ".well-known/b.txt", "CNAME"] {
            assert_eq!(std::fs::read_to_string(new.join(f)).unwrap(), f);
        }
        assert_eq!(std::fs::read_to_string(new.join(".well-known/c.txt")).unwrap(), "faro's");
    }

    #[test]
    fn clearing_the_old_output_removes_faros_files_and_moves_any_other() {
        // An outsider's case: a file added in the instant before the swap was deleted with it.
        let dir = tempfile::tempdir().unwrap();
        let (old, new) = (dir.path().join("old"), dir.path().join("new"));
        let listed = ["es/a/index.html", "es/index.html", "index.html"].map(String::from);
        for f in listed.iter().chain([&"late.txt".to_string(), &"es/a/late.txt".to_string()]) {
            std::fs::create_dir_all(old.join(f).parent().unwrap()).unwrap();
            std::fs::write(old.join(f), f).unwrap();
        }
        std::fs::write(old.join(MANIFEST), manifest(&listed.iter().cloned().collect())).unwrap();
        std::fs::create_dir_all(new.join("es")).unwrap();
        clear(&old, &ours(&old), &new).unwrap();
        assert!(!old.exists());
        assert_eq!(std::fs::read_to_string(new.join("late.txt")).unwrap(), "late.txt");
        assert_eq!(std::fs::read_to_string(new.join("es/a/late.txt")).unwrap(), "es/a/late.txt");
        assert!(!new.join("es/a/index.html").exists() && !new.join("index.html").exists());
    }

    #[cfg(unix)]
    #[test]
    fn a_symlinked_output_is_followed() {
        let dir = tempfile::tempdir().unwrap();
        let www = dir.path().join("www");
        std::os::unix::fs::symlink("www", dir.path().join("public")).unwrap();
        assert_eq!(resolve(&dir.path().join("public")), www);
        assert_eq!(resolve(&www), www);
    }
}
