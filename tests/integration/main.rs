//! Integration tests: build fixture sites in temporary folders and check the output.
//!
//! Every test runs the real `faro` binary (`CARGO_BIN_EXE_faro`) as a process, the way a
//! user or CI would, and checks its exit code, its messages and the files it writes.

mod support;

mod bad_input;
mod base_url;
mod bilingual;
mod charts;
mod check;
mod content_frontmatter;
mod content_languages;
mod content_markdown;
mod content_search;
mod content_siteconfig;
mod content_theme;
mod determinism;
mod disclosure;
mod editions;
mod errors;
mod escaping;
mod hostile_output;
mod hostile_paths;
mod hostile_sources;
mod hostile_urls;
mod images;
mod indicators;
mod interrupted;
mod kits;
mod links_as_urls;
mod live;
mod messages_commands;
mod messages_content;
mod messages_data;
mod messages_site;
mod pdf;
mod publishing;
mod reports;
mod safety;
mod scaffold;
mod serve;
mod snapshots;
mod trilingual;
