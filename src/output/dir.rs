//! Writing a build to disk. Files go into `.<name>.faro-new-<pid>` beside the output; on
//! commit the previous output moves aside to `.<name>.faro-old-<pid>`, its kept files move
//! into the new folder, and the new folder takes its place. Each build holds a lock on
//! `.<name>.faro-lock-<pid>` while it runs, so the next build can tell the folders of a
//! killed build (whose lock nobody holds, whatever its pid now names) from a running one's.

use super::folder::{self, Keep, Refusal, MANIFEST};
use super::{check_rel, Output, Previous};
use crate::diagnostics::{Code, Diagnostic};
use crate::messages::Said;
use anyhow::{Context, Result};
use std::collections::BTreeSet;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

pub(crate) struct DirOutput {
    /// The folder replaced: the output, or where its symlink leads.
    target: PathBuf,
    /// The output as the user named it, for messages.
    named: PathBuf,
    staging: PathBuf,
    keep: Keep,
    written: Mutex<BTreeSet<String>>,
    committed: bool,
    /// Held until the build ends; released when the process dies, however it dies.
    _lock: File,
}

/// The folders beside an output that builds of process `pid` use.
struct Beside {
    parent: PathBuf,
    name: String,
}

impl Beside {
    fn of(target: &Path) -> Beside {
        let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "public".into());
        let parent = target.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        Beside { parent: parent.to_path_buf(), name }
    }

    fn path(&self, kind: &str, pid: u32) -> PathBuf {
        self.parent.join(format!(".{}.faro-{kind}-{pid}", self.name))
    }
}

impl DirOutput {
    /// Opens a build into `output`, refusing before anything moves an output faro may not
    /// replace; `keep` lists the paths in it that the build leaves in place.
    pub(crate) fn new(output: &Path, keep: &[String]) -> Result<DirOutput, Diagnostic> {
        let target = folder::resolve(output);
        let keep = Keep::new(keep);
        refuse(output, &target, &keep, false)?;
        let io = |e: anyhow::Error| Diagnostic::error(Code::Io, output, format!("{e:#}"));
        let beside = Beside::of(&target);
        let pid = std::process::id();
        std::fs::create_dir_all(&beside.parent)
            .with_context(|| format!("cannot create {}", beside.parent.display()))
            .map_err(io)?;
        let lock = lock(&beside.path("lock", pid)).map_err(io)?;
        let staging = beside.path("new", pid);
        if staging.exists() {
            std::fs::remove_dir_all(&staging)
                .with_context(|| format!("cannot clear {}", staging.display()))
                .map_err(io)?;
        }
        std::fs::create_dir_all(&staging)
            .with_context(|| format!("cannot create {}", staging.display()))
            .map_err(io)?;
        let written = Mutex::new(BTreeSet::new());
        Ok(DirOutput { target, named: output.to_path_buf(), staging, keep, written, committed: false, _lock: lock })
    }

    /// Replaces the output folder with the staged one, keeping the kept files. On an error
    /// the previous output is back in place, or the message says where it is.
    pub(crate) fn commit(mut self) -> Result<(), (Diagnostic, Previous)> {
        let kept = |d: Diagnostic| (d, Previous::Kept);
        let io = |msg: Said| Diagnostic::error_said(Code::Io, &self.named, msg);
        let written = std::mem::take(&mut *self.written.lock().unwrap_or_else(|e| e.into_inner()));
        std::fs::write(self.staging.join(MANIFEST), folder::manifest(&written)).map_err(|e| {
            kept(io(Said::new("output-cannot-write", &[("file", MANIFEST), ("error", &e.to_string())])))
        })?;
        // The whole look, just before the swap: files may have appeared while the build ran.
        let ours = refuse(&self.named, &self.target, &self.keep, true).map_err(kept)?;
        let clashes = folder::kept_and_written(&self.target, &ours, &self.staging, &self.keep);
        if !clashes.is_empty() {
            let msg = Said::new("output-kept-and-written", &[("paths", &clashes.join("`, `"))]);
            let hint = Said::new("output-kept-and-written-hint", &[]);
            return Err(kept(Diagnostic::error_said(Code::UnsafeOutput, &self.named, msg).hint_said(hint)));
        }
        if let Ok(meta) = self.target.metadata() {
            // The folder's own permissions (a web root's group, say) survive the swap.
            let _ = std::fs::set_permissions(&self.staging, meta.permissions());
        }
        let old = Beside::of(&self.target).path("old", std::process::id());
        self.committed = true;
        let manifests = Manifests { old: &ours, new: &written };
        swap(&self.target, &self.staging, &old, &self.keep, manifests).map_err(|(msg, previous)| (io(msg), previous))
    }
}

/// The files faro wrote into the previous output and into the new one, read once.
struct Manifests<'a> {
    old: &'a folder::Files,
    new: &'a folder::Files,
}

/// Moves `target` aside to `old`, its kept files into `new`, and `new` into its place.
fn swap(target: &Path, new: &Path, old: &Path, keep: &Keep, ours: Manifests) -> Result<(), (Said, Previous)> {
    let shown = target.display().to_string();
    if target.symlink_metadata().is_ok() {
        std::fs::rename(target, old).map_err(|e| {
            (Said::new("output-cannot-move-aside", &[("output", &shown), ("error", &e.to_string())]), Previous::Kept)
        })?;
    }
    // Which step failed, and how.
    let moved = folder::carry(old, ours.old, new, Some(keep)).map_err(|e| ("keep", e.to_string()));
    let moved = moved.and_then(|_| std::fs::rename(new, target).map_err(|e| ("move-in", e.to_string())));
    if let Err((step, error)) = moved {
        let back = folder::carry(new, ours.new, old, Some(keep)).and_then(|_| std::fs::rename(old, target));
        let _ = std::fs::remove_dir_all(new);
        let (old, back_error, previous) = match back {
            Ok(()) => (String::new(), "none".to_string(), Previous::Kept),
            Err(e) => (old.display().to_string(), e.to_string(), Previous::Moved),
        };
        let values = [("step", step), ("output", &shown), ("error", &error), ("back", &back_error), ("old", &old)];
        return Err((Said::new("output-swap-failed", &values), previous));
    }
    // A failure here leaves the old folder for the next build to clear.
    let _ = folder::clear(old, ours.old, target);
    Ok(())
}

/// The files faro wrote into `target` if it may replace them; else the error, naming where
/// a symlinked output leads.
fn refuse(named: &Path, target: &Path, keep: &Keep, whole: bool) -> Result<folder::Files, Diagnostic> {
    let (named_shown, target_shown) = (named.display().to_string(), target.display().to_string());
    let link = if named == target { "none" } else { target_shown.as_str() };
    let shown = [("output", named_shown.as_str()), ("link", link)];
    match folder::check(target, keep, whole) {
        Ok(ours) => Ok(ours),
        Err(Refusal::File) => {
            Err(Diagnostic::error_said(Code::UnsafeOutput, named, Said::new("output-is-a-file", &shown))
                .hint_said(Said::new("output-is-a-file-hint", &[])))
        }
        Err(Refusal::Foreign(files, manifest)) => {
            let some: Vec<String> = files.iter().take(3).map(|f| format!("`{f}`")).collect();
            let (some, more) = (some.join(", "), files.len().saturating_sub(3).to_string());
            let values = [&shown[..], &[("files", some.as_str()), ("more", more.as_str())]].concat();
            let msg = Said::new("output-foreign-files", &values);
            let hint = match manifest {
                true => Said::new("output-foreign-files-hint", &[]),
                false => Said::new("output-foreign-files-hint-no-manifest", &[]),
            };
            Err(Diagnostic::error_said(Code::UnsafeOutput, named, msg).hint_said(hint))
        }
    }
}

/// Creates and locks the lock file of this build.
fn lock(path: &Path) -> Result<File> {
    let file = File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
    file.lock().with_context(|| format!("cannot lock {}", path.display()))?;
    Ok(file)
}

impl Drop for DirOutput {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.staging);
        }
        let _ = std::fs::remove_file(Beside::of(&self.target).path("lock", std::process::id()));
    }
}

/// Cleans up after a build that was killed: its staging folder is dropped, and if it died
/// while swapping, the swap is finished (the new site was complete) or undone. Folders of
/// builds still running (their lock is held) are left alone.
pub(crate) fn recover_interrupted(output: &Path) -> Result<()> {
    let target = folder::resolve(output);
    let beside = Beside::of(&target);
    let Ok(entries) = std::fs::read_dir(&beside.parent) else { return Ok(()) };
    let prefix = format!(".{}.faro-", beside.name);
    let mut pids = BTreeSet::new();
    for entry in entries.flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        let Some((kind, pid)) = file.strip_prefix(&prefix).and_then(|r| r.split_once('-')) else { continue };
        if let (true, Ok(pid)) = (["new", "old", "lock"].contains(&kind), pid.parse::<u32>()) {
            pids.insert(pid);
        }
    }
    for pid in pids {
        let lock_path = beside.path("lock", pid);
        // Held by a running build: its folders are in use. Folders without a lock file
        // were left by a build that died (or by a faro from before locks).
        let held = File::options().write(true).open(&lock_path).ok();
        if held.as_ref().is_some_and(|f| f.try_lock().is_err()) {
            continue;
        }
        let (new, old) = (beside.path("new", pid), beside.path("old", pid));
        let gone = target.symlink_metadata().is_err();
        if gone && new.join(MANIFEST).exists() && old.exists() {
            // Died mid-swap with a complete new site: finish what it started.
            folder::carry(&old, &folder::ours(&old), &new, None)?;
            std::fs::rename(&new, &target).with_context(|| format!("cannot finish {}", target.display()))?;
        } else if gone && old.exists() {
            std::fs::rename(&old, &target).with_context(|| format!("cannot restore {}", target.display()))?;
        }
        if old.exists() && target.symlink_metadata().is_ok() {
            folder::clear(&old, &folder::ours(&old), &target)
                .with_context(|| format!("cannot remove {}", old.display()))?;
        }
        for path in [&new, &old] {
            if path.exists() {
                std::fs::remove_dir_all(path).with_context(|| format!("cannot remove {}", path.display()))?;
            }
        }
        let _ = std::fs::remove_file(&lock_path);
    }
    Ok(())
}

impl Output for DirOutput {
    fn write(&self, rel: &str, bytes: &[u8]) -> Result<()> {
        check_rel(rel)?;
        let path = self.staging.join(rel);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
        }
        std::fs::write(&path, bytes).with_context(|| format!("cannot write {}", path.display()))?;
        self.written.lock().unwrap_or_else(|e| e.into_inner()).insert(rel.to_string());
        Ok(())
    }

    fn copy(&self, rel: &str, source: &Path) -> Result<()> {
        check_rel(rel)?;
        let path = self.staging.join(rel);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
        }
        std::fs::copy(source, &path)
            .with_context(|| format!("cannot copy {} to {}", source.display(), path.display()))?;
        self.written.lock().unwrap_or_else(|e| e.into_inner()).insert(rel.to_string());
        Ok(())
    }

    /// The files written, and the manifest `commit` adds.
    fn files_written(&self) -> usize {
        self.written.lock().unwrap_or_else(|e| e.into_inner()).len() + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn build(target: &Path, files: &[(&str, &str)], keep: &[&str]) -> Result<(), Diagnostic> {
        let keep: Vec<String> = keep.iter().map(|k| k.to_string()).collect();
        let out = DirOutput::new(target, &keep)?;
        for (rel, text) in files {
            out.write(rel, text.as_bytes()).unwrap();
        }
        out.commit().map_err(|(d, _)| d)
    }

    #[test]
    fn a_discarded_build_leaves_the_previous_output() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("public");
        build(&target, &[("old.html", "old")], &[]).unwrap();
        let out = DirOutput::new(&target, &[]).unwrap();
        out.write("new.html", b"new").unwrap();
        drop(out);
        assert_eq!(std::fs::read_to_string(target.join("old.html")).unwrap(), "old");
        assert!(!target.join("new.html").exists());
        build(&target, &[("new.html", "new")], &[]).unwrap();
        assert!(!target.join("old.html").exists());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "no staging folders or locks left behind");
    }

    #[test]
    fn kept_files_survive_and_foreign_ones_stop_the_build() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("public");
        std::fs::create_dir_all(target.join(".git")).unwrap();
        std::fs::write(target.join(".git/HEAD"), "ref: refs/heads/gh-pages").unwrap();
        std::fs::write(target.join("CNAME"), "campana.example.pe").unwrap();
        build(&target, &[("index.html", "1")], &[".git", "CNAME"]).unwrap();
        build(&target, &[("index.html", "2")], &[".git", "CNAME"]).unwrap();
        assert_eq!(std::fs::read_to_string(target.join(".git/HEAD")).unwrap(), "ref: refs/heads/gh-pages");
        assert_eq!(std::fs::read_to_string(target.join("CNAME")).unwrap(), "campana.example.pe");
        assert_eq!(std::fs::read_to_string(target.join("index.html")).unwrap(), "2");
        std::fs::write(target.join("notes.txt"), "mine").unwrap();
        let err = build(&target, &[("index.html", "3")], &[".git", "CNAME"]).unwrap_err();
        assert!(err.message.contains("`notes.txt`"), "{}", err.message);
        assert_eq!(std::fs::read_to_string(target.join("index.html")).unwrap(), "2");
        assert_eq!(std::fs::read_to_string(target.join("notes.txt")).unwrap(), "mine");
    }

    #[test]
    fn a_build_killed_mid_swap_is_finished_with_the_kept_files() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("public");
        let beside = Beside::of(&target);
        // A dead build (pid 1 is never ours, and no lock file means nobody holds it).
        let (new, old) = (beside.path("new", 1), beside.path("old", 1));
        std::fs::create_dir_all(old.join(".git")).unwrap();
        std::fs::write(old.join(".git/HEAD"), "ref").unwrap();
        std::fs::create_dir_all(&new).unwrap();
        std::fs::write(new.join("index.html"), "new").unwrap();
        std::fs::write(new.join(MANIFEST), folder::manifest(&["index.html".to_string()].into())).unwrap();
        recover_interrupted(&target).unwrap();
        assert_eq!(std::fs::read_to_string(target.join(".git/HEAD")).unwrap(), "ref");
        assert_eq!(std::fs::read_to_string(target.join("index.html")).unwrap(), "new");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_running_build_is_told_by_its_lock_not_its_pid() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("public");
        let beside = Beside::of(&target);
        // pid 1 exists on every Unix; its stale staging folder is cleaned all the same.
        std::fs::create_dir_all(beside.path("new", 1)).unwrap();
        std::fs::write(beside.path("lock", 1), "").unwrap();
        let running = DirOutput::new(&target, &[]).unwrap();
        recover_interrupted(&target).unwrap();
        assert!(!beside.path("new", 1).exists(), "the dead build's folder is removed");
        assert!(running.staging.exists(), "the running build's folder is left");
        drop(running);
    }
}
