//! `faro serve`: builds the site into memory, serves it on localhost, watches the site's
//! files and brings the served site up to date on every save, telling open pages to reload
//! (server-sent events) or to show the errors of a failed rebuild over the last good site.
//!
//! The HTTP layer (hyper on tokio) stays inside this module. It answers GET and HEAD only,
//! bounds request heads and the time to send them, caps connections, and serves nothing but
//! the files of the in-memory build: a request path is looked up in that map, so `..`,
//! encoded or not, and links on disk lead nowhere.

use crate::diagnostics::Diagnostic;
use crate::live::{Files, Live, Update};
use crate::render::json_str;
use crate::site::SiteOptions;
use http_body_util::{combinators::BoxBody, BodyExt, Full};
use hyper::body::{Bytes, Frame, Incoming};
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::{TokioIo, TokioTimer};
use notify::event::{AccessKind, AccessMode, ModifyKind};
use notify::{EventKind, RecursiveMode, Watcher};
use std::collections::{BTreeMap, BTreeSet};
use std::convert::Infallible;
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::sync::{Arc, Mutex, RwLock};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

/// How long the files must be quiet before a burst of saves becomes one rebuild.
const QUIET: Duration = Duration::from_millis(10);
/// The longest a burst may delay a rebuild.
const MAX_BURST: Duration = Duration::from_millis(500);
/// Bounds on what a client may make the server hold.
const MAX_CONNECTIONS: usize = 256;
const MAX_HEAD_BYTES: usize = 16 * 1024;
const HEAD_TIMEOUT: Duration = Duration::from_secs(10);
/// The folders of a site that rebuild it when they change (site.yaml too).
const WATCHED: [&str; 6] = ["content", "data", "templates", "static", "themes", "i18n"];

pub struct ServeOptions {
    pub site_dir: PathBuf,
    pub bind: IpAddr,
    /// 0 picks a free port.
    pub port: u16,
    pub drafts: bool,
}

/// What the server tells the terminal.
pub enum Event<'a> {
    Serving { url: &'a str },
    Built(&'a Update),
    Failed(&'a [Diagnostic]),
    Stopped,
}

type Body = BoxBody<Bytes, Infallible>;

struct Shared {
    /// Updated in place: an edit swaps a few entries, not the whole map.
    files: RwLock<Files>,
    /// The errors of the last rebuild, while it stays failed.
    failed: RwLock<Option<String>>,
    clients: Mutex<Vec<tokio::sync::mpsc::Sender<Bytes>>>,
    base_path: String,
    languages: Vec<String>,
}

/// Runs until Ctrl-C. Errors are for what stops the server from starting.
pub fn serve(opts: &ServeOptions, report: &(dyn Fn(Event) + Sync)) -> anyhow::Result<()> {
    let root = std::fs::canonicalize(&opts.site_dir)
        .map_err(|e| anyhow::anyhow!("cannot open the site folder {}: {e}", opts.site_dir.display()))?;
    let listener = std::net::TcpListener::bind(SocketAddr::new(opts.bind, opts.port)).map_err(|e| {
        anyhow::anyhow!("cannot listen on {}:{}: {e} (is another faro serve running? try --port)", opts.bind, opts.port)
    })?;
    let addr = listener.local_addr()?;
    // Keep base_url's path, so links work as they will once published under it.
    let base_path = crate::config::Config::from_file(&root.join("site.yaml"), None)
        .map(|c| c.base_path)
        .unwrap_or_else(|_| "/".to_string());
    let host = if addr.ip().is_ipv6() { format!("[{}]", addr.ip()) } else { addr.ip().to_string() };
    let base_url = format!("http://{host}:{}{base_path}", addr.port());
    let site_opts = SiteOptions { base_url: Some(base_url.clone()), drafts: opts.drafts };

    let (live, first) = Live::new(&root, site_opts);
    let languages = live.config().map(|c| c.languages.clone()).unwrap_or_default();
    let shared = Arc::new(Shared {
        files: RwLock::new(live.files().clone()),
        failed: RwLock::new(None),
        clients: Mutex::new(Vec::new()),
        base_path,
        languages,
    });
    match &first {
        Ok(update) => report(Event::Built(update)),
        Err(diags) => {
            *shared.failed.write().expect("lock") = Some(failure_json(&live, diags));
            report(Event::Failed(diags));
        }
    }

    let (watcher, events) = watch(&root)?;
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build()?;
    std::thread::scope(|scope| -> anyhow::Result<()> {
        let rebuild_shared = shared.clone();
        let root = root.clone();
        scope.spawn(move || rebuild_loop(&root, live, watcher, events, &rebuild_shared, report));
        report(Event::Serving { url: &base_url });
        runtime.block_on(accept_loop(listener, shared.clone()))?;
        report(Event::Stopped);
        // The rebuild thread blocks on file events; leaving the process ends it.
        std::process::exit(0)
    })
}

async fn accept_loop(listener: std::net::TcpListener, shared: Arc<Shared>) -> anyhow::Result<()> {
    listener.set_nonblocking(true)?;
    let listener = tokio::net::TcpListener::from_std(listener)?;
    let slots = Arc::new(tokio::sync::Semaphore::new(MAX_CONNECTIONS));
    let mut ping = tokio::time::interval(Duration::from_secs(15));
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let Ok((stream, _)) = accepted else { continue };
                // Past the cap a connection is closed at once rather than queued.
                let Ok(slot) = slots.clone().try_acquire_owned() else { continue };
                let shared = shared.clone();
                tokio::spawn(async move {
                    let service = hyper::service::service_fn(move |req| {
                        let shared = shared.clone();
                        async move { Ok::<_, Infallible>(handle(&shared, req)) }
                    });
                    let _ = hyper::server::conn::http1::Builder::new()
                        .timer(TokioTimer::new())
                        .header_read_timeout(HEAD_TIMEOUT)
                        .max_buf_size(MAX_HEAD_BYTES)
                        .serve_connection(TokioIo::new(stream), service)
                        .await;
                    drop(slot);
                });
            }
            _ = ping.tick() => broadcast(&shared, Bytes::from_static(b": ping\n\n")),
            _ = tokio::signal::ctrl_c() => return Ok(()),
        }
    }
}

fn handle(shared: &Shared, req: Request<Incoming>) -> Response<Body> {
    if req.method() != Method::GET && req.method() != Method::HEAD {
        return response(StatusCode::METHOD_NOT_ALLOWED, "text/plain; charset=utf-8", "GET or HEAD only\n")
            .with_header("allow", "GET, HEAD");
    }
    let head = req.method() == Method::HEAD;
    let path = req.uri().path();
    match path {
        "/__faro/live.js" => {
            let js = crate::theme::builtin("serve/live.js").unwrap_or_default();
            return response(StatusCode::OK, "text/javascript; charset=utf-8", js);
        }
        "/__faro/events" => return events(shared),
        _ => {}
    }
    let files = shared.files.read().expect("lock");
    if files.is_empty() {
        // The first build failed: a page that shows the errors and reloads when fixed.
        let page = format!(
            "<!doctype html><html lang=\"{}\"><meta charset=\"utf-8\"><title>faro</title><body>{LIVE_SCRIPT}</body></html>",
            shared.languages.first().map(String::as_str).unwrap_or("en")
        );
        return response(StatusCode::SERVICE_UNAVAILABLE, "text/html; charset=utf-8", page);
    }
    let Some(rest) = path.strip_prefix(shared.base_path.as_str()) else {
        if path == "/" || format!("{path}/") == shared.base_path {
            return redirect(&shared.base_path);
        }
        return not_found(shared, &files, "", head);
    };
    let Some(rel) = decode(rest) else { return not_found(shared, &files, "", head) };
    let unsafe_path =
        rel.split('/').any(|s| s == ".." || s == ".") || rel.contains(['\\', '\0']) || rel.starts_with('/');
    if unsafe_path {
        return not_found(shared, &files, "", head);
    }
    let key = if rel.is_empty() || rel.ends_with('/') { format!("{rel}index.html") } else { rel.clone() };
    match files.get(&key) {
        Some(bytes) => {
            let kind = content_type(&key);
            let length = bytes.len().to_string();
            let body = match (head, kind.starts_with("text/html")) {
                (true, _) => Bytes::new(),
                (false, true) => Bytes::from(with_live_script(bytes)),
                (false, false) => bytes.clone(),
            };
            let mut res = response(StatusCode::OK, kind, body);
            if head {
                res = res.with_header("content-length", &length);
            }
            res
        }
        None if files.contains_key(&format!("{rel}/index.html")) => {
            let query = req.uri().query().map(|q| format!("?{q}")).unwrap_or_default();
            redirect(&format!("{path}/{query}"))
        }
        None => not_found(shared, &files, &rel, head),
    }
}

/// The theme's 404 page of the language the path is in.
fn not_found(shared: &Shared, files: &Files, rel: &str, head: bool) -> Response<Body> {
    let lang = rel.split('/').next().filter(|l| shared.languages.iter().any(|x| x == l));
    let page = lang.and_then(|l| files.get(&format!("{l}/404.html"))).or_else(|| files.get("404.html"));
    let body = match (page, head) {
        (_, true) => Vec::new(),
        (Some(p), false) => with_live_script(p),
        (None, false) => b"404\n".to_vec(),
    };
    response(StatusCode::NOT_FOUND, "text/html; charset=utf-8", body)
}

const LIVE_SCRIPT: &str = "<script src=\"/__faro/live.js\"></script>";

fn with_live_script(html: &[u8]) -> Vec<u8> {
    let at = html.windows(7).rposition(|w| w.eq_ignore_ascii_case(b"</body>")).unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + LIVE_SCRIPT.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(LIVE_SCRIPT.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

/// An event stream per open page: `reload` with the changed URLs, `failed` with errors.
fn events(shared: &Shared) -> Response<Body> {
    let (tx, rx) = tokio::sync::mpsc::channel(16);
    if let Some(json) = shared.failed.read().expect("lock").as_ref() {
        let _ = tx.try_send(Bytes::from(format!("event: failed\ndata: {json}\n\n")));
    }
    shared.clients.lock().expect("lock").push(tx);
    Response::builder()
        .status(StatusCode::OK)
        .header("content-type", "text/event-stream")
        .header("cache-control", "no-store")
        .body(EventBody(rx).boxed())
        .expect("static headers are valid")
}

struct EventBody(tokio::sync::mpsc::Receiver<Bytes>);

impl hyper::body::Body for EventBody {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        self.0.poll_recv(cx).map(|m| m.map(|b| Ok(Frame::data(b))))
    }
}

/// Sends to every open page, forgetting the ones that went away.
fn broadcast(shared: &Shared, message: Bytes) {
    shared.clients.lock().expect("lock").retain(|tx| match tx.try_send(message.clone()) {
        Ok(()) => true,
        Err(tokio::sync::mpsc::error::TrySendError::Full(_)) => true,
        Err(tokio::sync::mpsc::error::TrySendError::Closed(_)) => false,
    });
}

trait WithHeader {
    fn with_header(self, name: &'static str, value: &str) -> Self;
}

impl WithHeader for Response<Body> {
    fn with_header(mut self, name: &'static str, value: &str) -> Self {
        if let Ok(v) = hyper::header::HeaderValue::from_str(value) {
            self.headers_mut().insert(name, v);
        }
        self
    }
}

fn response(status: StatusCode, kind: &str, body: impl Into<Bytes>) -> Response<Body> {
    Response::builder()
        .status(status)
        .header("content-type", kind)
        .header("cache-control", "no-store")
        .header("x-content-type-options", "nosniff")
        .body(Full::new(body.into()).boxed())
        .expect("static headers are valid")
}

fn redirect(to: &str) -> Response<Body> {
    response(StatusCode::MOVED_PERMANENTLY, "text/plain; charset=utf-8", "").with_header("location", to)
}

/// Percent-decodes a URL path; None when it is not UTF-8 once decoded.
fn decode(path: &str) -> Option<String> {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

pub fn content_type(path: &str) -> &'static str {
    let ext = path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    match ext.as_str() {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml; charset=utf-8",
        "atom" => "application/atom+xml",
        "svg" => "image/svg+xml",
        "csv" => "text/csv; charset=utf-8",
        "yaml" | "yml" => "application/yaml; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "zip" => "application/zip",
        "pdf" => "application/pdf",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        _ => "application/octet-stream",
    }
}

type FileEvents = std::sync::mpsc::Receiver<notify::Result<notify::Event>>;

/// Watches site.yaml and the site's source folders (not the output, not the whole tree).
fn watch(root: &Path) -> anyhow::Result<(notify::RecommendedWatcher, FileEvents)> {
    let (tx, rx) = std::sync::mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |res| {
        let _ = tx.send(res);
    })?;
    // The root itself, not recursively: site.yaml, and source folders created later.
    watcher.watch(root, RecursiveMode::NonRecursive)?;
    for dir in WATCHED {
        let path = root.join(dir);
        if path.is_dir() {
            watcher.watch(&path, RecursiveMode::Recursive)?;
        }
    }
    Ok((watcher, rx))
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

fn rebuild_loop(
    root: &Path,
    mut live: Live,
    mut watcher: notify::RecommendedWatcher,
    events: FileEvents,
    shared: &Shared,
    report: &(dyn Fn(Event) + Sync),
) {
    let mut watched: BTreeSet<PathBuf> = WATCHED.iter().map(|d| root.join(d)).filter(|p| p.is_dir()).collect();
    loop {
        // Wait for a change, then drain until the files are quiet: one save, one rebuild.
        let mut paths = BTreeSet::new();
        let Ok(first) = events.recv() else { return };
        let mut started = None;
        let mut next = Some(first);
        while let Some(event) = next.take() {
            if let Ok(event) = event {
                if relevant(&event.kind) {
                    paths.extend(event.paths.into_iter().filter(|p| is_source(root, p)));
                }
            }
            if paths.is_empty() {
                next = events.recv().ok();
                continue;
            }
            // The burst is timed from its first relevant change, not from stray reads before it.
            let started = *started.get_or_insert_with(Instant::now);
            if started.elapsed() < MAX_BURST {
                next = events.recv_timeout(QUIET).ok();
            }
        }
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
                    "internal",
                    root,
                    "faro failed while updating the preview (a bug); save again to rebuild the whole site",
                )])
            });
        match result {
            Ok(update) => {
                let mut files = shared.files.write().expect("lock");
                if update.full {
                    *files = live.files().clone();
                } else {
                    for path in &update.changed {
                        if let Some(bytes) = live.files().get(path) {
                            files.insert(path.clone(), bytes.clone());
                        }
                    }
                }
                drop(files);
                shared.failed.write().expect("lock").take();
                let base = &shared.base_path;
                let urls: Vec<String> = update
                    .changed
                    .iter()
                    .chain(&update.removed)
                    .map(|p| format!("\"{base}{}\"", p.strip_suffix("index.html").unwrap_or(p).replace('"', "%22")))
                    .collect();
                let message = format!("event: reload\ndata: {{\"changed\":[{}]}}\n\n", urls.join(","));
                broadcast(shared, Bytes::from(message));
                report(Event::Built(&update));
            }
            Err(diags) => {
                let json = failure_json(&live, &diags);
                broadcast(shared, Bytes::from(format!("event: failed\ndata: {json}\n\n")));
                *shared.failed.write().expect("lock") = Some(json);
                report(Event::Failed(&diags));
            }
        }
    }
}

/// The `failed` event: the errors, and the panel's words in each language of the site.
fn failure_json(live: &Live, diags: &[Diagnostic]) -> String {
    let errors: Vec<String> = diags
        .iter()
        .filter(|d| d.is_error())
        .map(|d| {
            format!(
                "{{\"location\":{},\"message\":{},\"hint\":{}}}",
                json_str(&d.location()),
                json_str(&d.message),
                d.hint.as_deref().map_or("null".to_string(), json_str)
            )
        })
        .collect();
    let languages = live.config().map(|c| c.languages.clone()).unwrap_or_else(|| vec!["es".into(), "en".into()]);
    let mut strings = BTreeMap::new();
    for lang in languages {
        let text = |key: &str| crate::i18n::builtin_text(&lang, key).unwrap_or_default();
        strings.insert(
            lang.clone(),
            format!(
                "{{\"title\":{},\"hint\":{},\"close\":{}}}",
                json_str(&text("serve_failed_title")),
                json_str(&text("serve_failed_hint")),
                json_str(&text("serve_failed_close"))
            ),
        );
    }
    let strings: Vec<String> = strings.iter().map(|(l, s)| format!("{}:{s}", json_str(l))).collect();
    format!("{{\"errors\":[{}],\"strings\":{{{}}}}}", errors.join(","), strings.join(","))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_paths_and_refuses_bad_utf8() {
        assert_eq!(decode("es/a%C3%B1o/").as_deref(), Some("es/año/"));
        assert_eq!(decode("%2e%2e/%2E%2E/etc").as_deref(), Some("../../etc"));
        assert_eq!(decode("%ff"), None);
        assert_eq!(decode("abc%2"), Some("abc%2".to_string()));
    }

    #[test]
    fn the_live_script_goes_before_the_end_of_the_body() {
        let out = with_live_script(b"<html><body><p>x</p></body></html>");
        assert_eq!(String::from_utf8(out).unwrap(), format!("<html><body><p>x</p>{LIVE_SCRIPT}</body></html>"));
    }

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
