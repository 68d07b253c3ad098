//! The preview's HTTP side (hyper on tokio, kept inside this file): it answers GET and
//! HEAD only, for hosts `guard` allows, bounds request heads and the time to send them,
//! leaves connections to `conns`, and serves nothing but the files of the in-memory build:
//! a request path is looked up in that map, so `..`, encoded or not, and links on disk lead
//! nowhere. Open pages hear of rebuilds through server-sent events.

use super::conns::Slot;
use super::live::Files;
use super::{Shared, LIVE_SCRIPT};
use http_body_util::{combinators::BoxBody, BodyExt, Full};
use hyper::body::{Bytes, Frame, Incoming};
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::{TokioIo, TokioTimer};
use std::convert::Infallible;
use std::net::IpAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

/// Bounds on what a client may make the server hold (connections: see `conns`).
const MAX_HEAD_BYTES: usize = 16 * 1024;
const HEAD_TIMEOUT: Duration = Duration::from_secs(10);
const TEXT: &str = "text/plain; charset=utf-8";

type Body = BoxBody<Bytes, Infallible>;

pub(super) async fn accept_loop(listener: std::net::TcpListener, shared: Arc<Shared>) -> anyhow::Result<()> {
    listener.set_nonblocking(true)?;
    let listener = tokio::net::TcpListener::from_std(listener)?;
    let mut ping = tokio::time::interval(Duration::from_secs(15));
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let Ok((stream, _)) = accepted else { continue };
                let Ok(local) = stream.local_addr() else { continue };
                let (slot, closed) = shared.conns.admit(Instant::now());
                tokio::spawn(connection(stream, Conn { id: slot.id, local: local.ip() }, slot, closed, shared.clone()));
            }
            _ = ping.tick() => shared.conns.broadcast(&Bytes::from_static(b": ping\n\n")),
            _ = tokio::signal::ctrl_c() => return Ok(()),
        }
    }
}

/// What a request needs to know of its connection.
#[derive(Clone, Copy)]
struct Conn {
    id: u64,
    /// The address the client reached.
    local: IpAddr,
}

/// Serves one connection until it ends, or until `conns` closes it to make room.
async fn connection(
    stream: tokio::net::TcpStream,
    conn: Conn,
    slot: Slot,
    closed: tokio::sync::oneshot::Receiver<()>,
    shared: Arc<Shared>,
) {
    let service = hyper::service::service_fn(move |req| {
        let shared = shared.clone();
        async move { Ok::<_, Infallible>(handle(&shared, &req, conn)) }
    });
    let served = hyper::server::conn::http1::Builder::new()
        .timer(TokioTimer::new())
        .header_read_timeout(HEAD_TIMEOUT)
        .max_buf_size(MAX_HEAD_BYTES)
        .serve_connection(TokioIo::new(stream), service);
    tokio::pin!(served);
    tokio::select! {
        _ = served.as_mut() => {}
        // Err: the connection became an event stream, which `conns` ends on its own.
        made_room = closed => if made_room.is_err() { let _ = served.await; },
    }
    drop(slot);
}

/// Answers HEAD as GET: hyper then sends the same status and headers (Content-Length
/// included) without the body.
fn handle(shared: &Shared, req: &Request<Incoming>, conn: Conn) -> Response<Body> {
    shared.conns.touch(conn.id, Instant::now());
    let path = req.uri().path();
    if let Some(why) = shared.names.refuse(req, conn.local, path == "/__faro/events") {
        return response(StatusCode::FORBIDDEN, TEXT, shared.names.refusal(&why));
    }
    if req.method() != Method::GET && req.method() != Method::HEAD {
        return response(StatusCode::METHOD_NOT_ALLOWED, TEXT, "GET or HEAD only\n").with_header("allow", "GET, HEAD");
    }
    match path {
        "/__faro/live.js" => {
            let js = crate::theme::builtin("serve/live.js").unwrap_or_default();
            return response(StatusCode::OK, "text/javascript; charset=utf-8", js);
        }
        "/__faro/events" => return events(shared, conn.id, req.method() == Method::HEAD),
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
        return not_found(shared, &files, "");
    };
    let Some(rel) = decode(rest) else { return not_found(shared, &files, "") };
    let unsafe_path =
        rel.split('/').any(|s| s == ".." || s == ".") || rel.contains(['\\', '\0']) || rel.starts_with('/');
    if unsafe_path {
        return not_found(shared, &files, "");
    }
    let key = crate::urls::file_at(&rel);
    match files.get(&key) {
        Some(bytes) => {
            let kind = content_type(&key);
            let body = if kind.starts_with("text/html") { Bytes::from(with_live_script(bytes)) } else { bytes.clone() };
            response(StatusCode::OK, kind, body)
        }
        None if files.contains_key(&crate::urls::output_file(&format!("{rel}/"))) => {
            let query = req.uri().query().map(|q| format!("?{q}")).unwrap_or_default();
            redirect(&format!("{path}/{query}"))
        }
        None => not_found(shared, &files, &rel),
    }
}

/// The theme's 404 page of the language the path is in.
fn not_found(shared: &Shared, files: &Files, rel: &str) -> Response<Body> {
    let lang = rel.split('/').next().filter(|l| shared.languages.iter().any(|x| x == l));
    let page = lang.and_then(|l| files.get(&crate::urls::not_found(l))).or_else(|| files.get(crate::urls::NOT_FOUND));
    let body = page.map_or_else(|| b"404\n".to_vec(), |p| with_live_script(p));
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
/// HEAD gets its headers only, and takes no place among the streams.
fn events(shared: &Shared, id: u64, head: bool) -> Response<Body> {
    let stream = if head {
        tokio::sync::mpsc::channel(1).1
    } else {
        let failed = shared.failed.read().expect("lock");
        let first = failed.as_ref().map(|json| Bytes::from(format!("event: failed\ndata: {json}\n\n")));
        shared.conns.stream(id, first)
    };
    Response::builder()
        .status(StatusCode::OK)
        .header("content-type", "text/event-stream")
        .header("cache-control", "no-store")
        // A stream closed to make room for a newer one takes its connection with it.
        .header("connection", "close")
        .body(EventBody(stream).boxed())
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

/// Content-Length is set here, not left to hyper, which leaves it out of a HEAD response
/// whose body is empty.
fn response(status: StatusCode, kind: &str, body: impl Into<Bytes>) -> Response<Body> {
    let body: Bytes = body.into();
    Response::builder()
        .status(status)
        .header("content-type", kind)
        .header("content-length", body.len())
        .header("cache-control", "no-store")
        .header("x-content-type-options", "nosniff")
        .body(Full::new(body).boxed())
        .expect("static headers are valid")
}

fn redirect(to: &str) -> Response<Body> {
    response(StatusCode::MOVED_PERMANENTLY, TEXT, "").with_header("location", to)
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
