//! `faro serve` over real HTTP: the binary on a free port, pages fetched with a plain TCP
//! client, files edited, broken, created and deleted on disk while it runs.

use crate::support::*;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A running `faro serve`, stopped when dropped.
struct Server {
    child: Child,
    /// `127.0.0.1:PORT`
    addr: String,
    /// The printed base URL, e.g. `http://127.0.0.1:PORT/campana/`.
    url: String,
    stderr: Arc<Mutex<String>>,
}

impl Server {
    fn start(site: &Site) -> Server {
        Server::start_with(site, &[])
    }

    /// `faro serve` with more flags.
    fn start_with(site: &Site, flags: &[&str]) -> Server {
        let mut child = Command::new(faro())
            .args(["serve", "--port", "0", "--site"])
            .arg(site.path())
            .args(flags)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start faro serve");
        let stderr = Arc::new(Mutex::new(String::new()));
        let sink = stderr.clone();
        let err = child.stderr.take().unwrap();
        std::thread::spawn(move || {
            for line in BufReader::new(err).lines().map_while(Result::ok) {
                sink.lock().unwrap().push_str(&(line + "\n"));
            }
        });
        let mut out = BufReader::new(child.stdout.take().unwrap());
        let mut url = String::new();
        let mut line = String::new();
        while out.read_line(&mut line).unwrap_or(0) > 0 {
            if let Some(rest) = line.trim().strip_prefix("Serving at ") {
                url = rest.split_whitespace().next().unwrap().to_string();
                break;
            }
            line.clear();
        }
        assert!(!url.is_empty(), "no 'Serving at' line; stderr: {}", stderr.lock().unwrap());
        std::thread::spawn(move || for _ in out.lines() {});
        let addr = url.trim_start_matches("http://").split('/').next().unwrap().to_string();
        Server { child, addr, url, stderr }
    }

    /// A raw request line's target, sent as is (no client-side normalisation of `..`).
    fn get(&self, target: &str) -> Response {
        self.request(&format!("GET {target} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n", self.addr))
    }

    fn request(&self, raw: &str) -> Response {
        let mut stream = TcpStream::connect(&self.addr).unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        stream.write_all(raw.as_bytes()).unwrap();
        let mut bytes = Vec::new();
        let _ = stream.read_to_end(&mut bytes);
        Response::parse(&bytes)
    }

    /// Polls `target` until `check` holds (the rebuild is asynchronous), or fails after 10 s.
    fn wait_for(&self, target: &str, what: &str, check: impl Fn(&Response) -> bool) -> Response {
        let start = Instant::now();
        loop {
            let res = self.get(target);
            if check(&res) {
                return res;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "{what}: {target} still answers {} after 10 s; stderr:\n{}",
                res.status,
                self.stderr.lock().unwrap()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn stderr(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

struct Response {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Response {
    fn parse(bytes: &[u8]) -> Response {
        let text = String::from_utf8_lossy(bytes);
        let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
        let mut lines = head.lines();
        let status = lines.next().and_then(|l| l.split_whitespace().nth(1)).and_then(|s| s.parse().ok()).unwrap_or(0);
        let headers = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
            .collect();
        Response { status, headers, body: body.to_string() }
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }
}

fn page(title: &str, body: &str) -> String {
    format!("---\ntitle: \"{title}\"\n---\n\n{body}\n")
}

#[test]
fn edits_are_served_errors_keep_the_last_good_site_and_deleted_pages_disappear() {
    let site = minimal_site();
    site.write("content/es/campanas/escuelas.md", page("Charlas en colegios", "Primera versión de la charla."));
    site.write("content/en/campanas/escuelas.md", page("School talks", "First version of the talk."));
    site.write("content/es/campanas/_index.md", page("Campañas", ""));
    site.write("content/en/campanas/_index.md", page("Campaigns", ""));
    let server = Server::start(&site);
    assert!(server.url.starts_with("http://127.0.0.1:"), "listens on localhost by default: {}", server.url);

    let first = server.get("/es/campanas/escuelas/");
    assert_eq!(first.status, 200);
    assert!(first.body.contains("Primera versión de la charla."));
    assert!(first.body.contains("<script src=\"/__faro/live.js\"></script></body>"), "the reload script is injected");
    assert!(server.get("/__faro/live.js").body.contains("EventSource"));

    // A body edit, then a title edit: both served without restarting.
    site.write("content/es/campanas/escuelas.md", page("Charlas en colegios", "Segunda versión, con la Línea 1818."));
    server.wait_for("/es/campanas/escuelas/", "body edit", |r| r.body.contains("Segunda versión, con la Línea 1818."));
    site.write("content/es/campanas/escuelas.md", page("Charlas en escuelas", "Segunda versión, con la Línea 1818."));
    server.wait_for("/es/campanas/escuelas/", "title edit", |r| r.body.contains("<title>Charlas en escuelas"));
    // Its section lists it under the new title.
    server.wait_for("/es/campanas/", "listing", |r| r.body.contains("Charlas en escuelas"));

    // Broken front matter: an error naming the file and line; the last good page stays.
    site.write("content/es/campanas/escuelas.md", "---\ntitle: \"Charlas\nweight: [1\n---\n\nRota.\n");
    let start = Instant::now();
    while !server.stderr().contains("content/es/campanas/escuelas.md:") {
        assert!(start.elapsed() < Duration::from_secs(10), "no error reported: {}", server.stderr());
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(server.stderr().contains("still serving the last good version"));
    let kept = server.get("/es/campanas/escuelas/");
    assert_eq!(kept.status, 200);
    assert!(kept.body.contains("Segunda versión, con la Línea 1818."), "the last good content is still served");
    // A page opened now learns of the failure from its event stream.
    let mut events = TcpStream::connect(&server.addr).unwrap();
    events.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    write!(events, "GET /__faro/events HTTP/1.1\r\nHost: {}\r\n\r\n", server.addr).unwrap();
    let mut got = Vec::new();
    let mut buf = [0u8; 4096];
    while !String::from_utf8_lossy(&got).contains("\n\n") || !String::from_utf8_lossy(&got).contains("event:") {
        let n = events.read(&mut buf).expect("an event before the time-out");
        assert!(n > 0, "the event stream closed");
        got.extend_from_slice(&buf[..n]);
    }
    let stream = String::from_utf8_lossy(&got);
    assert!(stream.contains("text/event-stream"));
    assert!(stream.contains("event: failed"), "{stream}");
    assert!(stream.contains("content/es/campanas/escuelas.md:"), "the overlay names the file: {stream}");
    assert!(stream.contains("No se pudo actualizar el sitio"), "the overlay's words come from the theme strings");

    // The next good save clears it and is served.
    site.write("content/es/campanas/escuelas.md", page("Charlas en escuelas", "Tercera versión."));
    server.wait_for("/es/campanas/escuelas/", "fix", |r| r.body.contains("Tercera versión."));

    // A new page appears; a deleted one is gone with the theme's 404 page of its language.
    site.write("content/es/terminales.md", page("Terminales de buses", "Afiches en los terminales."));
    server.wait_for("/es/terminales/", "new page", |r| r.status == 200 && r.body.contains("Afiches"));
    site.remove("content/es/campanas/escuelas.md");
    let gone = server.wait_for("/es/campanas/escuelas/", "deleted page", |r| r.status == 404);
    assert!(gone.body.contains("lang=\"es\""), "the Spanish 404 page");
    assert!(gone.body.contains("Página no encontrada"));
}

#[test]
fn nothing_outside_the_built_site_is_served() {
    let site = minimal_site();
    site.write("static/ok.txt", "public file\n");
    let secret = Site::empty();
    secret.write("secret.txt", "SECRET-CONTENTS\n");
    let server = Server::start(&site);
    assert_eq!(server.get("/ok.txt").status, 200);
    // Links out of the site are errors: the rebuild fails and the last good site is served.
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(secret.path().join("secret.txt"), site.path().join("static/leak.txt")).unwrap();
        std::os::unix::fs::symlink(secret.path().join("secret.txt"), site.path().join("content/es/leak.txt")).unwrap();
        std::os::unix::fs::symlink(secret.path(), site.path().join("static/outside")).unwrap();
        let start = Instant::now();
        while !server.stderr().contains("symlink") && start.elapsed() < Duration::from_secs(10) {
            std::thread::sleep(Duration::from_millis(20));
        }
    }
    assert_eq!(server.get("/ok.txt").status, 200, "the last good site is still served");
    let attempts = [
        "/../site.yaml",
        "/es/../../site.yaml",
        "/%2e%2e/site.yaml",
        "/%2E%2E/%2E%2E/etc/passwd",
        "/es/..%2f..%2fsite.yaml",
        "/es/%2e%2e%2f%2e%2e%2fsite.yaml",
        "/..%5c..%5csite.yaml",
        "/es/%252e%252e/site.yaml",
        "/content/es/_index.md",
        "/site.yaml",
        "/leak.txt",
        "/es/leak.txt",
        "/outside/secret.txt",
        "/%00",
    ];
    for target in attempts {
        let res = server.get(target);
        assert_eq!(res.status, 404, "{target} must be 404, got {}", res.status);
        assert!(!res.body.contains("SECRET-CONTENTS") && !res.body.contains("base_url"), "{target} leaked a file");
    }
    assert!(server.stderr().contains("symlink"), "skipped links are reported: {}", server.stderr());

    // Only GET and HEAD; content types; oversized request heads are refused.
    let post = server.request(&format!(
        "POST /es/ HTTP/1.1\r\nHost: {}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
        server.addr
    ));
    assert_eq!(post.status, 405);
    let head = server.request(&format!("HEAD /es/ HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n", server.addr));
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());
    assert_eq!(server.get("/es/").header("content-type"), Some("text/html; charset=utf-8"));
    assert_eq!(server.get("/faro.css").header("content-type"), Some("text/css; charset=utf-8"));
    assert_eq!(server.get("/ok.txt").header("content-type"), Some("text/plain; charset=utf-8"));
    assert_eq!(server.get("/es/nada/").header("content-type"), Some("text/html; charset=utf-8"));
    let huge = format!(
        "GET /es/ HTTP/1.1\r\nHost: {}\r\nX-Big: {}\r\nConnection: close\r\n\r\n",
        server.addr,
        "a".repeat(64 * 1024)
    );
    let res = server.request(&huge);
    assert_ne!(res.status, 200, "a 64 KiB request head is refused");
    // Still serving after all that.
    assert_eq!(server.get("/es/").status, 200);
}

#[test]
fn links_work_under_a_base_path() {
    let site = minimal_site();
    site.write(
        "site.yaml",
        "base_url: \"https://example.org/campana/\"\nlanguages: [es, en]\ntitle: { es: \"Alto a la trata\", en: \"Stop Trafficking\" }\n",
    );
    let server = Server::start(&site);
    assert!(server.url.ends_with("/campana/"), "{}", server.url);
    let root = server.get("/");
    assert_eq!(root.status, 301);
    assert_eq!(root.header("location"), Some("/campana/"));
    let home = server.get("/campana/es/");
    assert_eq!(home.status, 200);
    let links = hrefs(&home.body);
    let internal: Vec<&String> = links.iter().filter(|h| h.starts_with('/')).collect();
    assert!(!internal.is_empty());
    for href in internal {
        let path = href.split('#').next().unwrap();
        assert!(path.starts_with("/campana/"), "{href} is outside the base path");
        assert_eq!(server.get(path).status, 200, "{href} is broken under the server");
    }
    assert_eq!(server.get("/campana/es/linea-1818").status, 301, "a folder without its slash is redirected");
    assert_eq!(server.get("/es/").status, 404, "nothing is served outside the base path");
}

#[test]
fn a_site_that_fails_at_start_is_served_once_fixed() {
    let site = minimal_site();
    site.write("content/es/linea-1818.md", "---\ntitle: [\n---\n");
    let server = Server::start(&site);
    assert_eq!(server.get("/es/").status, 503);
    let start = Instant::now();
    while !server.stderr().contains("content/es/linea-1818.md:") {
        assert!(start.elapsed() < Duration::from_secs(10), "no error reported: {}", server.stderr());
        std::thread::sleep(Duration::from_millis(20));
    }
    site.write("content/es/linea-1818.md", page("Línea 1818", "Gratuita."));
    server.wait_for("/es/linea-1818/", "fixed site", |r| r.status == 200 && r.body.contains("Gratuita."));
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_the_server_cleanly() {
    let site = minimal_site();
    let mut server = Server::start(&site);
    assert_eq!(server.get("/es/").status, 200);
    let killed = Command::new("kill").args(["-INT", &server.child.id().to_string()]).status().unwrap();
    assert!(killed.success());
    let start = Instant::now();
    let status = loop {
        if let Some(status) = server.child.try_wait().unwrap() {
            break status;
        }
        assert!(start.elapsed() < Duration::from_secs(10), "still running 10 s after Ctrl-C");
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(status.success(), "exit status {status:?}");
    assert!(TcpStream::connect(&server.addr).is_err(), "the port is closed");
}

// ---------------------------------------------------------------------------------------
// Issue 16 (serve): DNS rebinding, event-stream and slow-client floods, HEAD as GET.
// ---------------------------------------------------------------------------------------

impl Server {
    /// `method target` with the given header lines (each ending in `\r\n`), connection closed after.
    fn send(&self, method: &str, target: &str, headers: &str) -> Response {
        self.request(&format!("{method} {target} HTTP/1.1\r\n{headers}Connection: close\r\n\r\n"))
    }

    fn port(&self) -> &str {
        self.addr.rsplit(':').next().unwrap()
    }

    /// A raw event stream, its response head read.
    fn open_events(&self) -> TcpStream {
        let mut stream = TcpStream::connect(&self.addr).unwrap();
        write!(stream, "GET /__faro/events HTTP/1.1\r\nHost: {}\r\n\r\n", self.addr).unwrap();
        stream
    }
}

/// Reads what `stream` sends until `done` holds of it or it closes, for at most 5 s:
/// (what it sent, whether it closed).
fn read_until(stream: &mut TcpStream, done: impl Fn(&str) -> bool) -> (String, bool) {
    stream.set_read_timeout(Some(Duration::from_millis(50))).unwrap();
    let (start, mut got, mut buf) = (Instant::now(), Vec::new(), [0u8; 4096]);
    while start.elapsed() < Duration::from_secs(5) && !done(&String::from_utf8_lossy(&got)) {
        match stream.read(&mut buf) {
            Ok(0) => return (String::from_utf8_lossy(&got).into_owned(), true),
            Ok(n) => got.extend_from_slice(&buf[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => return (String::new(), true),
            Err(_) => {}
        }
    }
    (String::from_utf8_lossy(&got).into_owned(), false)
}

/// Whether the server has ended `stream`: what it sent is read, then the end of the stream.
fn ended(stream: &mut TcpStream) -> bool {
    stream.set_read_timeout(Some(Duration::from_millis(100))).unwrap();
    let mut buf = [0u8; 4096];
    loop {
        match stream.read(&mut buf) {
            Ok(0) => return true,
            Ok(_) => {}
            Err(e) => return e.kind() == std::io::ErrorKind::ConnectionReset,
        }
    }
}

#[test]
fn issue_16_only_requests_naming_the_preview_by_a_loopback_host_are_answered() {
    let site = minimal_site();
    let server = Server::start(&site);
    let port = server.port().to_string();
    let answered = [
        format!("Host: 127.0.0.1:{port}\r\n"),
        format!("Host: localhost:{port}\r\n"),
        "Host: localhost\r\n".to_string(),
        format!("Host: campana.localhost:{port}\r\n"),
        format!("Host: [::1]:{port}\r\n"),
        format!("Host: localhost:{port}\r\nOrigin: http://127.0.0.1:{port}\r\n"),
    ];
    for headers in &answered {
        assert_eq!(server.send("GET", "/es/", headers).status, 200, "{headers:?} is the preview");
    }
    // HTTP/1.0 may omit Host, but a request that names no host is not answered (an
    // outsider's case: the README says so); one naming it in the request line is.
    assert_eq!(server.request("GET /es/ HTTP/1.0\r\n\r\n").status, 403);
    assert_eq!(server.request(&format!("GET http://localhost:{port}/es/ HTTP/1.0\r\n\r\n")).status, 200);
    let refused = [
        "Host: evil.example\r\n".to_string(),
        format!("Host: evil.example:{port}\r\n"),
        format!("Host: localhost.evil.example:{port}\r\n"),
        "Host: 127.0.0.1:1\r\n".to_string(),
        format!("Host: 10.0.0.1:{port}\r\n"),
        String::new(),
        format!("Host: localhost:{port}\r\nHost: evil.example\r\n"),
        format!("Host: localhost:{port}\r\nOrigin: https://evil.example\r\n"),
    ];
    for headers in &refused {
        let res = server.send("GET", "/es/", headers);
        assert_eq!(res.status, 403, "{headers:?} must be refused");
        assert_eq!(res.header("content-type"), Some("text/plain; charset=utf-8"));
        assert!(res.body.contains("localhost, *.localhost, 127.0.0.1 or [::1]"), "says what is served: {}", res.body);
        assert!(!res.body.contains("<html"), "no page of the site: {}", res.body);
    }
    let named = server.send("GET", "/es/", "Host: evil.example\r\n");
    assert!(named.body.contains(&format!("port {port}")) && named.body.contains("\"evil.example\""), "{}", named.body);
    let absolute = server.send("GET", "http://evil.example/es/", &format!("Host: localhost:{port}\r\n"));
    assert_eq!(absolute.status, 403, "an absolute-form target names the host");
    // A page of another site may not open a live-reload stream; the preview's own may.
    let cross =
        server.send("GET", "/__faro/events", &format!("Host: localhost:{port}\r\nSec-Fetch-Site: cross-site\r\n"));
    assert_eq!(cross.status, 403);
    let mut own = TcpStream::connect(&server.addr).unwrap();
    write!(own, "GET /__faro/events HTTP/1.1\r\nHost: localhost:{port}\r\nSec-Fetch-Site: same-origin\r\n\r\n")
        .unwrap();
    let (head, _) = read_until(&mut own, |got| got.contains("\r\n\r\n"));
    assert!(head.starts_with("HTTP/1.1 200") && head.contains("text/event-stream"), "{head}");
}

#[test]
fn issue_16_three_hundred_event_streams_leave_pages_loading_and_the_newest_tab_live() {
    let site = minimal_site();
    let server = Server::start(&site);
    let mut streams: Vec<TcpStream> = (0..300).map(|_| server.open_events()).collect();
    let start = Instant::now();
    assert_eq!(server.get("/es/").status, 200, "a page still loads with 300 streams open");
    assert!(start.elapsed() < Duration::from_secs(2), "and at once: {:?}", start.elapsed());
    // The server registers streams as it gets to them, not quite in the order they were
    // opened: once each of the 300 is answered, one opened after them all is the newest.
    for stream in &mut streams {
        let (head, _) = read_until(stream, |got| got.contains("\r\n\r\n"));
        assert!(head.starts_with("HTTP/1.1 200"), "every stream is answered: {head:?}");
    }
    streams.push(server.open_events());
    // The newest stream is live and hears of the next save; the oldest were closed for it.
    let newest = streams.last_mut().unwrap();
    let (head, closed) = read_until(newest, |got| got.contains("\r\n\r\n"));
    assert!(head.starts_with("HTTP/1.1 200") && !closed, "the newest stream is answered: {head:?}");
    site.write("content/es/linea-1818.md", page("Línea 1818", "Nueva versión."));
    // A loaded machine can take longer than one read's 5 s to notice the save and rebuild.
    let mut events = String::new();
    for _ in 0..4 {
        let (more, closed) = read_until(newest, |got| got.contains("event: reload"));
        events.push_str(&more);
        if events.contains("event: reload") || closed {
            break;
        }
    }
    assert!(events.contains("event: reload"), "the newest tab reloads: {events:?}");
    // Streams are registered as the server gets to them, not quite in the order opened:
    // of the first hundred, all but the cap's worth at most must have made room.
    let closed = streams[..100].iter_mut().map(ended).filter(|&c| c).count();
    assert!(closed >= 100 - 32, "the oldest streams made room: {closed} of 100 closed");
    assert_eq!(server.get("/es/linea-1818/").status, 200);
}

#[test]
fn issue_16_silent_connections_do_not_lock_pages_out() {
    let site = minimal_site();
    let server = Server::start(&site);
    // Three hundred clients that connect and never send a request.
    let silent: Vec<TcpStream> = (0..300).map(|_| TcpStream::connect(&server.addr).unwrap()).collect();
    std::thread::sleep(Duration::from_millis(200));
    let start = Instant::now();
    assert_eq!(server.get("/es/").status, 200, "a page loads past 300 silent connections");
    assert!(start.elapsed() < Duration::from_secs(2), "{:?}", start.elapsed());
    drop(silent);
}

#[test]
fn issue_16_head_answers_with_the_status_and_headers_of_get() {
    let site = minimal_site();
    site.write("static/ok.txt", "public file\n");
    let server = Server::start(&site);
    let host = format!("Host: {}\r\n", server.addr);
    let targets = ["/es/", "/en/", "/faro.css", "/ok.txt", "/es/nada/", "/nada", "/es", "/__faro/live.js"];
    let mut statuses = Vec::new();
    for (target, headers) in targets.iter().map(|t| (*t, host.as_str())).chain([("/es/", "Host: evil.example\r\n")]) {
        let get = server.send("GET", target, headers);
        let head = server.send("HEAD", target, headers);
        let comparable = |r: &Response| {
            let mut h: Vec<(String, String)> = r.headers.iter().filter(|(k, _)| k != "date").cloned().collect();
            h.sort();
            h
        };
        assert_eq!(head.status, get.status, "{target}");
        assert_eq!(comparable(&head), comparable(&get), "HEAD {target} has GET's headers");
        assert!(head.body.is_empty(), "HEAD {target} has no body");
        let length: usize = get.header("content-length").unwrap_or_default().parse().unwrap_or(usize::MAX);
        assert_eq!(length, get.body.len(), "GET {target}: Content-Length is the body's");
        statuses.push(get.status);
    }
    assert_eq!(statuses, [200, 200, 200, 200, 404, 404, 301, 200, 403], "pages, assets, 404s, a redirect, a refusal");
}

/// Issue 17: a link to a site path that names nothing, written while previewing, is
/// reported at its line as the build reports it; one to a file faro makes is not.
#[test]
fn an_edit_with_a_site_path_to_nothing_published_warns_at_its_line() {
    let site = minimal_site();
    let server = Server::start(&site);
    let body = "Ver [buscar](/es/buscar/) y [nada](/es/no-existe/).";
    site.write("content/es/linea-1818.md", page("Línea 1818", body));
    server.wait_for("/es/linea-1818/", "edit", |r| r.body.contains("no-existe"));
    let start = Instant::now();
    while !server.stderr().contains("warning[broken-link]") {
        assert!(start.elapsed() < Duration::from_secs(10), "no warning: {}", server.stderr());
        std::thread::sleep(Duration::from_millis(20));
    }
    let stderr = server.stderr();
    let line = stderr.lines().find(|l| l.contains("warning[broken-link]")).unwrap();
    assert!(line.contains("content/es/linea-1818.md:5:29: ") && line.contains("`/es/no-existe/`"), "{stderr}");
    assert!(!stderr.contains("`/es/buscar/`"), "{stderr}");
}

/// Issue 18: the short flags Hugo and Zola users type, and a preview under another address.
#[test]
fn serve_base_url_previews_under_its_path_with_short_flags() {
    let site = minimal_site();
    let server = Server::start_with(&site, &["-b", "https://example.org/campana/", "-D"]);
    assert!(server.url.ends_with("/campana/"), "{}", server.url);
    let page = server.get("/campana/es/");
    assert_eq!(page.status, 200);
    assert!(page.body.contains("href=\"/campana/es/buscar/\""), "{}", page.body);
    assert_eq!(server.get("/es/").status, 404, "nothing outside the base path");
}
