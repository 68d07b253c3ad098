//! faro: a static-site generator for bilingual campaigns and public reports against
//! human trafficking. The library never prints; the `faro` binary reports what it returns.

#![deny(clippy::print_stdout, clippy::print_stderr)]
// Diagnostics are plain values returned on the cold error path; boxing them buys nothing.
#![allow(clippy::result_large_err)]

pub mod charts;
pub mod check;
pub mod config;
pub mod content;
pub mod diagnostics;
pub mod editions;
pub mod goals;
pub mod i18n;
pub mod indicator_pages;
pub mod indicators;
pub mod kit;
pub mod live;
pub mod markdown;
pub mod output;
pub mod pdf;
pub mod publish;
pub mod render;
pub mod report_pages;
pub mod scaffold;
pub mod search;
pub mod serve;
pub mod site;
pub mod slug;
pub mod taxonomy;
pub mod theme;
pub mod views;
pub mod yaml;

pub use site::{build, BuildFailure, BuildOptions, BuildReport, SiteOptions};
