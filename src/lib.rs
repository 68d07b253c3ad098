//! faro: a static-site generator for bilingual campaigns and public reports against
//! human trafficking. The library never prints; the `faro` binary reports what it returns.
//!
//! The pipeline, in the order a build runs it:
//! 1. `config`, `theme`, `i18n`, `content`, `data`: site.yaml, the theme and strings, the
//!    pages of content/ and the data files, each parsed and checked with file and line;
//! 2. `markdown`: each page's Markdown to HTML, with typed slots for what the site fills;
//! 3. `model`: all of it as one checked `Site`, which every later stage reads;
//! 4. `pages`: the page families, each turning the `Site` into output files (through
//!    `views` for templates, `render` for minijinja and `charts` for SVG);
//! 5. `driver`: runs load → render → report and writes the files through `output`;
//! 6. `commands`: build, check, pdf, init/new and serve, each a thin layer on the driver.

#![deny(clippy::print_stdout, clippy::print_stderr)]
// Diagnostics are plain values returned on the cold error path; boxing them buys nothing.
#![allow(clippy::result_large_err)]

mod charts;
mod commands;
mod config;
mod content;
mod data;
mod diagnostics;
mod driver;
mod embedded;
mod escape;
mod hash;
mod href;
mod i18n;
mod images;
pub mod inputs;
mod markdown;
pub mod messages;
mod model;
mod outline;
mod output;
mod pages;
mod print;
mod render;
mod slug;
mod sources;
mod spelling;
mod taxonomy;
mod text;
mod theme;
mod urls;
mod yaml;

pub use commands::build::{build, BuildFailure, BuildOptions, BuildReport, Pdfs, Previous};
pub use commands::check::{check, to_json as check_json, CheckOptions, CheckReport};
pub use commands::pdf::{has_chromium, pdf, PdfOptions};
pub use commands::scaffold::{init, new_page};
pub use commands::serve::live::{Files, Live, Update};
pub use commands::serve::{serve, Event as ServeEvent, ServeOptions};
pub use commands::theme::{eject as theme_eject, strings as theme_strings, StringsFile};
pub use diagnostics::{render as render_diagnostic, use_color, Code, Diagnostic, Severity};
pub use model::SiteOptions;
