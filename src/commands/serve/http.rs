//! The preview's HTTP side (hyper on tokio, kept inside this file): it answers GET and
//! HEAD only, bounds request heads and the time to send them, caps connections, and serves
//! nothing but the files of the in-memory build: a request path is looked up in that map,
//! so `..`, encoded or not, and links on disk lead nowhere. Open pages hear of rebuilds
//! through server-sent events.

use super::live::Files;
use super::{Shared, LIVE_SCRIPT};
use http_body_util::{combinators::BoxBody, BodyExt, Full};
use hyper::body::{Bytes, Frame, Incoming};
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::{TokioIo, TokioTimer};
use std::convert::Infallible;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

/// Bounds on what a client may make the server hold.
const MAX_CONNECTIONS: usize = 256;
const MAX_HEAD_BYTES: usize = 16 * 1024;
const HEAD_TIMEOUT: Duration = Duration::from_secs(10);

type Body = BoxBody<Bytes, Infallible>;

pub(super) async fn accept_loop(listener: std::net::TcpListener, shared: Arc<Shared>) -> anyhow::Result<()> {
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
    let key = crate::urls::file_at(&rel);
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
        None if files.contains_key(&crate::urls::output_file(&format!("{rel}/"))) => {
            let query = req.uri().query().map(|q| format!("?{q}")).unwrap_or_default();
            redirect(&format!("{path}/{query}"))
        }
        None => not_found(shared, &files, &rel, head),
    }
}

/// The theme's 404 page of the language the path is in.
fn not_found(shared: &Shared, files: &Files, rel: &str, head: bool) -> Response<Body> {
    let lang = rel.split('/').next().filter(|l| shared.languages.iter().any(|x| x == l));
    let page = lang.and_then(|l| files.get(&crate::urls::not_found(l))).or_else(|| files.get(crate::urls::NOT_FOUND));
    let body = match (page, head) {
        (_, true) => Vec::new(),
        (Some(p), false) => with_live_script(p),
        (None, false) => b"404\n".to_vec(),
    };
    response(StatusCode::NOT_FOUND, "text/html; charset=utf-8", body)
}

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
pub(super) fn broadcast(shared: &Shared, message: Bytes) {
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

pub(crate) fn content_type(path: &str) -> &'static str {
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
}
