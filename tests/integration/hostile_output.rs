//! The output folder contract: a build never deletes or moves what faro did not write.
//! Each test here failed on bf75f1e (run them with `FARO_BIN=<old faro>` to see).

#[allow(unused_imports)]
use crate::support::*;
use std::path::Path;

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// A gh-pages checkout as `git worktree add public gh-pages` leaves it.
fn gh_pages_checkout(public: &Path) {
    write(&public.join(".git"), "gitdir: /repo/.git/worktrees/public\n");
    write(&public.join("CNAME"), "campana.example.pe\n");
    write(&public.join(".nojekyll"), "");
}

#[test]
fn a_build_into_a_gh_pages_checkout_keeps_its_git_and_cname() {
    let site = minimal_site();
    gh_pages_checkout(&site.public());
    // A full clone too: `.git` as a folder.
    std::fs::remove_file(site.public().join(".git")).unwrap();
    write(&site.public().join(".git/HEAD"), "ref: refs/heads/gh-pages\n");
    write(&site.public().join(".git/objects/ab/cdef"), "object");
    for round in 0..2 {
        site.write("content/es/linea-1818.md", format!("---\ntitle: \"Línea 1818\"\n---\n\nRonda {round}.\n"));
        site.build_ok(&[]);
        assert_eq!(read_text(&site.public().join(".git/HEAD")), "ref: refs/heads/gh-pages\n");
        assert_eq!(read_text(&site.public().join(".git/objects/ab/cdef")), "object");
        assert_eq!(read_text(&site.public().join("CNAME")), "campana.example.pe\n");
        assert!(site.public().join(".nojekyll").exists());
        assert!(site.html("es/linea-1818/index.html").contains(&format!("Ronda {round}.")));
    }
    assert!(site.leftovers().is_empty(), "{:?}", site.leftovers());
}

#[test]
fn a_git_worktree_file_and_a_well_known_folder_are_kept_by_default() {
    let site = minimal_site();
    gh_pages_checkout(&site.public());
    write(&site.public().join(".well-known/security.txt"), "Contact: mailto:seguridad@example.pe\n");
    site.build_ok(&[]);
    site.build_ok(&[]);
    assert_eq!(read_text(&site.public().join(".git")), "gitdir: /repo/.git/worktrees/public\n");
    assert!(read_text(&site.public().join(".well-known/security.txt")).contains("seguridad@"));
}

#[test]
fn an_output_that_is_a_file_is_refused_before_anything_moves() {
    let site = minimal_site();
    let file = site.path().join("informe.pdf");
    write(&file, "%PDF-1.7 the user's own file");
    for _ in 0..2 {
        let run = site.build(&["--output", file.to_str().unwrap()]);
        run.assert_failure();
        assert!(run.diagnostic("informe.pdf: error[unsafe-output]").contains("is a file, not a folder"));
        assert_eq!(read_text(&file), "%PDF-1.7 the user's own file");
        assert!(site.leftovers().is_empty(), "{:?}", site.leftovers());
    }
}

#[test]
fn a_folder_of_files_faro_did_not_write_is_refused_and_kept_whole() {
    let site = minimal_site();
    let docs = site.path().join("documentos");
    write(&docs.join("plan-2026.docx"), "the commission's draft");
    write(&docs.join("actas/acta-1.txt"), "minutes");
    let run = site.build(&["--output", docs.to_str().unwrap()]);
    run.assert_failure();
    let message = run.diagnostic("documentos: error[unsafe-output]");
    assert!(message.contains("`actas/acta-1.txt`") && message.contains("`plan-2026.docx`"), "{message}");
    assert!(run.stderr.contains("publish.keep"), "the hint names the way to keep them: {}", run.stderr);
    assert_eq!(read_text(&docs.join("plan-2026.docx")), "the commission's draft");
    assert_eq!(read_text(&docs.join("actas/acta-1.txt")), "minutes");
    assert!(!docs.join("index.html").exists());
}

#[test]
fn a_file_added_to_the_output_after_a_build_stops_the_next_build_until_it_is_kept() {
    let site = minimal_site();
    site.build_ok(&[]);
    let home = site.html("es/index.html");
    write(&site.public().join("google1234.html"), "google-site-verification: google1234.html");
    site.write("content/es/_index.md", "---\ntitle: \"Cambiado\"\n---\n\nOtro.\n");
    let run = site.build(&[]);
    run.assert_failure();
    assert!(run.diagnostic("public: error[unsafe-output]").contains("`google1234.html`"));
    assert_eq!(site.html("es/index.html"), home, "the previous output is exactly as it was");
    assert!(site.public().join("google1234.html").exists());
    let yaml = String::from_utf8(site.read_source("site.yaml")).unwrap();
    site.write("site.yaml", format!("{yaml}publish:\n  keep: [google1234.html]\n"));
    site.build_ok(&[]);
    assert!(site.html("es/index.html").contains("Cambiado"));
    assert!(read_text(&site.public().join("google1234.html")).contains("verification"));
}

#[cfg(unix)]
#[test]
fn a_symlinked_output_is_updated_where_it_points() {
    let site = minimal_site();
    let www = site.path().join("srv/www");
    std::fs::create_dir_all(&www).unwrap();
    std::os::unix::fs::symlink(&www, site.public()).unwrap();
    for round in 0..2 {
        site.write("content/es/linea-1818.md", format!("---\ntitle: \"Línea 1818\"\n---\n\nRonda {round}.\n"));
        site.build_ok(&[]);
        let meta = std::fs::symlink_metadata(site.public()).unwrap();
        assert!(meta.file_type().is_symlink(), "public stays a link");
        assert!(read_text(&www.join("es/linea-1818/index.html")).contains(&format!("Ronda {round}.")));
    }
    let beside: Vec<_> = std::fs::read_dir(site.path().join("srv")).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(beside, ["www"], "no staging folders left where the link points");
}

#[cfg(unix)]
#[test]
fn a_stale_staging_folder_is_removed_even_when_its_pid_is_reused() {
    let site = minimal_site();
    // pid 1 always exists: a pid check would think this build still runs.
    write(&site.path().join(".public.faro-new-1/es/index.html"), "half a site");
    site.build_ok(&[]);
    assert!(site.leftovers().is_empty(), "{:?}", site.leftovers());
}

#[test]
fn publish_keep_outside_the_output_is_an_error_at_its_line() {
    let site = minimal_site();
    let yaml = String::from_utf8(site.read_source("site.yaml")).unwrap();
    site.write("site.yaml", format!("{yaml}publish:\n  keep: [\"../content\"]\n"));
    let run = site.build(&[]);
    run.assert_failure();
    assert!(run.stderr.contains("site.yaml:5"), "{}", run.stderr);
    assert!(run.stderr.contains("`publish.keep` lists `../content`"), "{}", run.stderr);
}

#[test]
fn a_kept_path_the_site_writes_itself_builds_every_time_and_only_user_files_are_kept() {
    // An outsider's case: static/CNAME under the default keep list built once, then failed.
    let site = minimal_site();
    site.write("static/CNAME", "campana.example.pe\n");
    let yaml = String::from_utf8(site.read_source("site.yaml")).unwrap();
    site.write("site.yaml", format!("{yaml}publish:\n  keep: [.git, CNAME, es]\n"));
    site.write("content/es/vieja.md", "---\ntitle: \"Vieja\"\n---\n\nSe irá.\n");
    site.build_ok(&[]);
    site.build_ok(&[]);
    assert_eq!(read_text(&site.public().join("CNAME")), "campana.example.pe\n");
    // A user's file inside a kept folder that faro also writes into stays; faro's own
    // old pages there do not come back once their source is gone.
    write(&site.public().join("es/verificacion.html"), "mine");
    site.remove("content/es/vieja.md");
    site.remove("urls.txt"); // the record of published URLs would keep the page
    site.build_ok(&[]);
    assert_eq!(read_text(&site.public().join("es/verificacion.html")), "mine");
    assert!(!site.public().join("es/vieja/index.html").exists(), "a removed page is not carried over");
    // A kept file the user placed, that the site now writes too, is an error, not an overwrite.
    site.remove("static/CNAME");
    site.build_ok(&[]);
    write(&site.public().join("CNAME"), "the user's own\n");
    site.write("static/CNAME", "campana.example.pe\n");
    let run = site.build(&[]);
    run.assert_failure();
    assert!(run.diagnostic("public: error[unsafe-output]").contains("`CNAME`"), "{}", run.stderr);
    assert_eq!(read_text(&site.public().join("CNAME")), "the user's own\n");
}

#[cfg(unix)]
#[test]
fn fifos_where_faro_reads_its_own_files_never_hang_a_build() {
    let site = minimal_site();
    site.build_ok(&[]);
    let fifo = |path: &Path| {
        let _ = std::fs::remove_file(path);
        assert!(std::process::Command::new("mkfifo").arg(path).status().unwrap().success());
    };
    fifo(&site.path().join("urls.txt"));
    let run = build_with_timeout(&site);
    assert!(!run.status.success() && run.stderr.contains("urls.txt: error[special-file]"), "{}", run.stderr);
    std::fs::remove_file(site.path().join("urls.txt")).unwrap();
    fifo(&site.public().join(".faro-manifest"));
    let run = build_with_timeout(&site);
    assert!(!run.status.success() && run.stderr.contains("error[unsafe-output]"), "{}", run.stderr);
}
