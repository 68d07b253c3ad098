//! Everything an indicator publishes, per language: its page (chart, summary, table, source,
//! downloads, embed code), an embed page for iframes, the standalone SVG, CSV and YAML, an
//! index grouped by topic, and one ZIP of every CSV. URLs sit under a localized folder
//! (`/es/indicadores/<id>/`, `/en/indicators/<id>/`) taken from the theme strings.

use super::views::indicators::{chart, view_of_chart, Lang};
use super::views::{translations_by, value};
use super::{Cx, File};
use crate::data::indicators::{published_yaml, Cell, Indicator};
use crate::escape::csv_cell;
use crate::i18n::pick;
use crate::model::Site;
use crate::urls::{embed, file_in, indicator_file, output_file, site_url};
use minijinja::value::Value;
use rayon::prelude::*;
use serde::Serialize;
use std::path::Path;

/// Every indicator's files in every language, in a whole build (an edit of a page changes
/// none of them).
pub(crate) fn files<'a>(cx: Cx<'a>) -> impl ParallelIterator<Item = File<'a>> + 'a {
    let site = cx.site;
    let langs: Vec<&'a str> = if cx.scope.everything() && !site.indicators.is_empty() {
        site.config.languages.iter().map(String::as_str).collect()
    } else {
        Vec::new()
    };
    langs.into_par_iter().flat_map(move |code| {
        let lang = Lang::new(site, code);
        let drawn: Vec<(&'a Indicator, String, Value)> = site
            .indicators
            .par_iter()
            .map(|ind| {
                let (svg, summary) = chart(site, ind, &lang, &format!("chart-{}", ind.id));
                (ind, svg.clone(), value(view_of_chart(site, ind, &lang, svg, summary)))
            })
            .collect();
        let index = index_files(cx, code, &drawn);
        drawn
            .into_par_iter()
            .flat_map_iter(move |(ind, svg, value)| indicator_files(cx, code, ind, svg, value))
            .chain(index)
    })
}

/// One indicator's page, embed page, SVG, CSV and YAML in a language.
fn indicator_files<'a>(cx: Cx<'a>, code: &'a str, ind: &'a Indicator, svg: String, view: Value) -> Vec<File<'a>> {
    let site = cx.site;
    let path = site.paths().indicator(code, &ind.id);
    let tr = || {
        translations_by(site, code, &|l| Some((site.paths().indicator(l, &ind.id), pick(&ind.title, l).to_string())))
    };
    let mut files = Vec::new();
    for (template, file) in [("indicator.html", output_file(&path)), ("embed.html", output_file(&embed(&path)))] {
        let ctx = cx.views.generated_context(site, code, view.clone(), &path, tr());
        files.push(File::text(
            file,
            ind.path.as_path(),
            cx.renderer.render(template, ctx, &ind.path.display().to_string()),
        ));
    }
    let svg = format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{svg}");
    files.push(File::text(indicator_file(&path, &ind.id, "svg"), ind.path.as_path(), Ok(svg)));
    files.push(File::text(indicator_file(&path, &ind.id, "csv"), ind.path.as_path(), Ok(csv(site, ind, code))));
    files.push(File::text(indicator_file(&path, &ind.id, "yaml"), ind.path.as_path(), Ok(published_yaml(ind))));
    files
}

#[derive(Serialize)]
struct IndexPage {
    kind: &'static str,
    title: String,
    description: String,
    path: String,
    url: String,
    permalink: String,
    zip: String,
    topics: Vec<Topic>,
}

#[derive(Serialize)]
struct Topic {
    name: String,
    indicators: Vec<Value>,
}

/// The index of a language's indicators, grouped by topic in index order, and the ZIP.
fn index_files<'a>(cx: Cx<'a>, code: &'a str, drawn: &[(&Indicator, String, Value)]) -> Vec<File<'a>> {
    let site = cx.site;
    let (c, paths) = (&site.config, site.paths());
    let root = paths.indicators(code);
    let mut topics: Vec<Topic> = Vec::new();
    for (ind, _, view) in drawn {
        let topic = pick(&ind.topic, code).to_string();
        match topics.iter_mut().find(|t| t.name == topic) {
            Some(t) => t.indicators.push(view.clone()),
            None => topics.push(Topic { name: topic, indicators: vec![view.clone()] }),
        }
    }
    let zip_name = paths.indicators_zip_name(code);
    let index = IndexPage {
        kind: "indicators",
        title: site.t(code, "indicators_title"),
        description: site.t(code, "indicators_intro"),
        path: root.clone(),
        url: site_url(&c.base_path, &root),
        permalink: site_url(&c.base_url, &root),
        zip: site_url(&c.base_path, &file_in(&root, &zip_name)),
        topics,
    };
    let tr = translations_by(site, code, &|l| Some((paths.indicators(l), site.t(l, "indicators_title"))));
    let ctx = cx.views.generated_context(site, code, value(index), &root, tr);
    let from = Path::new("data/indicators");
    let html = cx.renderer.render("indicators.html", ctx, &format!("the indicator index for `{code}`"));
    let zip = match zip_all(site, code) {
        Ok(bytes) => File::bytes(file_in(&root, &zip_name), from, bytes),
        Err(e) => File::failed(
            file_in(&root, &zip_name),
            crate::diagnostics::Diagnostic::error(crate::diagnostics::Code::Io, from, format!("{e:#}")),
        ),
    };
    vec![File::text(output_file(&root), from, html), zip]
}

/// The indicator's CSV in a language: localized header and labels, numbers with a decimal
/// point, counts below the threshold as `<N` and withheld ones as the word for it. Text
/// cells are made safe to open in a spreadsheet (`escape::csv_cell`).
pub(crate) fn csv(site: &Site, ind: &Indicator, lang: &str) -> String {
    let used: Vec<_> = ind.breakdowns.iter().filter(|b| ind.rows.iter().any(|r| r.dims.contains_key(&b.id))).collect();
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut head = vec![site.t(lang, "indicator_period")];
    head.extend(used.iter().map(|b| pick(&b.name, lang).to_string()));
    head.push(site.t(lang, "indicator_value"));
    if ind.illustrative {
        head.push(site.t(lang, "csv_note"));
    }
    let _ = w.write_record(head.iter().map(|h| csv_cell(h)));
    for r in &ind.rows {
        let mut rec = vec![ind.period_label(&r.period, lang)];
        for b in &used {
            rec.push(r.dims.get(&b.id).map_or_else(|| site.t(lang, "indicator_total"), |k| b.label(k, lang)));
        }
        if ind.illustrative {
            rec.push(site.t(lang, "chart_illustrative"));
        }
        // Text is labels people wrote; only the value is a number, written as one.
        let mut rec: Vec<String> = rec.iter().map(|t| csv_cell(t)).collect();
        let value = match (r.cell, ind.threshold) {
            (Cell::Shown(v), _) => v.to_string(),
            (Cell::Below, Some(th)) => format!("<{th}"),
            _ => csv_cell(&site.t(lang, "withheld")),
        };
        rec.insert(used.len() + 1, value);
        let _ = w.write_record(&rec);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// Every indicator's CSV plus a README naming each source and its licence. Entries carry a
/// fixed date so the same data gives the same bytes.
fn zip_all(site: &Site, lang: &str) -> anyhow::Result<Vec<u8>> {
    let t = |key: &str| site.t(lang, key);
    let mut files = Vec::new();
    let mut readme = format!("{}\n\n{}\n\n", t("zip_readme_title"), t("zip_readme_intro"));
    for ind in &site.indicators {
        files.push((format!("{}.csv", ind.id), csv(site, ind, lang).into_bytes()));
        let stamp = if ind.illustrative { format!(" ({})", t("chart_illustrative")) } else { String::new() };
        readme.push_str(&format!("{}.csv: {}{stamp}\n", ind.id, pick(&ind.title, lang)));
        readme.push_str(&format!("  {}: {}", t("indicator_source"), pick(&ind.source.name, lang)));
        if let Some(date) = &ind.source.date {
            readme.push_str(&format!(", {date}"));
        }
        if let Some(url) = &ind.source.url {
            readme.push_str(&format!(", {url}"));
        }
        let licence = ind.source.licence.get(lang).cloned().unwrap_or_else(|| t("zip_readme_licence_default"));
        readme.push_str(&format!("\n  {}: {licence}\n\n", t("zip_readme_licence")));
    }
    files.push(("README.txt".to_string(), readme.into_bytes()));
    crate::output::zip(&files)
}
