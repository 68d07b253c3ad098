//! The one gate between the site folder and whatever reads it. A site is often a folder
//! someone else wrote (a shared drive, a cloned repository), so a path or a link in it may
//! lead anywhere on the machine: `place` decides, for every reader, whether a path stays
//! inside the site (both canonicalized, then compared) and what it is. Nothing outside is
//! read, and FIFOs, sockets and devices are never opened (opening a FIFO blocks forever).

use crate::diagnostics::{Code, Diagnostic};
use crate::messages::Said;
use std::fs::FileType;
use std::io;
use std::path::{Path, PathBuf};

/// What a path inside the site is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    File,
    Dir,
}

/// Why a path is not read.
#[derive(Debug)]
pub(crate) enum Refusal {
    /// It leads outside the site folder: by `..`, an absolute path or a link.
    Outside,
    /// A FIFO, socket or device (`fifo`, `socket`, `device`, `other`): never opened.
    Special(&'static str),
    /// It does not exist, is a broken link or a loop, or cannot be looked at.
    Missing(io::Error),
}

/// Where `path` really is and what it is, if it stays inside the site folder `root`.
pub(crate) fn place(root: &Path, path: &Path) -> Result<(PathBuf, Kind), Refusal> {
    let real = std::fs::canonicalize(path).map_err(Refusal::Missing)?;
    let root = std::fs::canonicalize(root).map_err(Refusal::Missing)?;
    if !real.starts_with(&root) {
        return Err(Refusal::Outside);
    }
    let meta = std::fs::metadata(&real).map_err(Refusal::Missing)?;
    Ok((real, kind(meta.file_type())?))
}

/// A file type as `place` sees it: special files are refused by name.
pub(crate) fn kind(t: FileType) -> Result<Kind, Refusal> {
    if t.is_file() {
        return Ok(Kind::File);
    }
    if t.is_dir() {
        return Ok(Kind::Dir);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let name = match () {
            _ if t.is_fifo() => "fifo",
            _ if t.is_socket() => "socket",
            _ if t.is_char_device() || t.is_block_device() => "device",
            _ => "other",
        };
        Err(Refusal::Special(name))
    }
    #[cfg(not(unix))]
    Err(Refusal::Special("other"))
}

impl Refusal {
    /// The diagnostic for `path`: an error for what leads outside or cannot be read, a
    /// warning for a special file, which is skipped.
    pub(crate) fn diagnostic(&self, path: &Path) -> Diagnostic {
        match self {
            Refusal::Outside => outside(path),
            Refusal::Special(what) => special(path, what),
            Refusal::Missing(e) => crate::text::cannot_read(path, e),
        }
    }
}

fn outside(path: &Path) -> Diagnostic {
    Diagnostic::error_said(Code::Symlink, path, Said::new("content-link-outside-site", &[]))
        .hint_said(Said::new("content-link-outside-site-hint", &[]))
}

fn is_folder(path: &Path) -> Diagnostic {
    Diagnostic::error_said(Code::Io, path, Said::new("content-is-folder", &[]))
}

fn special(path: &Path, what: &str) -> Diagnostic {
    Diagnostic::warning_said(Code::SpecialFile, path, Said::new("content-special-file", &[("what", what)]))
        .hint_said(Said::new("content-special-file-hint", &[]))
}

/// The bytes of a file of the site; `Err` says why not (a warning for a special file).
pub(crate) fn read(root: &Path, path: &Path) -> Result<Vec<u8>, Diagnostic> {
    match place(root, path) {
        Ok((real, Kind::File)) => std::fs::read(real).map_err(|e| crate::text::cannot_read(path, &e)),
        Ok((_, Kind::Dir)) => Err(is_folder(path)),
        Err(r) => Err(r.diagnostic(path)),
    }
}

/// A text file of the site, as `text::utf8_text` gives it.
pub(crate) fn read_text(root: &Path, path: &Path) -> Result<String, Diagnostic> {
    crate::text::utf8_text(read(root, path)?, path)
}

/// Whether `path` is a file to read: false when it does not exist; `Err` when it is there
/// but refused (outside the site, special, a folder, a broken link).
pub(crate) fn exists(root: &Path, path: &Path) -> Result<bool, Diagnostic> {
    if std::fs::symlink_metadata(path).is_err() {
        return Ok(false);
    }
    match place(root, path) {
        Ok((_, Kind::File)) => Ok(true),
        Ok((_, Kind::Dir)) => Err(is_folder(path)),
        Err(r) => Err(r.diagnostic(path)),
    }
}

/// A folder of the site to walk: false when there is none; `Err` when it leads outside.
pub(crate) fn dir_exists(root: &Path, dir: &Path) -> Result<bool, Diagnostic> {
    if std::fs::symlink_metadata(dir).is_err() {
        return Ok(false);
    }
    match place(root, dir) {
        Ok((_, kind)) => Ok(kind == Kind::Dir),
        Err(Refusal::Special(_)) => Ok(false),
        Err(r) => Err(r.diagnostic(dir)),
    }
}

/// A cache folder of the site (`.faro/pdf`), if faro may use it: every part of it that
/// exists is a real folder (not a link), so the cache can neither read nor write outside
/// the site.
pub(crate) fn cache_folder(root: &Path, rel: &str) -> Option<std::path::PathBuf> {
    let mut path = root.to_path_buf();
    for part in Path::new(rel).components() {
        path.push(part);
        match std::fs::symlink_metadata(&path) {
            Ok(m) if !m.is_dir() => return None,
            Ok(_) => {}
            Err(_) => break,
        }
    }
    Some(root.join(rel))
}

/// Whether `path` is a regular file itself (not a link, FIFO or device): for files faro
/// keeps for itself (its PDF cache, the output's manifest), which are read and written only so.
pub(crate) fn is_plain_file(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_file())
}

/// `Err` at the first NUL character of a text file that is published (a template, a CSV):
/// no text on the site may hold one. YAML is checked by `yaml`, Markdown by its parser.
pub(crate) fn nul_free(bytes: &[u8], path: &Path, code: Code) -> Result<(), Diagnostic> {
    let Some(at) = bytes.iter().position(|&b| b == 0) else { return Ok(()) };
    let before = String::from_utf8_lossy(&bytes[..at]);
    let (line, col) = crate::diagnostics::line_col(&before, before.len());
    Err(Diagnostic::error_said(code, path, Said::new("content-nul", &[]))
        .at(Some(line), Some(col))
        .hint_said(Said::new("content-nul-hint", &[])))
}

/// A file or folder found by `walk`.
#[derive(Debug)]
pub(crate) struct Found {
    /// As found (through the walked folder, not where a link leads).
    pub(crate) path: PathBuf,
    /// Below the walked folder, `/`-separated.
    pub(crate) rel: String,
    pub(crate) depth: usize,
    pub(crate) is_dir: bool,
}

/// The files and folders under `dir`, in sorted order. A link is followed when it leads to
/// a file inside the site; a link to a folder is skipped with a warning (it could loop), one
/// leading outside is an error, and special files are skipped with a warning. `skip` names
/// what not to enter (hidden files, for some folders).
pub(crate) fn walk(root: &Path, dir: &Path, skip: &dyn Fn(&str) -> bool, diags: &mut Vec<Diagnostic>) -> Vec<Found> {
    let mut out = Vec::new();
    let walker = walkdir::WalkDir::new(dir)
        .min_depth(1)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| !skip(&e.file_name().to_string_lossy()));
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e.path().map(Path::to_path_buf).unwrap_or_else(|| dir.to_path_buf());
                diags.push(crate::text::cannot_read(&path, &e));
                continue;
            }
        };
        let is_dir = match entry_kind(root, &entry) {
            Ok(kind) => kind == Kind::Dir,
            Err(d) => {
                diags.push(d);
                continue;
            }
        };
        let rel = entry.path().strip_prefix(dir).unwrap_or(entry.path());
        let rel = rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
        out.push(Found { depth: entry.depth(), path: entry.into_path(), rel, is_dir });
    }
    out
}

/// What a walked entry is; a link through `place`, anything else from its own type (inside
/// by construction: the walk does not follow links).
fn entry_kind(root: &Path, entry: &walkdir::DirEntry) -> Result<Kind, Diagnostic> {
    if !entry.path_is_symlink() {
        return kind(entry.file_type()).map_err(|r| r.diagnostic(entry.path()));
    }
    match place(root, entry.path()) {
        Ok((_, Kind::File)) => Ok(Kind::File),
        Ok((_, Kind::Dir)) => Err(link_skipped(entry.path(), "folder")),
        Err(Refusal::Missing(_)) => Err(link_skipped(entry.path(), "broken")),
        Err(r) => Err(r.diagnostic(entry.path())),
    }
}

fn link_skipped(path: &Path, why: &str) -> Diagnostic {
    Diagnostic::warning_said(Code::Symlink, path, Said::new("content-link-skipped", &[("why", why)]))
        .hint_said(Said::new("content-link-skipped-hint", &[]))
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    #[test]
    fn place_keeps_inside_and_refuses_the_rest() {
        let outer = tempfile::tempdir().unwrap();
        let root = outer.path().join("site");
        std::fs::create_dir_all(root.join("static")).unwrap();
        std::fs::write(root.join("static/a.svg"), "a").unwrap();
        std::fs::write(outer.path().join("secret.svg"), "s").unwrap();
        symlink("a.svg", root.join("static/in.svg")).unwrap();
        symlink("../../secret.svg", root.join("static/out.svg")).unwrap();
        symlink(outer.path(), root.join("static/up")).unwrap();
        symlink("out.svg", root.join("static/chain.svg")).unwrap();
        symlink("nowhere", root.join("static/broken.svg")).unwrap();
        let cases: &[(&str, &str)] = &[
            ("static/a.svg", "file"),
            ("static/in.svg", "file"),
            ("static", "dir"),
            ("static/../../secret.svg", "outside"),
            ("static/out.svg", "outside"),
            ("static/chain.svg", "outside"),
            ("static/up/secret.svg", "outside"),
            ("static/up", "outside"),
            ("static/broken.svg", "missing"),
            ("static/none.svg", "missing"),
            ("/etc/hostname", "outside"),
        ];
        for (rel, want) in cases {
            let got = match place(&root, &root.join(rel)) {
                Ok((_, Kind::File)) => "file",
                Ok((_, Kind::Dir)) => "dir",
                Err(Refusal::Outside) => "outside",
                Err(Refusal::Special(_)) => "special",
                Err(Refusal::Missing(_)) => "missing",
            };
            if *rel == "/etc/hostname" && got == "missing" {
                continue; // not every machine has it
            }
            assert_eq!(got, *want, "{rel}");
        }
    }

    #[test]
    fn a_fifo_is_special_and_never_opened() {
        let root = tempfile::tempdir().unwrap();
        let fifo = root.path().join("pipe");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            return; // no mkfifo here
        }
        assert!(matches!(place(root.path(), &fifo), Err(Refusal::Special(_))));
        let d = read(root.path(), &fifo).unwrap_err();
        assert_eq!((d.code, d.is_error()), (Code::SpecialFile, false));
    }
}
