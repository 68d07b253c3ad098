//! The one output funnel. `build` writes into a staging folder beside the output and swaps
//! it in only when the whole build succeeded, so a failed build leaves the previous site
//! exactly as it was (`dir`), and replaces only a folder faro wrote itself (`folder`);
//! `serve`, `check` and tests can write to memory or nowhere instead.

mod dir;
mod folder;

pub(crate) use dir::{recover_interrupted, DirOutput};
pub(crate) use folder::is_keepable;

/// The previous output after a failed build.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Previous {
    /// Exactly as it was (or put back as it was): the build stopped before the swap, or undid it.
    Kept,
    /// The new site is in place; what failed came after it (the URL record, an edition).
    Replaced,
    /// The swap failed and could not be undone; the message says where the previous output is.
    Moved,
}

use crate::diagnostics::{Code, Diagnostic};
use crate::messages::Said;
use anyhow::{Context, Result};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
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
pub(super) fn check_rel(rel: &str) -> Result<()> {
    if rel.is_empty() || rel.starts_with('/') || rel.split('/').any(|s| s == "..") || rel.contains('\\') {
        anyhow::bail!("refusing to write outside the output folder: {rel}");
    }
    if rel == folder::MANIFEST {
        anyhow::bail!("`{rel}` is the name of faro's own record of the files it wrote; rename the file");
    }
    Ok(())
}

/// The output folder is replaced wholesale, so it must not be, or contain, the site's sources.
pub(crate) fn unsafe_output(root: &Path, output: &Path) -> Option<Diagnostic> {
    let abs = |p: &Path| std::path::absolute(p).map(|p| normalize(&p)).unwrap_or_else(|_| p.to_path_buf());
    let (root, out) = (abs(root), abs(&folder::resolve(output)));
    let sources = ["content", "static", "templates", "themes", "i18n", "data", "site.yaml"].map(|s| root.join(s));
    let clash = root.starts_with(&out) || sources.iter().any(|s| out.starts_with(s));
    clash.then(|| {
        Diagnostic::error_said(Code::UnsafeOutput, output, Said::new("output-replaces-site", &[]))
            .hint_said(Said::new("output-replaces-site-hint", &[]))
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
}
