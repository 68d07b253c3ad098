//! Everything an indicator publishes, per language: its page (chart, summary, table, source,
//! downloads, embed code), an embed page for iframes, the standalone SVG, CSV and YAML, an
//! index grouped by topic, and one ZIP of every CSV. URLs sit under a localized folder
//! (`/es/indicadores/<id>/`, `/en/indicators/<id>/`) taken from the theme strings.

use crate::charts::{self, Words};
use crate::diagnostics::Diagnostic;
use crate::indicators::{text, Indicator, NumberFormat};
use crate::output::Output;
use crate::render::{site_url, Renderer};
use crate::site::{t, Site};
use crate::slug::slugify;
use crate::views::{translations_by, Views};
use minijinja::value::Value;
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

type Map = BTreeMap<&'static str, Value>;

/// `es/indicadores/`: the folder of a language's indicators.
pub fn root_path(site: &Site, lang: &str) -> String {
    let slug = slugify(&t(site, lang, "indicators_slug"));
    format!("{lang}/{}/", if slug.is_empty() { "indicators".to_string() } else { slug })
}

pub fn page_path(site: &Site, lang: &str, id: &str) -> String {
    format!("{}{id}/", root_path(site, lang))
}

struct Lang<'a> {
    code: &'a str,
    fmt: NumberFormat,
    fewer_than: String,
    target: String,
    percent: String,
    illustrative: String,
}

impl<'a> Lang<'a> {
    fn new(site: &Site, code: &'a str) -> Self {
        Lang {
            code,
            fmt: NumberFormat::from_strings(&site.strings[code]),
            fewer_than: t(site, code, "fewer_than"),
            target: t(site, code, "target_label"),
            percent: t(site, code, "percent_format"),
            illustrative: t(site, code, "chart_illustrative"),
        }
    }

    fn words(&self) -> Words<'_> {
        Words {
            fmt: &self.fmt,
            lang: self.code,
            fewer_than: &self.fewer_than,
            target: &self.target,
            percent: &self.percent,
            illustrative: &self.illustrative,
        }
    }
}

/// The latest total of an indicator as a reader sees it (`79,6 %`, `fewer than 5`), and
/// the period it is for. None when the indicator has no total row.
pub fn latest(site: &Site, ind: &Indicator, lang: &str) -> Option<(String, String)> {
    let row = ind.totals().last()?;
    let l = Lang::new(site, lang);
    let words = l.words();
    Some((charts::unit_text(ind, &words, &words.value(ind, row)), ind.period_label(&row.period, lang)))
}

/// The chart with its accessible title and a computed summary as its description.
fn chart(site: &Site, ind: &Indicator, lang: &Lang, id: &str) -> (String, String) {
    let words = lang.words();
    let summary = charts::summary(ind, &words, &|key| t(site, lang.code, key));
    let svg = charts::render(ind, &words, text(&ind.title, lang.code), &summary, id);
    (svg, summary)
}

/// The data as a table: one row per period, one column per value of the main breakdown
/// (plus the total), or one column of values when there is no breakdown.
fn table(site: &Site, ind: &Indicator, lang: &Lang) -> Value {
    let words = lang.words();
    let code = lang.code;
    let mut head = vec![t(site, code, "indicator_period")];
    let mut rows: Vec<Vec<String>> = Vec::new();
    match ind.main_breakdown() {
        Some(b) if ind.rows.iter().all(|r| r.dims.len() <= 1) => {
            let keys: Vec<&str> = b
                .values
                .iter()
                .map(|(k, _)| k.as_str())
                .filter(|k| ind.rows.iter().any(|r| r.dims.get(&b.id).map(String::as_str) == Some(*k)))
                .collect();
            head.extend(keys.iter().map(|k| b.label(k, code)));
            let has_total = ind.totals().next().is_some();
            if has_total {
                head.push(t(site, code, "indicator_total"));
            }
            // Cells by (period, value) and totals by period, looked up once each: an indicator
            // may have tens of thousands of rows.
            let mut cells = std::collections::HashMap::new();
            for r in &ind.rows {
                if let Some(k) = r.dims.get(&b.id) {
                    cells.entry((r.period.as_str(), k.as_str())).or_insert(r);
                }
            }
            let mut totals_of = std::collections::HashMap::new();
            for r in ind.totals() {
                totals_of.entry(r.period.as_str()).or_insert(r);
            }
            for period in ind.periods() {
                let mut row = vec![ind.period_label(period, code)];
                for k in &keys {
                    let cell = cells.get(&(period, *k));
                    row.push(cell.map_or_else(|| "–".to_string(), |r| words.value(ind, r)));
                }
                if has_total {
                    let total = totals_of.get(period);
                    row.push(total.map_or_else(|| "–".to_string(), |r| words.value(ind, r)));
                }
                rows.push(row);
            }
        }
        _ => {
            for b in &ind.breakdowns {
                if ind.rows.iter().any(|r| r.dims.contains_key(&b.id)) {
                    head.push(text(&b.name, code).to_string());
                }
            }
            head.push(t(site, code, "indicator_value"));
            let used: Vec<&str> = ind
                .breakdowns
                .iter()
                .filter(|b| ind.rows.iter().any(|r| r.dims.contains_key(&b.id)))
                .map(|b| b.id.as_str())
                .collect();
            for r in &ind.rows {
                let mut row = vec![ind.period_label(&r.period, code)];
                for id in &used {
                    let b = ind.breakdowns.iter().find(|b| b.id == *id).expect("used breakdowns are declared");
                    row.push(r.dims.get(*id).map_or_else(|| t(site, code, "indicator_total"), |k| b.label(k, code)));
                }
                row.push(words.value(ind, r));
                rows.push(row);
            }
        }
    }
    let mut m = Map::new();
    m.insert("head", Value::from(head));
    m.insert("rows", Value::from(rows.into_iter().map(Value::from).collect::<Vec<_>>()));
    Value::from(m)
}

/// The indicator's CSV in a language: localized header and labels, numbers with a decimal
/// point, suppressed counts as `<N`.
pub fn csv(site: &Site, ind: &Indicator, lang: &str) -> String {
    let used: Vec<_> = ind.breakdowns.iter().filter(|b| ind.rows.iter().any(|r| r.dims.contains_key(&b.id))).collect();
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut head = vec![t(site, lang, "indicator_period")];
    head.extend(used.iter().map(|b| text(&b.name, lang).to_string()));
    head.push(t(site, lang, "indicator_value"));
    if ind.illustrative {
        head.push(t(site, lang, "csv_note"));
    }
    let _ = w.write_record(&head);
    for r in &ind.rows {
        let mut rec = vec![ind.period_label(&r.period, lang)];
        for b in &used {
            rec.push(r.dims.get(&b.id).map_or_else(|| t(site, lang, "indicator_total"), |k| b.label(k, lang)));
        }
        rec.push(match (r.suppressed, ind.threshold) {
            (true, Some(th)) => format!("<{th}"),
            _ => r.value.to_string(),
        });
        if ind.illustrative {
            rec.push(t(site, lang, "chart_illustrative"));
        }
        let _ = w.write_record(&rec);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

fn indicator_value(site: &Site, ind: &Indicator, lang: &Lang, chart_id: &str) -> Value {
    let c = &site.config;
    let code = lang.code;
    let path = page_path(site, code, &ind.id);
    let (svg, summary) = chart(site, ind, lang, chart_id);
    let mut source = Map::new();
    source.insert("name", Value::from(text(&ind.source.name, code)));
    source.insert("url", ind.source.url.as_deref().into());
    source.insert("date", ind.source.date.as_deref().into());
    source.insert("licence", ind.source.licence.get(code).map(String::as_str).into());
    let embed = format!("{path}embed/");
    let height = svg
        .split("height=\"")
        .nth(1)
        .and_then(|h| h.split('"').next())
        .and_then(|h| h.parse::<u32>().ok())
        .unwrap_or(300)
        + 140;
    let embed_code = format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"{height}\" loading=\"lazy\" style=\"border:0;max-width:560px\"></iframe>",
        site_url(&c.base_url, &embed),
        crate::render::escape_html(text(&ind.title, code))
    );
    let mut m = Map::new();
    m.insert("id", Value::from(ind.id.as_str()));
    m.insert("kind", Value::from("indicator"));
    m.insert("title", Value::from(text(&ind.title, code)));
    m.insert("description", ind.description.get(code).map(String::as_str).into());
    m.insert("topic", Value::from(text(&ind.topic, code)));
    m.insert("unit", Value::from(text(&ind.unit, code)));
    m.insert("notes", ind.notes.get(code).map(String::as_str).into());
    m.insert("illustrative", Value::from(ind.illustrative));
    m.insert("suppressed", Value::from(ind.rows.iter().any(|r| r.suppressed)));
    m.insert("threshold", ind.threshold.map(|t| lang.fmt.format(t, 0)).into());
    m.insert("source", Value::from(source));
    m.insert("chart", Value::from_safe_string(svg));
    m.insert("summary", Value::from(summary));
    m.insert("table", table(site, ind, lang));
    m.insert("path", Value::from(path.as_str()));
    m.insert("url", Value::from(site_url(&c.base_path, &path)));
    m.insert("permalink", Value::from(site_url(&c.base_url, &path)));
    m.insert("embed_url", Value::from(site_url(&c.base_path, &embed)));
    m.insert("embed_code", Value::from(embed_code));
    let mut downloads = Map::new();
    for ext in ["csv", "yaml", "svg"] {
        downloads.insert(ext, Value::from(site_url(&c.base_path, &format!("{path}{}.{ext}", ind.id))));
    }
    m.insert("downloads", Value::from(downloads));
    m.insert("csv_permalink", Value::from(site_url(&c.base_url, &format!("{path}{}.csv", ind.id))));
    Value::from(m)
}

/// Figures for `{{< chart ID >}}` shortcodes, per (page, id). In report chapters they are
/// numbered (4.1, 4.2) so cross-references can name them.
pub fn figures(site: &Site, renderer: &Renderer) -> (HashMap<(usize, String), String>, Vec<Diagnostic>) {
    let mut out = HashMap::new();
    let mut diags = Vec::new();
    for (i, md) in site.rendered.iter().enumerate() {
        let lang = site.content.pages[i].lang.as_str();
        let chapter = crate::report_pages::chapter_number(site, i);
        for (k, (id, _)) in md.charts.iter().enumerate() {
            let Some(ind) = crate::indicators::find(&site.indicators, id) else { continue };
            let l = Lang::new(site, lang);
            let mut ctx = Map::new();
            ctx.insert("lang", Value::from(lang));
            ctx.insert("indicator", indicator_value(site, ind, &l, &format!("fig-{id}-chart")));
            ctx.insert("figure_id", Value::from(format!("fig-{id}")));
            ctx.insert("number", chapter.map(|n| format!("{n}.{}", k + 1)).into());
            match renderer.render("_chart_figure.html", Value::from(ctx), &format!("the chart `{id}`")) {
                Ok(html) => {
                    out.insert((i, id.clone()), html);
                }
                Err(d) => diags.push(d),
            }
        }
    }
    (out, diags)
}

/// Writes every indicator page, embed, file and the index and ZIP, in every language.
pub fn write_all(site: &Site, renderer: &Renderer, views: &Views, out: &dyn Output) -> Vec<Diagnostic> {
    if site.indicators.is_empty() {
        return Vec::new();
    }
    let io = |p: &Path, e: anyhow::Error| Diagnostic::error("io", p, format!("{e:#}"));
    let mut diags = Vec::new();
    for code in &site.config.languages {
        let lang = Lang::new(site, code);
        let root = root_path(site, code);
        let per: Vec<(Value, Vec<Diagnostic>)> = site
            .indicators
            .par_iter()
            .map(|ind| {
                let mut diags = Vec::new();
                let value = indicator_value(site, ind, &lang, &format!("chart-{}", ind.id));
                let path = page_path(site, code, &ind.id);
                let tr = translations_by(site, code, &|l| {
                    Some((page_path(site, l, &ind.id), text(&ind.title, l).to_string()))
                });
                for (template, file) in
                    [("indicator.html", format!("{path}index.html")), ("embed.html", format!("{path}embed/index.html"))]
                {
                    let ctx = views.generated_context(site, code, value.clone(), &path, tr.clone());
                    match renderer.render(template, ctx, &ind.path.display().to_string()) {
                        Ok(html) => diags.extend(out.write(&file, html.as_bytes()).err().map(|e| io(&ind.path, e))),
                        Err(d) => diags.push(d),
                    }
                }
                let (svg, _) = chart(site, ind, &lang, &format!("chart-{}", ind.id));
                let svg = format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{svg}");
                diags.extend(
                    out.write(&format!("{path}{}.svg", ind.id), svg.as_bytes()).err().map(|e| io(&ind.path, e)),
                );
                diags.extend(
                    out.write(&format!("{path}{}.csv", ind.id), csv(site, ind, code).as_bytes())
                        .err()
                        .map(|e| io(&ind.path, e)),
                );
                diags.extend(
                    out.write(&format!("{path}{}.yaml", ind.id), crate::indicators::published_yaml(ind).as_bytes())
                        .err()
                        .map(|e| io(&ind.path, e)),
                );
                (value, diags)
            })
            .collect();
        let mut topics: Vec<(String, Vec<Value>)> = Vec::new();
        for (ind, (value, ds)) in site.indicators.iter().zip(per) {
            diags.extend(ds);
            let topic = text(&ind.topic, code).to_string();
            match topics.iter_mut().find(|(t, _)| *t == topic) {
                Some((_, list)) => list.push(value),
                None => topics.push((topic, vec![value])),
            }
        }
        let zip_name = format!("{}.zip", slugify(&t(site, code, "indicators_slug")));
        let mut index = Map::new();
        index.insert("kind", Value::from("indicators"));
        index.insert("title", Value::from(t(site, code, "indicators_title")));
        index.insert("description", Value::from(t(site, code, "indicators_intro")));
        index.insert("path", Value::from(root.as_str()));
        index.insert("url", Value::from(site_url(&site.config.base_path, &root)));
        index.insert("permalink", Value::from(site_url(&site.config.base_url, &root)));
        index.insert("zip", Value::from(site_url(&site.config.base_path, &format!("{root}{zip_name}"))));
        let topics: Vec<Value> = topics
            .into_iter()
            .map(|(name, list)| {
                let mut m = Map::new();
                m.insert("name", Value::from(name));
                m.insert("indicators", Value::from(list));
                Value::from(m)
            })
            .collect();
        index.insert("topics", Value::from(topics));
        let tr = translations_by(site, code, &|l| Some((root_path(site, l), t(site, l, "indicators_title"))));
        let ctx = views.generated_context(site, code, Value::from(index), &root, tr);
        match renderer.render("indicators.html", ctx, &format!("the indicator index for `{code}`")) {
            Ok(html) => diags.extend(
                out.write(&format!("{root}index.html"), html.as_bytes())
                    .err()
                    .map(|e| io(Path::new("data/indicators"), e)),
            ),
            Err(d) => diags.push(d),
        }
        match zip_all(site, code) {
            Ok(bytes) => diags.extend(
                out.write(&format!("{root}{zip_name}"), &bytes).err().map(|e| io(Path::new("data/indicators"), e)),
            ),
            Err(e) => diags.push(io(Path::new("data/indicators"), e)),
        }
    }
    diags
}

/// Every indicator's CSV plus a README naming each source and its licence. Entries carry a
/// fixed date so the same data gives the same bytes.
fn zip_all(site: &Site, lang: &str) -> anyhow::Result<Vec<u8>> {
    let mut files = Vec::new();
    let mut readme = format!("{}\n\n{}\n\n", t(site, lang, "zip_readme_title"), t(site, lang, "zip_readme_intro"));
    for ind in &site.indicators {
        files.push((format!("{}.csv", ind.id), csv(site, ind, lang).into_bytes()));
        let stamp =
            if ind.illustrative { format!(" ({})", t(site, lang, "chart_illustrative")) } else { String::new() };
        readme.push_str(&format!("{}.csv: {}{stamp}\n", ind.id, text(&ind.title, lang)));
        readme.push_str(&format!("  {}: {}", t(site, lang, "indicator_source"), text(&ind.source.name, lang)));
        if let Some(date) = &ind.source.date {
            readme.push_str(&format!(", {date}"));
        }
        if let Some(url) = &ind.source.url {
            readme.push_str(&format!(", {url}"));
        }
        let licence =
            ind.source.licence.get(lang).cloned().unwrap_or_else(|| t(site, lang, "zip_readme_licence_default"));
        readme.push_str(&format!("\n  {}: {licence}\n\n", t(site, lang, "zip_readme_licence")));
    }
    files.push(("README.txt".to_string(), readme.into_bytes()));
    crate::output::zip(&files)
}
