//! A build killed midway leaves the previous site exactly as it was, and the next build
//! cleans up what the killed one left.

use crate::support::*;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A site big enough that a build takes a while: `n` pages per language.
fn big_site(n: usize) -> Site {
    let site = minimal_site();
    let body = "La Línea 1818 es gratuita. ".repeat(200);
    for i in 0..n {
        for lang in ["es", "en"] {
            site.write(
                &format!("content/{lang}/notas/nota-{i:05}.md"),
                format!(
                    "---\ntitle: \"Nota {i}\"\ntags: [\"t{}\"]\n---\n\n## Uno\n\n{body}\n\n## Dos\n\n{body}\n",
                    i % 7
                ),
            );
        }
    }
    site
}

#[cfg(unix)]
#[test]
fn a_build_killed_midway_leaves_the_previous_site_intact() {
    let site = big_site(600);
    site.build_ok(&[]);
    let before = snapshot(&site.public());
    // Change every page, so the killed build would have written different bytes everywhere.
    site.write("content/es/_index.md", "---\ntitle: \"Cambiado\"\n---\n\nOtro texto.\n");
    let mut killed = 0;
    for delay_ms in [30u64, 120, 300] {
        let mut child = Command::new(faro())
            .args(["build", "--site"])
            .arg(site.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        if child.try_wait().unwrap().is_none() {
            child.kill().unwrap(); // SIGKILL: no chance to clean up
            killed += 1;
        }
        child.wait().unwrap();
        assert_same_snapshot(
            &before,
            &snapshot(&site.public()),
            &format!("public/ after a build killed at {delay_ms} ms"),
        );
    }
    assert!(killed > 0, "no build was still running to be killed; make the site bigger");
    // The next build succeeds, replaces the site and leaves nothing behind.
    let start = Instant::now();
    site.build_ok(&[]);
    assert!(site.leftovers().is_empty(), "left behind: {:?} ({:?})", site.leftovers(), start.elapsed());
    assert!(site.html("es/index.html").contains("Cambiado"));
}

#[cfg(unix)]
#[test]
fn a_site_moved_aside_by_a_killed_build_is_put_back() {
    let site = minimal_site();
    site.build_ok(&[]);
    let before = snapshot(&site.public());
    // As if a build (pid 999999999, long gone) died between its two renames.
    let aside = site.path().join(".public.faro-old-999999999");
    std::fs::rename(site.public(), &aside).unwrap();
    site.write("content/es/linea-1818.md", "---\ntitle: [\n---\n");
    let run = site.build(&[]);
    run.assert_failure();
    assert_same_snapshot(&before, &snapshot(&site.public()), "public/ restored before the failed build");
    assert!(site.leftovers().is_empty(), "{:?}", site.leftovers());
}
