//! Printing HTML to PDF with a headless Chromium, for campaign kits and `faro pdf`: where
//! Chromium is, the flags that keep it offline and away from the user's own profile, and a
//! cache of printed documents with their dates fixed, so the same HTML gives the same PDF.
//! What only a printed report needs (public links, running header and footer, document
//! information) lives in the submodules.

pub(crate) mod info;
pub(crate) mod links;
pub(crate) mod margins;

use std::path::{Path, PathBuf};
use std::process::Command;

/// Headless, offline, with nothing of the user's own browser profile, and without
/// Chromium's own page header and footer (the date and file path of the printing).
const FLAGS: [&str; 8] = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-pdf-header-footer",
];

/// Where printed PDFs are kept, by hash of their HTML, so a rebuild does not print again.
pub(crate) const PDF_CACHE: &str = ".faro/pdf";

/// A Chromium (or Chrome) to print with.
#[derive(Debug, Clone)]
pub(crate) struct Chromium(PathBuf);

impl Chromium {
    /// `FARO_CHROMIUM`, else the usual names on the PATH, else where Chromium and Chrome
    /// install themselves on this system (an installed Chrome is rarely on the PATH on macOS
    /// or Windows).
    pub(crate) fn find() -> Option<Chromium> {
        // Set but empty: act as if there were none (a build without PDFs, a test of that).
        if let Some(p) = std::env::var_os("FARO_CHROMIUM") {
            return (!p.is_empty()).then(|| Chromium(PathBuf::from(p)));
        }
        candidates(std::env::consts::OS, |k| std::env::var_os(k)).into_iter().find(|p| p.is_file()).map(Chromium)
    }

    /// Prints the page at `url` (a `file://` address) to `pdf`, with a profile in `work`.
    /// `outline` makes bookmarks of the page's headings.
    pub(crate) fn print(&self, url: &str, pdf: &Path, work: &Path, outline: bool) -> Result<(), String> {
        let mut cmd = Command::new(&self.0);
        cmd.args(FLAGS);
        if outline {
            cmd.arg("--generate-pdf-document-outline");
        }
        let run = cmd
            .arg(format!("--user-data-dir={}", work.join("profile").display()))
            .arg(format!("--print-to-pdf={}", pdf.display()))
            .arg(url)
            .output();
        match run {
            Ok(o) if o.status.success() && pdf.is_file() => Ok(()),
            Ok(o) => Err(String::from_utf8_lossy(&o.stderr).lines().last().unwrap_or("no message").to_string()),
            Err(e) => Err(format!("cannot run {}: {e}", self.0.display())),
        }
    }

    pub(crate) fn path(&self) -> &Path {
        &self.0
    }
}

/// Where to look for a Chromium or Chrome on `os` (`linux`, `macos`, `windows`), in order:
/// the usual names on the PATH, then the standard install places.
fn candidates(os: &str, env: impl Fn(&str) -> Option<std::ffi::OsString>) -> Vec<PathBuf> {
    let names: &[&str] = match os {
        "windows" => &["chrome.exe", "chromium.exe", "msedge.exe"],
        _ => &["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"],
    };
    let mut found: Vec<PathBuf> = match env("PATH") {
        Some(path) => names.iter().flat_map(|n| std::env::split_paths(&path).map(move |d| d.join(n))).collect(),
        None => Vec::new(),
    };
    match os {
        "macos" => {
            let apps = [
                "Google Chrome.app/Contents/MacOS/Google Chrome",
                "Chromium.app/Contents/MacOS/Chromium",
                "Google Chrome Canary.app/Contents/MacOS/Google Chrome Canary",
            ];
            let home = env("HOME").map(|h| PathBuf::from(h).join("Applications"));
            for dir in [Some(PathBuf::from("/Applications")), home].into_iter().flatten() {
                found.extend(apps.iter().map(|a| dir.join(a)));
            }
        }
        "windows" => {
            let installs = [
                r"Google\Chrome\Application\chrome.exe",
                r"Chromium\Application\chrome.exe",
                r"Microsoft\Edge\Application\msedge.exe",
            ];
            for var in ["ProgramFiles", "ProgramFiles(x86)", "LOCALAPPDATA"] {
                if let Some(dir) = env(var) {
                    found.extend(installs.iter().map(|i| PathBuf::from(&dir).join(i)));
                }
            }
        }
        _ => found.extend(
            [
                "/usr/bin/chromium",
                "/usr/bin/chromium-browser",
                "/usr/bin/google-chrome",
                "/snap/bin/chromium",
                "/opt/google/chrome/chrome",
            ]
            .map(PathBuf::from),
        ),
    }
    found
}

/// Prints standalone HTML documents to PDF, reusing earlier PDFs of the same HTML from a
/// cache, and stamping a fixed date so the same HTML gives the same bytes (Chromium writes
/// the time of printing into every PDF).
pub(crate) struct Printer {
    pub(crate) chromium: Chromium,
    /// Where printed PDFs are kept between builds; None when that folder (or a folder above
    /// it) is a link or leads out of the site: then nothing is read from or written to it.
    pub(crate) cache: Option<PathBuf>,
    /// How many were printed and how many taken from the cache, for the build's summary.
    pub(crate) counts: PrintCounts,
    /// A line on the terminal while PDFs are printed (hidden when it is not a terminal).
    pub(crate) progress: Option<indicatif::ProgressBar>,
}

#[derive(Debug, Default)]
pub(crate) struct PrintCounts {
    pub(crate) printed: std::sync::atomic::AtomicUsize,
    pub(crate) reused: std::sync::atomic::AtomicUsize,
}

impl PrintCounts {
    /// (printed, taken from the cache).
    pub(crate) fn get(&self) -> (usize, usize) {
        use std::sync::atomic::Ordering::Relaxed;
        (self.printed.load(Relaxed), self.reused.load(Relaxed))
    }
}

/// The site's PDF cache folder, if faro may use it: every part of `.faro/pdf` that exists
/// is a real folder (not a link), so the cache can neither read nor write outside the site.
pub(crate) fn cache_in(root: &Path) -> Option<PathBuf> {
    crate::sources::cache_folder(root, PDF_CACHE)
}

impl Printer {
    /// The PDF of `html`; a failure is said by a `kit-print-*` message, whose `$file` the
    /// caller adds.
    pub(crate) fn print(&self, html: &str) -> Result<Vec<u8>, crate::messages::Said> {
        use crate::messages::Said;
        let key = format!("{:016x}", crate::hash::fnv1a(html.as_bytes()));
        let cached = self.cache.as_ref().map(|c| c.join(format!("{key}.pdf")));
        // Only a plain file is the cache's (a link could lead out of the site, a FIFO would
        // block), and only a PDF is one.
        let hit = cached.as_ref().filter(|c| crate::sources::is_plain_file(c)).and_then(|c| std::fs::read(c).ok());
        if let Some(bytes) = hit.filter(|b| b.starts_with(b"%PDF-")) {
            self.counted(&self.counts.reused);
            return Ok(bytes);
        }
        let work = std::env::temp_dir().join(format!("faro-kit-{}-{key}", std::process::id()));
        std::fs::create_dir_all(&work).map_err(|e| {
            Said::new("kit-print-no-folder", &[("folder", &work.display().to_string()), ("error", &e.to_string())])
        })?;
        let (src, pdf) = (work.join("doc.html"), work.join("doc.pdf"));
        let result = std::fs::write(&src, html)
            .map_err(|e| {
                Said::new("kit-print-cannot-write", &[("html", &src.display().to_string()), ("error", &e.to_string())])
            })
            .and_then(|_| {
                self.chromium
                    .print(&format!("file://{}", src.display()), &pdf, &work, false)
                    .map_err(|e| Said::new("kit-print-chromium-failed", &[("error", &e)]))
            })
            .and_then(|_| {
                std::fs::read(&pdf)
                    .map(|b| steady_ids(&fixed_dates(&b)))
                    .map_err(|e| Said::new("kit-print-cannot-read", &[("error", &e.to_string())]))
            });
        let _ = std::fs::remove_dir_all(&work);
        let bytes = result?;
        self.counted(&self.counts.printed);
        // A cache that cannot be written only costs time on the next build.
        if let (Some(cache), Some(cached)) = (&self.cache, &cached) {
            if std::fs::symlink_metadata(cached).map_or(true, |m| m.is_file()) {
                let _ = std::fs::create_dir_all(cache).and_then(|_| std::fs::write(cached, &bytes));
            }
        }
        Ok(bytes)
    }
}

impl Printer {
    fn counted(&self, count: &std::sync::atomic::AtomicUsize) {
        count.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        if let Some(bar) = &self.progress {
            let (printed, reused) = self.counts.get();
            bar.set_message(format!("kit PDFs: {printed} printed, {reused} from the cache"));
        }
    }
}

/// Replaces the digits of `/CreationDate (D:…)` and `/ModDate (D:…)` with a fixed date of
/// the same length, so byte offsets in the PDF stay right.
fn fixed_dates(pdf: &[u8]) -> Vec<u8> {
    let mut out = pdf.to_vec();
    for key in [&b"/CreationDate (D:"[..], &b"/ModDate (D:"[..]] {
        let mut from = 0;
        while let Some(at) = out[from..].windows(key.len()).position(|w| w == key).map(|p| p + from + key.len()) {
            for (n, b) in out[at..].iter_mut().take(14).enumerate() {
                if b.is_ascii_digit() {
                    *b = b"20000101000000"[n];
                }
            }
            from = at;
        }
    }
    out
}

/// Renumbers the ids Chromium gives tagged table cells (`(node00000175)`), which shift
/// from one run to the next, by their rank: the same length and the same order, so byte
/// offsets and the sorted name tree of ids stay right.
pub(crate) fn steady_ids(pdf: &[u8]) -> Vec<u8> {
    const KEY: &[u8] = b"(node";
    let at: Vec<usize> = pdf
        .windows(KEY.len() + 9)
        .enumerate()
        .filter(|(_, w)| {
            w.starts_with(KEY) && w[KEY.len()..][..8].iter().all(u8::is_ascii_digit) && w[KEY.len() + 8] == b')'
        })
        .map(|(i, _)| i + KEY.len())
        .collect();
    let mut ids: Vec<&[u8]> = at.iter().map(|&i| &pdf[i..i + 8]).collect();
    ids.sort();
    ids.dedup();
    let rank: std::collections::BTreeMap<&[u8], usize> =
        ids.into_iter().enumerate().map(|(n, id)| (id, n + 1)).collect();
    let mut out = pdf.to_vec();
    for &i in &at {
        let n = rank[&pdf[i..i + 8]];
        out[i..i + 8].copy_from_slice(format!("{n:08}").as_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chrome_is_looked_for_where_each_system_installs_it_after_the_path() {
        let env = |vars: &'static [(&'static str, &'static str)]| {
            move |k: &str| vars.iter().find(|(n, _)| *n == k).map(|(_, v)| std::ffi::OsString::from(v))
        };
        let shown = |c: Vec<PathBuf>| c.iter().map(|p| p.display().to_string()).collect::<Vec<_>>();
        let mac = shown(candidates("macos", env(&[("PATH", "/usr/bin"), ("HOME", "/Users/ana")])));
        assert_eq!(mac[0], "/usr/bin/chromium");
        assert!(mac.contains(&"/Applications/Google Chrome.app/Contents/MacOS/Google Chrome".to_string()), "{mac:?}");
        assert!(mac.contains(&"/Users/ana/Applications/Chromium.app/Contents/MacOS/Chromium".to_string()), "{mac:?}");
        let win = shown(candidates(
            "windows",
            env(&[("ProgramFiles", "C:\\Program Files"), ("LOCALAPPDATA", "C:\\Users\\ana\\AppData\\Local")]),
        ));
        assert!(
            win.iter()
                .any(|p| p.starts_with("C:\\Program Files") && p.ends_with("Google\\Chrome\\Application\\chrome.exe")),
            "{win:?}"
        );
        assert!(win.iter().any(|p| p.starts_with("C:\\Users\\ana") && p.ends_with("chrome.exe")), "{win:?}");
        let linux = shown(candidates("linux", env(&[])));
        assert!(linux.contains(&"/usr/bin/chromium".to_string()) && linux.contains(&"/snap/bin/chromium".to_string()));
    }

    #[test]
    fn pdf_dates_are_fixed_without_moving_bytes() {
        let pdf = b"<</CreationDate (D:20261123141946+00'00')\n/ModDate (D:20261123141947+00'00')>>";
        let fixed = fixed_dates(pdf);
        assert_eq!(fixed.len(), pdf.len());
        let text = String::from_utf8(fixed).unwrap();
        assert!(text.contains("/CreationDate (D:20000101000000+00'00')"), "{text}");
        assert!(text.contains("/ModDate (D:20000101000000+00'00')"), "{text}");
    }

    #[test]
    fn tagged_cell_ids_are_renumbered_in_order() {
        let pdf = b"/ID (node00000175)>> /Headers [(node00000003)] /Names [(node00000003) 1 0 R (node00000175) 2 0 R] (node12)";
        let steady = steady_ids(pdf);
        assert_eq!(steady.len(), pdf.len());
        assert_eq!(
            String::from_utf8(steady).unwrap(),
            "/ID (node00000002)>> /Headers [(node00000001)] /Names [(node00000001) 1 0 R (node00000002) 2 0 R] (node12)"
        );
    }
}
