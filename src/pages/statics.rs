//! Files published as they are: the theme's static files, the site's `static/` (which
//! replaces the theme's file of the same path), and the files beside pages in content/,
//! of which JPEGs and PNGs are published as `images` made them: without metadata, in sizes.

use super::{Body, Cx, File};
use crate::images::{size_url, Stored};
use rayon::prelude::*;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// Where a static file comes from.
enum Source<'a> {
    Theme(&'a [u8]),
    Site(PathBuf),
}

/// Every static file and asset, in a whole build only (an edit changes none).
pub(crate) fn files<'a>(cx: Cx<'a>) -> impl ParallelIterator<Item = File<'a>> + 'a {
    let site = cx.site;
    let mut statics: BTreeMap<String, Source> = BTreeMap::new();
    let mut failed = Vec::new();
    if cx.scope.everything() {
        for (rel, file) in site.theme.static_files() {
            statics.insert(rel.to_string(), Source::Theme(&file.bytes));
        }
        let static_dir = site.root.join("static");
        let mut diags = Vec::new();
        // Hidden files are published too (`.well-known/` lives here), but not placeholders
        // and OS clutter (`.gitkeep`, `.DS_Store`): see `content::is_clutter`.
        match crate::sources::dir_exists(&site.root, &static_dir) {
            Ok(true) => {
                for found in crate::sources::walk(&site.root, &static_dir, &crate::content::is_clutter, &mut diags) {
                    if !found.is_dir {
                        statics.insert(found.rel, Source::Site(found.path));
                    }
                }
            }
            Ok(false) => {}
            Err(d) => diags.push(d),
        }
        failed.extend(diags.into_iter().map(|d| File::failed("static".into(), d)));
    }
    let assets = if cx.scope.everything() { site.content.assets.as_slice() } else { &[] };
    let statics: Vec<File<'a>> = statics
        .into_iter()
        .map(|(rel, src)| match src {
            Source::Theme(bytes) => {
                File { from: Cow::Owned(PathBuf::from(&rel)), path: rel, body: Ok(Body::Borrowed(bytes)) }
            }
            Source::Site(path) => {
                File { path: rel, body: Ok(Body::Copy(Cow::Owned(path.clone()))), from: Cow::Owned(path) }
            }
        })
        .chain(failed)
        .collect();
    let images = &site.images;
    let assets = assets.par_iter().enumerate().flat_map_iter(move |(i, a)| {
        let file =
            |path: String, body: Body<'a>| File { path, from: Cow::Borrowed(a.source.as_path()), body: Ok(body) };
        match images.get(i) {
            // The original without its metadata at its own URL, and every width made of it.
            Some(Ok(made)) => {
                let mut files = vec![file(a.url.clone(), stored(&made.original))];
                for size in &made.sizes {
                    files.push(file(size_url(&a.url, size.width, false), stored(&size.main)));
                    if let Some(webp) = &size.webp {
                        files.push(file(size_url(&a.url, size.width, true), stored(webp)));
                    }
                }
                files
            }
            // Reported when the site loaded; never published as it is (it may hold metadata).
            Some(Err(_)) => Vec::new(),
            None => vec![file(a.url.clone(), Body::Copy(Cow::Borrowed(a.source.as_path())))],
        }
    });
    statics.into_par_iter().chain(assets)
}

fn stored(s: &Stored) -> Body<'_> {
    match s {
        Stored::Cached(path) => Body::Copy(Cow::Borrowed(path.as_path())),
        Stored::Memory(bytes) => Body::Borrowed(bytes.as_slice()),
    }
}
