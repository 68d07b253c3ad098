//! `faro serve`: builds the site into memory, serves it on localhost, watches the site's
//! files and brings the served site up to date on every save, telling open pages to reload
//! (server-sent events) or to show the errors of a failed rebuild over the last good site.
//! `http` answers requests, `guard` says which, `conns` holds the connections, `watch` turns
//! saves into updates, `live` keeps the site.

mod conns;
mod guard;
mod http;
pub(crate) mod live;
mod watch;

use crate::diagnostics::Diagnostic;
use crate::escape::json as json_str;
use crate::messages::{english, Said};
use crate::model::SiteOptions;
use hyper::body::Bytes;
use live::{Files, Live, Update};
use std::collections::BTreeMap;
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::sync::{Arc, RwLock};

pub struct ServeOptions {
    pub site_dir: PathBuf,
    pub bind: IpAddr,
    /// 0 picks a free port.
    pub port: u16,
    /// Replaces `base_url` from site.yaml: the preview is served under its path.
    pub base_url: Option<String>,
    pub drafts: bool,
    /// The terminal's language, for what stops the server from starting.
    pub lang: String,
}

/// What the server tells the terminal.
pub enum Event<'a> {
    Serving { url: &'a str },
    Built(&'a Update),
    Failed(&'a [Diagnostic]),
    Stopped,
}

/// The script every served HTML page gets, before `</body>`.
const LIVE_SCRIPT: &str = "<script src=\"/__faro/live.js\"></script>";

/// What the HTTP side and the rebuild loop share.
struct Shared {
    /// Updated in place: an edit swaps a few entries, not the whole map.
    files: RwLock<Files>,
    /// The errors of the last rebuild, while it stays failed.
    failed: RwLock<Option<String>>,
    conns: conns::Conns,
    names: guard::Names,
    base_path: String,
    languages: Vec<String>,
}

impl Shared {
    /// Serves an update's files and tells open pages which URLs changed.
    fn publish(&self, live: &Live, update: &Update) {
        let mut files = self.files.write().expect("lock");
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
        self.failed.write().expect("lock").take();
        let base = &self.base_path;
        let urls: Vec<String> = update
            .changed
            .iter()
            .chain(&update.removed)
            .map(|p| format!("\"{base}{}\"", p.strip_suffix("index.html").unwrap_or(p).replace('"', "%22")))
            .collect();
        let message = format!("event: reload\ndata: {{\"changed\":[{}]}}\n\n", urls.join(","));
        self.conns.broadcast(&Bytes::from(message));
    }
}

/// Runs until Ctrl-C, then returns. Errors are for what stops the server from starting.
pub fn serve(opts: &ServeOptions, report: &(dyn Fn(Event) + Sync)) -> anyhow::Result<()> {
    let said = |said: Said| anyhow::anyhow!(said.in_lang(&opts.lang).unwrap_or_else(|| english(&said)));
    let root = std::fs::canonicalize(&opts.site_dir).map_err(|e| {
        let (dir, error) = (opts.site_dir.display().to_string(), e.to_string());
        said(Said::new("cmd-serve-cannot-open", &[("dir", &dir), ("error", &error)]))
    })?;
    let listener = std::net::TcpListener::bind(SocketAddr::new(opts.bind, opts.port)).map_err(|e| {
        let (bind, port, error) = (opts.bind.to_string(), opts.port.to_string(), e.to_string());
        said(Said::new("cmd-serve-cannot-listen", &[("bind", &bind), ("port", &port), ("error", &error)]))
    })?;
    let addr = listener.local_addr()?;
    let host = if addr.ip().is_ipv6() { format!("[{}]", addr.ip()) } else { addr.ip().to_string() };
    // Under base_url's path, so links work as they will once published under it.
    let origin = format!("http://{host}:{}", addr.port());
    let site_opts = SiteOptions {
        serve_origin: Some(origin.clone()),
        drafts: opts.drafts,
        base_url: opts.base_url.clone(),
        ..SiteOptions::default()
    };
    let (live, first) = Live::new(&root, site_opts);
    let base_path = live.config().map_or_else(|| "/".to_string(), |c| c.base_path.clone());
    let base_url = format!("{origin}{base_path}");
    let languages = live.config().map(|c| c.languages.clone()).unwrap_or_default();
    let shared = Arc::new(Shared {
        files: RwLock::new(live.files().clone()),
        failed: RwLock::new(None),
        conns: conns::Conns::new(conns::MAX_CONNECTIONS, conns::MAX_STREAMS),
        names: guard::Names { port: addr.port(), bound: addr.ip() },
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
    let (watcher, stop, messages) = watch::watch(&root)?;
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build()?;
    std::thread::scope(|scope| -> anyhow::Result<()> {
        let rebuild_shared = shared.clone();
        let root = root.clone();
        scope.spawn(move || watch::rebuild_loop(&root, live, watcher, messages, &rebuild_shared, report));
        report(Event::Serving { url: &base_url });
        let served = runtime.block_on(http::accept_loop(listener, shared.clone()));
        // The rebuild loop ends at this message, after any update it is making.
        let _ = stop.send(watch::Message::Stop);
        report(Event::Stopped);
        served
    })
}

/// The `failed` event: the errors, and the panel's words in each language of the site.
fn failure_json(live: &Live, diags: &[Diagnostic]) -> String {
    let languages = live.config().map(|c| c.languages.clone()).unwrap_or_else(|| vec!["es".into(), "en".into()]);
    let hint_json = |h: Option<String>| h.as_deref().map_or("null".to_string(), json_str);
    let errors: Vec<String> = diags
        .iter()
        .filter(|d| d.is_error())
        .map(|d| {
            // The panel speaks the page's language: each error as each language says it.
            let said: Vec<String> = languages
                .iter()
                .map(|l| {
                    let (m, h) = (d.message_in(l), d.hint_in(l));
                    format!("{}:{{\"message\":{},\"hint\":{}}}", json_str(l), json_str(&m), hint_json(h))
                })
                .collect();
            format!(
                "{{\"location\":{},\"message\":{},\"hint\":{},\"said\":{{{}}}}}",
                json_str(&d.location()),
                json_str(&d.message),
                hint_json(d.hint.clone()),
                said.join(",")
            )
        })
        .collect();
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
