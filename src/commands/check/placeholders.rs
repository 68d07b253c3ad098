//! What must not go out as `faro init` left it: an example address, the sample organisation
//! name (printed on every poster), illustrative figures, a report still a draft; and, in a
//! site kept in git, a record of published addresses or a frozen edition not committed.

use crate::diagnostics::{Code, Diagnostic};
use crate::messages::Said;
use crate::model::Site;
use crate::yaml::{self, Step};
use std::path::Path;

pub(super) fn findings(site: &Site) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let config_file = site.root.join("site.yaml");
    let src = std::fs::read_to_string(&config_file).unwrap_or_default();
    let at = |steps: &[Step]| yaml::value_position(&src, steps);
    let c = &site.config;
    if let Some(host) = example_host(&c.base_url) {
        diags.push(
            Diagnostic::warning_said(
                Code::Placeholder,
                &config_file,
                Said::new("cmd-check-example-base-url", &[("base_url", &c.base_url), ("host", &host)]),
            )
            .at_point(at(&[yaml::key("base_url")]))
            .hint_said(Said::new("cmd-check-example-base-url-hint", &[])),
        );
    }
    let samples = crate::commands::scaffold::sample_texts("organization");
    for (lang, name) in &c.organization {
        if samples.contains(name) {
            diags.push(
                Diagnostic::warning_said(
                    Code::Placeholder,
                    &config_file,
                    Said::new("cmd-check-sample-organization", &[("lang", lang), ("name", name)]),
                )
                .at_point(at(&[yaml::key("organization"), yaml::key(lang)]))
                .hint_said(Said::new("cmd-check-sample-organization-hint", &[])),
            );
        }
    }
    for page in &site.content.pages {
        let Some(report) = &page.front.report else { continue };
        if samples.contains(&report.organization) {
            let msg = Said::new("cmd-check-sample-report-organization", &[("name", &report.organization)]);
            diags.push(
                Diagnostic::warning_said(Code::Placeholder, &page.source, msg)
                    .at_point(page.value_at("organization"))
                    .hint_said(Said::new("cmd-check-sample-report-organization-hint", &[])),
            );
        }
        if report.status != crate::content::ReportStatus::Final && page.is_index() {
            diags.push(
                Diagnostic::warning_said(
                    Code::Placeholder,
                    &page.source,
                    Said::new("cmd-check-draft-report", &[("year", &report.year.to_string())]),
                )
                .at_point(page.value_at("status"))
                .hint_said(Said::new("cmd-check-draft-report-hint", &[])),
            );
        }
    }
    let finals = site.final_report_years();
    for ind in site.indicators.iter().filter(|i| i.illustrative) {
        let in_final: Vec<String> =
            finals.iter().filter(|y| site.charted(**y).contains(&ind.id)).map(|y| y.to_string()).collect();
        let msg = match in_final.is_empty() {
            true => Said::new("cmd-check-illustrative", &[]),
            false => Said::new("cmd-check-illustrative-in-final", &[("years", &in_final.join(", "))]),
        };
        diags.push(
            Diagnostic::warning_said(Code::Placeholder, &ind.path, msg)
                .at_point(yaml::value_position(&ind.yaml, &[yaml::key("illustrative")]))
                .hint_said(Said::new("cmd-check-illustrative-hint", &[])),
        );
    }
    diags.extend(uncommitted(&site.root));
    diags
}

/// The host of `base_url` when it is one kept for examples (RFC 2606) or this computer.
fn example_host(base_url: &str) -> Option<String> {
    let host = base_url.split("://").nth(1)?.split(['/', ':']).next()?.to_ascii_lowercase();
    let example =
        ["example.org", "example.com", "example.net"].iter().any(|e| host == *e || host.ends_with(&format!(".{e}")))
            || host.ends_with(".example")
            || host.ends_with(".test")
            || host == "localhost"
            || host.starts_with("127.");
    example.then_some(host)
}

/// In a site kept in git, urls.txt and data/editions/ as `git status` sees them: a change
/// not committed would be lost to the next build elsewhere (the publishing workflow stops).
fn uncommitted(root: &Path) -> Vec<Diagnostic> {
    let git = |args: &[&str]| std::process::Command::new("git").arg("-C").arg(root).args(args).output().ok();
    let inside = git(&["rev-parse", "--is-inside-work-tree"]).is_some_and(|o| o.status.success());
    if !inside {
        return Vec::new();
    }
    let Some(out) = git(&["status", "--porcelain", "--untracked-files=all", "--", "urls.txt", "data/editions"]) else {
        return Vec::new();
    };
    let prefix = git(&["rev-parse", "--show-prefix"])
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default();
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|line| {
            let (state, path) = (line.get(..2)?, line.get(3..)?.trim_matches('"'));
            let rel = path.strip_prefix(&prefix).unwrap_or(path);
            let msg = if state == "??" {
                Said::new("cmd-check-not-committed", &[("file", rel)])
            } else {
                Said::new("cmd-check-changes-not-committed", &[("file", rel)])
            };
            Some(
                Diagnostic::warning_said(Code::UncommittedRecord, root.join(rel), msg)
                    .hint_said(Said::new("cmd-check-uncommitted-hint", &[])),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn example_hosts_are_the_reserved_ones_and_this_computer() {
        for url in
            ["https://example.org/", "https://www.example.com/x/", "http://sitio.test/", "http://localhost:1111/"]
        {
            assert!(example_host(url).is_some(), "{url}");
        }
        for url in ["https://www.gob.pe/", "https://example.org.pe/", "https://ejemplo.org/"] {
            assert_eq!(example_host(url), None, "{url}");
        }
    }
}
