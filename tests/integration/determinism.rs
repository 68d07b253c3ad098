//! The same input gives the same bytes, so that deploys only change what changed.

use crate::support::*;

#[test]
fn two_builds_of_the_same_input_produce_identical_bytes() {
    let site = Site::fixture("bilingual");
    let one = site.path().join("out-1");
    let two = site.path().join("out-2");
    site.build_ok(&["--output", one.to_str().unwrap()]);
    site.build_ok(&["--output", two.to_str().unwrap()]);
    let first = snapshot(&one);
    assert!(first.len() > 15, "only {} files", first.len());
    assert_same_snapshot(&first, &snapshot(&two), "two builds of the same site");
}

#[test]
fn rebuilding_in_place_gives_identical_bytes() {
    let site = Site::fixture("bilingual");
    site.build_ok(&[]);
    let first = snapshot(&site.public());
    site.build_ok(&[]);
    assert_same_snapshot(&first, &snapshot(&site.public()), "public/ rebuilt in place");
    assert_eq!(site.leftovers(), Vec::<String>::new(), "staging folders left behind");
}

#[test]
fn copies_of_a_site_in_different_folders_build_to_identical_bytes() {
    // Nothing about where the site or the output lives leaks into the pages.
    let a = Site::fixture("trilingual");
    let b = Site::fixture("trilingual");
    a.build_ok(&[]);
    let out = b.path().join("elsewhere").join("site");
    b.build_ok(&["--output", out.to_str().unwrap()]);
    assert_same_snapshot(&snapshot(&a.public()), &snapshot(&out), "two copies of one site");
}
