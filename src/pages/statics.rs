//! Files published as they are: the theme's static files, the site's `static/` (which
//! replaces the theme's file of the same path), and the files beside pages in content/,
//! of which JPEGs and PNGs are published as `images` made them: without metadata, in sizes
//! (those of static/ without metadata only: no page shows them through Markdown).

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
    let statics: Vec<(String, Source)> = statics.into_iter().collect();
    let statics = statics
        .into_par_iter()
        .flat_map_iter(|(rel, src)| match src {
            Source::Theme(bytes) => {
                vec![File { from: Cow::Owned(PathBuf::from(&rel)), path: rel, body: Ok(Body::Borrowed(bytes)) }]
            }
            // A photo of static/ is no less a photo: published without its metadata.
            Source::Site(path) if crate::images::is_raster(&path) => match crate::images::stripped(&path) {
                Ok(bytes) => vec![File { path: rel, body: Ok(Body::Bytes(bytes)), from: Cow::Owned(path) }],
                Err(why) => vec![File::failed(rel.clone(), why.diagnostic(&path)), unpublished(rel, Cow::Owned(path))],
            },
            Source::Site(path) => {
                vec![File { path: rel, body: Ok(Body::Copy(Cow::Owned(path.clone()))), from: Cow::Owned(path) }]
            }
        })
        .chain(failed);
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
            // Reported when the site loaded, which stops the build before anything is written.
            Some(Err(_)) => vec![unpublished(a.url.clone(), Cow::Borrowed(a.source.as_path()))],
            None => vec![file(a.url.clone(), Body::Copy(Cow::Borrowed(a.source.as_path())))],
        }
    });
    statics.chain(assets)
}

/// An image that cannot be read still takes its address, so a clash with it is reported;
/// its error fails the build, so the empty body is never published.
fn unpublished<'a>(path: String, from: Cow<'a, std::path::Path>) -> File<'a> {
    File { path, from, body: Ok(Body::Borrowed(&[])) }
}

fn stored(s: &Stored) -> Body<'_> {
    match s {
        Stored::Cached(path) => Body::Copy(Cow::Borrowed(path.as_path())),
        Stored::Memory(bytes) => Body::Borrowed(bytes.as_slice()),
    }
}
