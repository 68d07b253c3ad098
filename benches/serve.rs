//! Edit-to-served latency of `faro serve`: on a generated bilingual site of 1,000 pages,
//! the time from writing a page's Markdown to the new HTML being answered over HTTP,
//! measured from outside, as a browser would see it (file watcher, debounce, update,
//! HTTP). Run: `cargo bench --bench serve` (FARO_BENCH_PAGES=N for another size).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const WORDS: &[&str] = &[
    "la",
    "trata",
    "de",
    "personas",
    "es",
    "un",
    "delito",
    "que",
    "afecta",
    "a",
    "niñas",
    "niños",
    "adolescentes",
    "mujeres",
    "en",
    "todo",
    "el",
    "país",
    "la",
    "línea",
    "gratuita",
    "recibe",
    "denuncias",
    "cada",
    "día",
    "región",
    "campaña",
    "colegio",
    "policía",
    "fiscalía",
    "víctimas",
    "protección",
    "prevención",
    "captación",
    "redes",
    "sociales",
    "empleo",
    "falso",
    "minería",
    "informal",
    "meta",
    "indicador",
    "avance",
    "informe",
    "comisión",
];

/// A deterministic bilingual site: `pairs` Spanish pages with their English translations,
/// in four sections, each ~700 words with headings, a list, a table, links and tags.
fn generate(root: &Path, pairs: usize) {
    let write = |rel: &str, text: &str| {
        let path = root.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    write("site.yaml", "base_url: \"https://example.org/\"\nlanguages: [es, en]\ntitle: { es: Banco, en: Bench }\n");
    let sections = ["campanas", "noticias", "guias", "informes-regionales"];
    let mut seed: u64 = 42;
    let mut next = move || {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 33) as usize
    };
    for lang in ["es", "en"] {
        write(&format!("content/{lang}/_index.md"), "---\ntitle: \"Inicio\"\n---\n\nBienvenida.\n");
        for s in sections {
            write(&format!("content/{lang}/{s}/_index.md"), &format!("---\ntitle: \"{s}\"\n---\n"));
        }
    }
    for n in 0..pairs {
        let section = sections[n % sections.len()];
        for lang in ["es", "en"] {
            let mut body = String::new();
            for h in 0..4 {
                body.push_str(&format!("\n## Parte {h} de la página {n}\n\n"));
                for _ in 0..3 {
                    let sentence: Vec<&str> = (0..55).map(|_| WORDS[next() % WORDS.len()]).collect();
                    body.push_str(&sentence.join(" "));
                    body.push_str(".\n\n");
                }
                let other = next() % pairs;
                body.push_str(&format!(
                    "- un punto\n- [otra página](../{}/pagina-{other:05}.md)\n- un tercero\n\n",
                    sections[other % sections.len()]
                ));
            }
            body.push_str("| Año | Casos |\n|---|---:|\n| 2023 | 1200 |\n| 2024 | 1350 |\n");
            let tag = WORDS[n % 12 + 20];
            write(
                &format!("content/{lang}/{section}/pagina-{n:05}.md"),
                &format!(
                    "---\ntitle: \"Página {n}\"\ndate: 2025-{:02}-{:02}\ntags: [\"{tag}\"]\ndescription: \"Resumen {n}\"\n---\n{body}",
                    n % 12 + 1,
                    n % 28 + 1
                ),
            );
        }
    }
}

fn get(addr: &str, path: &str) -> String {
    let mut stream = TcpStream::connect(addr).unwrap();
    write!(stream, "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n").unwrap();
    let mut out = String::new();
    let _ = stream.read_to_string(&mut out);
    out
}

fn stats(name: &str, mut ms: Vec<f64>) {
    ms.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let pct = |p: f64| ms[((ms.len() - 1) as f64 * p).round() as usize];
    println!(
        "{name:<34} n={:<3} median {:>6.1} ms   p90 {:>6.1} ms   max {:>6.1} ms",
        ms.len(),
        pct(0.5),
        pct(0.9),
        ms[ms.len() - 1]
    );
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let pages: usize = std::env::var("FARO_BENCH_PAGES").ok().and_then(|v| v.parse().ok()).unwrap_or(1000);
    let dir = tempfile::Builder::new().prefix("faro-bench-serve-").tempdir_in(tmp_root()).unwrap();
    generate(dir.path(), pages / 2);
    let mut child = Command::new(env!("CARGO_BIN_EXE_faro"))
        .args(["serve", "--port", "0", "--site"])
        .arg(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    let mut line = String::new();
    let url = loop {
        line.clear();
        assert!(out.read_line(&mut line).unwrap() > 0, "faro serve stopped");
        if first.is_empty() {
            first = line.trim().to_string();
        }
        if let Some(rest) = line.trim().strip_prefix("Serving at ") {
            break rest.split_whitespace().next().unwrap().to_string();
        }
    };
    std::thread::spawn(move || for _ in out.lines() {});
    let addr = url.trim_start_matches("http://").trim_end_matches('/').to_string();
    println!("site: {pages} pages (es+en), {}", first);

    let sections = ["campanas", "noticias", "guias", "informes-regionales"];
    // One timed save: `edit(n, original, marker)` gives the file to write, its text and the
    // URL that must then serve `marker`.
    let measure = |name: &str, runs: usize, edit: &dyn Fn(usize, &str, &str) -> Edit| {
        let mut times = Vec::new();
        for k in 0..runs {
            let n = (k * 37) % (pages / 2);
            let rel = format!("content/es/{}/pagina-{n:05}.md", sections[n % 4]);
            let original = std::fs::read_to_string(dir.path().join(&rel)).unwrap();
            let marker = format!("Marca{k}x{n}");
            let Edit { file, text, url } = edit(n, &original, &marker);
            let start = Instant::now();
            std::fs::write(dir.path().join(&file), text).unwrap();
            while !get(&addr, &url).contains(&marker) {
                assert!(start.elapsed() < Duration::from_secs(30), "{name}: never served");
            }
            times.push(start.elapsed().as_secs_f64() * 1000.0);
            std::thread::sleep(Duration::from_millis(150));
            std::fs::write(dir.path().join(&rel), original).unwrap();
            std::thread::sleep(Duration::from_millis(250));
        }
        stats(name, times);
    };
    let page = |n: usize, text: String| Edit {
        file: format!("content/es/{}/pagina-{n:05}.md", sections[n % 4]),
        text,
        url: format!("/es/{}/pagina-{n:05}/", sections[n % 4]),
    };
    measure("one-page body edit", 30, &|n, original, marker| {
        page(n, original.replacen("\n---\n", &format!("\n---\n\n{marker}\n"), 1))
    });
    measure("one-page title edit", 15, &|n, original, marker| {
        page(n, original.replacen(&format!("title: \"Página {n}\""), &format!("title: \"{marker}\""), 1))
    });
    measure("new page (reloads the site)", 5, &|n, _, marker| Edit {
        file: format!("content/es/campanas/nueva-{n}.md"),
        text: format!("---\ntitle: \"Nueva\"\n---\n\n{marker}\n"),
        url: format!("/es/campanas/nueva-{n}/"),
    });
    let _ = child.kill();
    let _ = child.wait();
}

struct Edit {
    file: String,
    text: String,
    url: String,
}

/// A tmpfs when there is one, as for the other benchmarks: disk timing here is erratic.
fn tmp_root() -> std::path::PathBuf {
    let shm = Path::new("/dev/shm");
    if shm.is_dir() {
        shm.to_path_buf()
    } else {
        std::env::temp_dir()
    }
}
