//! The one output funnel. `build` writes into a staging folder beside the output and swaps
//! it in only when the whole build succeeded, so a failed build leaves the previous site
//! exactly as it was; `serve`, `check` and tests can write to memory or nowhere instead.

use crate::diagnostics::{Code, Diagnostic};
use anyhow::{Context, Result};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

pub(crate) trait Output: Sync {
    /// Writes `bytes` at `rel` (a `/`-separated path inside the site).
    fn write(&self, rel: &str, bytes: &[u8]) -> Result<()>;
    fn copy(&self, rel: &str, source: &Path) -> Result<()> {
        let bytes = std::fs::read(source).with_context(|| format!("cannot read {}", source.display()))?;
        self.write(rel, &bytes)
    }
    fn files_written(&self) -> usize;
    /// Writes text the caller no longer needs; memory outputs keep it without a copy.
    fn write_string(&self, rel: &str, text: String) -> Result<()> {
        self.write(rel, text.as_bytes())
    }
}

/// A ZIP of `files` (name, bytes) in the order given. Entries carry a fixed date, so the
/// same files always give the same bytes.
pub(crate) fn zip(files: &[(String, Vec<u8>)]) -> Result<Vec<u8>> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        // Level 1: kits hold base64 fonts that deflate barely shrinks; the default level
        // took a quarter of the example site's build for a few percent of size.
        .compression_level(Some(1))
        .last_modified_time(zip::DateTime::default());
    for (name, bytes) in files {
        // PNG and PDF are compressed already: deflating them again costs time and saves nothing.
        let stored = [".png", ".pdf", ".zip", ".jpg"].iter().any(|ext| name.ends_with(ext));
        let options = match stored {
            true => options.compression_method(zip::CompressionMethod::Stored).compression_level(None),
            false => options,
        };
        zip.start_file(name.as_str(), options)?;
        zip.write_all(bytes)?;
    }
    Ok(zip.finish()?.into_inner())
}

/// Rejects paths that could escape the output folder.
fn check_rel(rel: &str) -> Result<()> {
    if rel.is_empty() || rel.starts_with('/') || rel.split('/').any(|s| s == "..") || rel.contains('\\') {
        anyhow::bail!("refusing to write outside the output folder: {rel}");
    }
    Ok(())
}

/// The output folder is replaced wholesale, so it must not be, or contain, the site's sources.
pub(crate) fn unsafe_output(root: &Path, output: &Path) -> Option<Diagnostic> {
    let abs = |p: &Path| std::path::absolute(p).map(|p| normalize(&p)).unwrap_or_else(|_| p.to_path_buf());
    let (root, out) = (abs(root), abs(output));
    let sources = ["content", "static", "templates", "themes", "i18n", "data", "site.yaml"].map(|s| root.join(s));
    let clash = root.starts_with(&out) || sources.iter().any(|s| out.starts_with(s));
    clash.then(|| {
        Diagnostic::error(Code::UnsafeOutput, output, "the output folder would replace the site's own files").hint(
            "choose an output folder outside content/, static/, templates/, themes/ and i18n/ that does not contain the site, such as public/",
        )
    })
}

/// Resolves `.` and `..` without touching the disk (the output may not exist yet).
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            c => out.push(c),
        }
    }
    out
}

/// Writes into `<output>/../.<name>.faro-new-<pid>` and swaps it in on `commit`; dropped
/// without a commit, it removes the staged files and the previous output is untouched.
pub(crate) struct DirOutput {
    target: PathBuf,
    staging: PathBuf,
    count: AtomicUsize,
    committed: bool,
}

impl DirOutput {
    pub(crate) fn new(target: &Path) -> Result<DirOutput> {
        let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "public".into());
        let parent = target.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        std::fs::create_dir_all(parent).with_context(|| format!("cannot create {}", parent.display()))?;
        let staging = parent.join(format!(".{name}.faro-new-{}", std::process::id()));
        if staging.exists() {
            std::fs::remove_dir_all(&staging).with_context(|| format!("cannot clear {}", staging.display()))?;
        }
        std::fs::create_dir_all(&staging).with_context(|| format!("cannot create {}", staging.display()))?;
        Ok(DirOutput { target: target.to_path_buf(), staging, count: AtomicUsize::new(0), committed: false })
    }

    /// Replaces the output folder with the staged one.
    pub(crate) fn commit(mut self) -> Result<()> {
        self.committed = true;
        let old = self
            .staging
            .with_file_name(self.staging.file_name().unwrap().to_string_lossy().replace("faro-new", "faro-old"));
        if self.target.exists() {
            std::fs::rename(&self.target, &old)
                .with_context(|| format!("cannot move the previous {} aside", self.target.display()))?;
        }
        std::fs::rename(&self.staging, &self.target)
            .with_context(|| format!("cannot move the new site into {}", self.target.display()))?;
        if old.exists() {
            std::fs::remove_dir_all(&old).with_context(|| format!("cannot remove {}", old.display()))?;
        }
        Ok(())
    }
}

impl Drop for DirOutput {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.staging);
        }
    }
}

/// Cleans up after a build that was killed: its staging folder is dropped, and if it died
/// between moving the old site aside and moving the new one in, the old site is put back.
/// Folders of builds still running (their process exists) are left alone.
pub(crate) fn recover_interrupted(target: &Path) -> Result<()> {
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "public".into());
    let parent = target.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let Ok(entries) = std::fs::read_dir(parent) else { return Ok(()) };
    for entry in entries.flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = file.strip_prefix(&format!(".{name}.faro-")) else { continue };
        let Some((kind, pid)) = rest.split_once('-') else { continue };
        let alive = pid.parse::<u32>().is_ok_and(|p| p == std::process::id() || process_exists(p));
        if alive {
            continue;
        }
        let path = entry.path();
        if kind == "old" && !target.exists() {
            std::fs::rename(&path, target).with_context(|| format!("cannot restore {}", target.display()))?;
        } else if kind == "new" || kind == "old" {
            std::fs::remove_dir_all(&path).with_context(|| format!("cannot remove {}", path.display()))?;
        }
    }
    Ok(())
}

/// Whether process `pid` exists; where that cannot be told, assume it does (leave its files).
fn process_exists(pid: u32) -> bool {
    let proc = Path::new("/proc");
    !proc.is_dir() || proc.join(pid.to_string()).exists()
}

impl Output for DirOutput {
    fn write(&self, rel: &str, bytes: &[u8]) -> Result<()> {
        check_rel(rel)?;
        let path = self.staging.join(rel);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
        }
        std::fs::write(&path, bytes).with_context(|| format!("cannot write {}", path.display()))?;
        self.count.fetch_add(1, Ordering::Relaxed);
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
        self.count.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }

    fn files_written(&self) -> usize {
        self.count.load(Ordering::Relaxed)
    }
}

/// Keeps the site in memory, for the preview server and tests.
#[derive(Default)]
pub(crate) struct MemoryOutput {
    pub(crate) files: Mutex<BTreeMap<String, Vec<u8>>>,
}

impl MemoryOutput {
    pub(crate) fn into_files(self) -> BTreeMap<String, Vec<u8>> {
        self.files.into_inner().unwrap_or_else(|e| e.into_inner())
    }
}

impl Output for MemoryOutput {
    fn write_string(&self, rel: &str, text: String) -> Result<()> {
        check_rel(rel)?;
        self.files.lock().expect("no panics while holding the lock").insert(rel.to_string(), text.into_bytes());
        Ok(())
    }

    fn write(&self, rel: &str, bytes: &[u8]) -> Result<()> {
        check_rel(rel)?;
        self.files.lock().expect("no panics while holding the lock").insert(rel.to_string(), bytes.to_vec());
        Ok(())
    }

    fn files_written(&self) -> usize {
        self.files.lock().expect("no panics while holding the lock").len()
    }
}

/// Renders without keeping anything: for checks that only need the diagnostics.
pub(crate) struct DiscardOutput;

impl Output for DiscardOutput {
    fn write(&self, rel: &str, _bytes: &[u8]) -> Result<()> {
        check_rel(rel)
    }
    fn copy(&self, rel: &str, _source: &Path) -> Result<()> {
        check_rel(rel)
    }
    fn files_written(&self) -> usize {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_paths_outside_the_output() {
        let out = MemoryOutput::default();
        assert!(out.write("../x", b"").is_err());
        assert!(out.write("/etc/x", b"").is_err());
        assert!(out.write("es/index.html", b"ok").is_ok());
        assert_eq!(out.files_written(), 1);
    }

    #[test]
    fn a_discarded_build_leaves_the_previous_output() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("public");
        std::fs::create_dir_all(&target).unwrap();
        std::fs::write(target.join("old.html"), "old").unwrap();
        let out = DirOutput::new(&target).unwrap();
        out.write("new.html", b"new").unwrap();
        drop(out);
        assert_eq!(std::fs::read_to_string(target.join("old.html")).unwrap(), "old");
        assert!(!target.join("new.html").exists());
        let out = DirOutput::new(&target).unwrap();
        out.write("new.html", b"new").unwrap();
        out.commit().unwrap();
        assert!(!target.join("old.html").exists());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "no staging folders left behind");
    }
}
