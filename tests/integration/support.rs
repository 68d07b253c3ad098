//! Helpers shared by the integration tests: a site in a temporary folder (from inline files
//! or from a fixture under tests/fixtures/), running the real `faro` binary on it, reading
//! and snapshotting its output, and a little HTML picking that does not depend on the
//! theme's whitespace.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus};

/// The `faro` binary cargo built for this test run, or the one `FARO_BIN` names: with
/// `FARO_BIN=/path/to/an/older/faro` the same tests show what an older build got wrong.
pub fn faro() -> std::ffi::OsString {
    std::env::var_os("FARO_BIN").unwrap_or_else(|| env!("CARGO_BIN_EXE_faro").into())
}

/// A site folder that lives as long as the value.
pub struct Site {
    dir: tempfile::TempDir,
}

impl Site {
    /// `faro <args> --site <this site>` with the terminal in `lang` (`es_PE.UTF-8`, `C.UTF-8`).
    pub fn run_in(&self, lang: &str, args: &[&str]) -> Run {
        let mut cmd = Command::new(faro());
        cmd.args(args).arg("--site").arg(self.path());
        cmd.env("LANG", lang).env_remove("LC_ALL").env_remove("LC_MESSAGES");
        Run::of(cmd)
    }

    /// An empty site folder.
    pub fn empty() -> Site {
        Site { dir: tempfile::Builder::new().prefix("faro-test-").tempdir().expect("create a temporary folder") }
    }

    /// A site made of `(path, contents)` pairs, paths relative to the site folder.
    pub fn from_files(files: &[(&str, &str)]) -> Site {
        let site = Site::empty();
        for (path, contents) in files {
            site.write(path, contents);
        }
        site
    }

    /// A copy of `tests/fixtures/<name>/`.
    pub fn fixture(name: &str) -> Site {
        let site = Site::empty();
        copy_dir(&fixture_dir(name), site.path());
        site
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Writes (or overwrites) a file of the site, creating its folders.
    pub fn write(&self, rel: &str, contents: impl AsRef<[u8]>) {
        let path = self.path().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, contents).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
    }

    pub fn read_source(&self, rel: &str) -> Vec<u8> {
        std::fs::read(self.path().join(rel)).unwrap()
    }

    pub fn remove(&self, rel: &str) {
        let path = self.path().join(rel);
        if path.is_dir() {
            std::fs::remove_dir_all(path).unwrap();
        } else {
            std::fs::remove_file(path).unwrap();
        }
    }

    /// The default output folder, `<site>/public`.
    pub fn public(&self) -> PathBuf {
        self.path().join("public")
    }

    /// `faro build --site <site> <args>`.
    pub fn build(&self, args: &[&str]) -> Run {
        let mut cmd = Command::new(faro());
        cmd.arg("build").arg("--site").arg(self.path()).args(args);
        Run::of(cmd)
    }

    /// `faro check --site <site> <args>` (it writes nothing).
    pub fn check(&self, args: &[&str]) -> Run {
        let mut cmd = Command::new(faro());
        cmd.arg("check").arg("--site").arg(self.path()).args(args);
        Run::of(cmd)
    }

    /// Builds into `public/` and panics unless the build succeeded.
    pub fn build_ok(&self, args: &[&str]) -> Run {
        let run = self.build(args);
        run.assert_success();
        run
    }

    /// A file of `public/` as text.
    pub fn html(&self, rel: &str) -> String {
        read_text(&self.public().join(rel))
    }

    /// Folders the build left next to the output (staging folders must not survive).
    pub fn leftovers(&self) -> Vec<String> {
        std::fs::read_dir(self.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains("faro-new") || n.contains("faro-old") || n.contains("faro-lock"))
            .collect()
    }
}

pub fn fixture_dir(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap_or_else(|e| panic!("read {}: {e}", from.display())) {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

pub fn read_text(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    String::from_utf8(bytes).unwrap_or_else(|_| panic!("{} is not UTF-8", path.display()))
}

/// What one run of faro did.
pub struct Run {
    pub status: ExitStatus,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn of(mut cmd: Command) -> Run {
        // faro speaks the terminal's language: the tests read English unless they ask.
        if !cmd.get_envs().any(|(k, _)| k == "LANG" || k == "LC_ALL") {
            cmd.env("LANG", "C.UTF-8").env_remove("LC_ALL").env_remove("LC_MESSAGES");
        }
        let out = cmd.output().expect("run faro");
        Run {
            status: out.status,
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    fn describe(&self) -> String {
        format!("exit: {:?}\n--- stdout ---\n{}\n--- stderr ---\n{}", self.status.code(), self.stdout, self.stderr)
    }

    pub fn assert_success(&self) -> &Run {
        assert!(self.status.success(), "expected the build to succeed\n{}", self.describe());
        assert!(self.stdout.lines().any(|l| l.starts_with("Built ")), "no `Built ...` line\n{}", self.describe());
        self
    }

    pub fn assert_failure(&self) -> &Run {
        assert_eq!(self.status.code(), Some(1), "expected the build to fail with exit code 1\n{}", self.describe());
        assert!(
            self.stderr.lines().last().is_some_and(|l| l.starts_with("Build failed with ")),
            "the last stderr line should be `Build failed with ...`\n{}",
            self.describe()
        );
        self
    }

    /// Panics unless some stderr line starts with `prefix`, e.g.
    /// `content/es/a.md:3:15: error[front-matter]`.
    pub fn assert_diagnostic(&self, prefix: &str) -> &Run {
        assert!(
            self.stderr.lines().any(|l| l.starts_with(prefix)),
            "no stderr line starts with `{prefix}`\n{}",
            self.describe()
        );
        self
    }

    /// The diagnostic line starting with `prefix` (its first line, without hints).
    pub fn diagnostic(&self, prefix: &str) -> &str {
        self.stderr
            .lines()
            .find(|l| l.starts_with(prefix))
            .unwrap_or_else(|| panic!("no stderr line starts with `{prefix}`\n{}", self.describe()))
    }

    pub fn assert_stderr_contains(&self, text: &str) -> &Run {
        assert!(self.stderr.contains(text), "stderr does not contain `{text}`\n{}", self.describe());
        self
    }

    /// Error lines (`...: error[code]: ...`), hints left out.
    pub fn errors(&self) -> Vec<&str> {
        self.stderr.lines().filter(|l| l.contains(": error[")).collect()
    }

    /// The number in `Build failed with N error(s)`.
    pub fn reported_error_count(&self) -> usize {
        let last = self.stderr.lines().last().unwrap_or("");
        last.strip_prefix("Build failed with ")
            .and_then(|r| r.split(' ').next())
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("no `Build failed with N errors` line\n{}", self.describe()))
    }
}

/// Every file under `dir`, by `/`-separated relative path.
pub type Snapshot = BTreeMap<String, Vec<u8>>;

pub fn snapshot(dir: &Path) -> Snapshot {
    fn walk(base: &Path, dir: &Path, out: &mut Snapshot) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
            .map(|e| e.unwrap())
            .collect();
        entries.sort_by_key(|e| e.file_name());
        for entry in entries {
            let path = entry.path();
            if entry.file_type().unwrap().is_dir() {
                walk(base, &path, out);
            } else {
                let rel = path
                    .strip_prefix(base)
                    .unwrap()
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect::<Vec<_>>()
                    .join("/");
                out.insert(rel, std::fs::read(&path).unwrap());
            }
        }
    }
    let mut out = Snapshot::new();
    walk(dir, dir, &mut out);
    out
}

/// Compares two snapshots and, when they differ, says which files, not the whole bytes.
pub fn assert_same_snapshot(before: &Snapshot, after: &Snapshot, what: &str) {
    if before == after {
        return;
    }
    let mut report = String::new();
    for path in before.keys().filter(|k| !after.contains_key(*k)) {
        writeln!(report, "  removed: {path}").unwrap();
    }
    for path in after.keys().filter(|k| !before.contains_key(*k)) {
        writeln!(report, "  added:   {path}").unwrap();
    }
    for (path, bytes) in before {
        if after.get(path).is_some_and(|b| b != bytes) {
            writeln!(report, "  changed: {path}").unwrap();
        }
    }
    panic!("{what}: the folders differ\n{report}");
}

/// Builds the (good) site, then applies `breakage`, builds again and checks that the second
/// build failed and left `public/` byte-for-byte as the first build wrote it, with no staging
/// folder left behind. Returns the failed run for checking its diagnostics.
pub fn break_and_rebuild(site: &Site, breakage: impl FnOnce(&Site)) -> Run {
    site.build_ok(&[]);
    let before = snapshot(&site.public());
    assert!(before.contains_key("index.html"), "the good build wrote no index.html");
    breakage(site);
    let run = site.build(&[]);
    run.assert_failure();
    assert_same_snapshot(&before, &snapshot(&site.public()), "public/ after a failed build");
    assert_eq!(site.leftovers(), Vec::<String>::new(), "staging folders left behind");
    run
}

/// The example site (the repository's own), copied so the build writes nothing here: it
/// has every kind of page, three campaign kits in each language and aliases.
pub fn example_site() -> Site {
    let site = Site::empty();
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    for dir in ["content", "data", "static"] {
        copy_dir(&repo.join(dir), &site.path().join(dir));
    }
    for file in ["site.yaml", "urls.txt"] {
        std::fs::copy(repo.join(file), site.path().join(file)).unwrap();
    }
    site
}

/// A small, valid bilingual site for the error tests to break.
pub fn minimal_site() -> Site {
    Site::from_files(&[
        (
            "site.yaml",
            "base_url: \"https://example.org/\"\n\
             languages: [es, en]\n\
             title: { es: \"Alto a la trata\", en: \"Stop Trafficking\" }\n",
        ),
        (
            "content/es/_index.md",
            "---\ntitle: \"Alto a la trata\"\n---\n\nSi sabes de un caso de trata, llama gratis a la Línea 1818.\n",
        ),
        (
            "content/en/_index.md",
            "---\ntitle: \"Stop Trafficking\"\n---\n\nIf you know of a trafficking case, call the free 1818 line.\n",
        ),
        ("content/es/linea-1818.md", "---\ntitle: \"Línea 1818\"\n---\n\nLa Línea 1818 es gratuita.\n"),
        (
            "content/en/linea-1818.md",
            "---\ntitle: \"The 1818 line\"\nslug: \"hotline-1818\"\n---\n\nThe 1818 line is free.\n",
        ),
    ])
}

// ----- HTML picking -------------------------------------------------------------------

/// One start tag: its name, attributes (values as written, entities left alone) and text.
#[derive(Debug, Clone)]
pub struct Tag {
    pub name: String,
    pub attrs: BTreeMap<String, String>,
    pub raw: String,
    /// Byte offset of the tag in the document.
    pub at: usize,
}

impl Tag {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.get(name).map(String::as_str)
    }

    pub fn has_class(&self, class: &str) -> bool {
        self.attr("class").is_some_and(|c| c.split_whitespace().any(|c| c == class))
    }
}

/// Every `<name ...>` start tag in `html`, in document order. Good enough for faro's own
/// output, whose attribute values never contain a raw `>` (it escapes them).
pub fn tags(html: &str, name: &str) -> Vec<Tag> {
    let mut out = Vec::new();
    let open = format!("<{name}");
    let mut from = 0;
    while let Some(i) = html[from..].find(&open) {
        let start = from + i;
        let after = start + open.len();
        from = after;
        if !html[after..].starts_with(|c: char| c.is_whitespace() || c == '>' || c == '/') {
            continue; // `<a` of `<article`
        }
        let Some(end) = html[after..].find('>') else {
            break;
        };
        let raw = &html[start..after + end + 1];
        out.push(Tag {
            name: name.to_string(),
            attrs: parse_attrs(&html[after..after + end]),
            raw: raw.to_string(),
            at: start,
        });
    }
    out
}

fn parse_attrs(s: &str) -> BTreeMap<String, String> {
    let mut attrs = BTreeMap::new();
    let mut rest = s.trim_start();
    while !rest.is_empty() {
        let name_end = rest.find(|c: char| c.is_whitespace() || c == '=' || c == '/').unwrap_or(rest.len());
        let name = rest[..name_end].to_ascii_lowercase();
        rest = rest[name_end..].trim_start();
        let value = if let Some(r) = rest.strip_prefix('=') {
            let r = r.trim_start();
            if let Some(r) = r.strip_prefix('"') {
                let end = r.find('"').unwrap_or(r.len());
                rest = r.get(end + 1..).unwrap_or("");
                r[..end].to_string()
            } else {
                let end = r.find(char::is_whitespace).unwrap_or(r.len());
                rest = &r[end..];
                r[..end].to_string()
            }
        } else {
            if rest.starts_with('/') {
                rest = &rest[1..];
            }
            String::new()
        };
        if !name.is_empty() {
            attrs.insert(name, value);
        }
        rest = rest.trim_start();
    }
    attrs
}

/// `<link rel="alternate" hreflang=...>` as (hreflang, href) pairs, in document order.
pub fn alternates(html: &str) -> Vec<(String, String)> {
    tags(html, "link")
        .into_iter()
        .filter(|t| t.attr("rel") == Some("alternate"))
        .map(|t| (t.attr("hreflang").unwrap_or("").to_string(), t.attr("href").unwrap_or("").to_string()))
        .collect()
}

/// The `href` of `<link rel="canonical">`.
pub fn canonical(html: &str) -> Option<String> {
    tags(html, "link")
        .into_iter()
        .find(|t| t.attr("rel") == Some("canonical"))
        .and_then(|t| t.attr("href").map(str::to_string))
}

/// The `lang` of the `<html>` element.
pub fn html_lang(html: &str) -> Option<String> {
    tags(html, "html").first().and_then(|t| t.attr("lang").map(str::to_string))
}

/// The text of the first element that starts with a tag matching `is_start` (for example
/// `<nav class="lang-switch">`), up to its closing `</name>`. Elements of the same name must
/// not nest, which holds for the `nav`, `ul` and `main` faro writes.
pub fn element<'a>(html: &'a str, name: &str, is_start: impl Fn(&Tag) -> bool) -> Option<&'a str> {
    let tag = tags(html, name).into_iter().find(|t| is_start(t))?;
    let close = format!("</{name}>");
    let end = html[tag.at..].find(&close)? + tag.at + close.len();
    Some(&html[tag.at..end])
}

/// The language switcher, `<nav class="lang-switch">...</nav>`.
pub fn lang_switch(html: &str) -> &str {
    element(html, "nav", |t| t.has_class("lang-switch"))
        .unwrap_or_else(|| panic!("no <nav class=\"lang-switch\"> in\n{html}"))
}

/// The `<a>` of the switcher that leads to `lang`.
/// Its `at` is an offset in `html`.
pub fn switcher_link(html: &str, lang: &str) -> Tag {
    let nav = lang_switch(html);
    let offset = nav.as_ptr() as usize - html.as_ptr() as usize;
    let mut tag = tags(nav, "a")
        .into_iter()
        .find(|t| t.attr("hreflang") == Some(lang))
        .unwrap_or_else(|| panic!("no switcher link to `{lang}` in\n{nav}"));
    tag.at += offset;
    tag
}

/// `href`s of every `<a>` in `html`, in order.
pub fn hrefs(html: &str) -> Vec<String> {
    tags(html, "a").into_iter().filter_map(|t| t.attr("href").map(str::to_string)).collect()
}

/// Every file of a snapshot that ends in `.html`, as text.
pub fn html_files(snap: &Snapshot) -> Vec<(&str, String)> {
    snap.iter()
        .filter(|(k, _)| k.ends_with(".html"))
        .map(|(k, v)| (k.as_str(), String::from_utf8(v.clone()).expect("UTF-8 HTML")))
        .collect()
}

/// A page template that extends the theme's base and whose line 4 is `bad_line`.
pub fn page_template(bad_line: &str) -> String {
    format!(
        "{{% extends \"base.html\" %}}\n\
         {{% block main %}}\n\
         <h1>{{{{ page.title }}}}</h1>\n\
         {bad_line}\n\
         {{{{ page.content }}}}\n\
         {{% endblock %}}\n"
    )
}

/// `faro build` on `site`, killed after 20 s so that a build that hangs on a FIFO fails the
/// test instead of blocking the suite.
pub fn build_with_timeout(site: &Site) -> Run {
    let mut child = Command::new(faro())
        .args(["build", "--no-pdf", "--site"])
        .arg(site.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run faro");
    let start = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > std::time::Duration::from_secs(20) {
            child.kill().unwrap();
            let out = child.wait_with_output().unwrap();
            panic!("the build still ran after 20 s (a FIFO was opened?)\n{}", String::from_utf8_lossy(&out.stderr));
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    Run {
        status: out.status,
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// `line:col` (1-based, the column in characters) of the one occurrence of `needle` in
/// `text`, as diagnostics give it.
pub fn pos(text: &str, needle: &str) -> String {
    assert_eq!(text.matches(needle).count(), 1, "`{needle}` should occur once in:\n{text}");
    let before = &text[..text.find(needle).unwrap()];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap().chars().count() + 1;
    format!("{line}:{col}")
}
