//! Victim-safe suppression of small counts, applied before anything is rendered, and the
//! YAML download with the hidden values replaced.

use super::{Indicator, Row};
use crate::yaml;
use std::collections::{BTreeMap, BTreeSet};

/// Hides counts below `threshold`, then, wherever a total is published, hides a second cell
/// of the same breakdown so the first cannot be worked out by subtraction.
pub(crate) fn suppress(rows: &mut [Row], threshold: f64) {
    for row in rows.iter_mut() {
        row.suppressed = row.value < threshold;
    }
    loop {
        let mut changed = false;
        let dims: BTreeSet<String> = rows.iter().flat_map(|r| r.dims.keys().cloned()).collect();
        for dim in &dims {
            // Groups: same period and same other dimensions, differing only in `dim`.
            let mut groups: BTreeMap<(String, BTreeMap<String, String>), Vec<usize>> = BTreeMap::new();
            for (i, r) in rows.iter().enumerate() {
                if r.dims.contains_key(dim) {
                    let mut rest = r.dims.clone();
                    rest.remove(dim);
                    groups.entry((r.period.clone(), rest)).or_default().push(i);
                }
            }
            for ((period, rest), cells) in groups {
                let has_total = rows.iter().any(|r| r.period == period && r.dims == rest);
                let hidden = cells.iter().filter(|&&i| rows[i].suppressed).count();
                if has_total && hidden == 1 {
                    let next = cells
                        .iter()
                        .copied()
                        .filter(|&i| !rows[i].suppressed)
                        .min_by(|&a, &b| rows[a].value.total_cmp(&rows[b].value));
                    if let Some(i) = next {
                        rows[i].suppressed = true;
                        changed = true;
                    } else if let Some(total) = rows.iter_mut().find(|r| r.period == period && r.dims == rest) {
                        // A single hidden cell equal to the total: hide the total as well.
                        if !total.suppressed {
                            total.suppressed = true;
                            changed = true;
                        }
                    }
                }
            }
        }
        if !changed {
            break;
        }
    }
}

/// The YAML as published for download: the source file, with every suppressed value
/// replaced by `"<N"` so the download hides what the page hides.
pub(crate) fn published_yaml(ind: &Indicator) -> String {
    let Some(threshold) = ind.threshold else { return ind.yaml.clone() };
    if ind.csv_path.is_some() || !ind.rows.iter().any(|r| r.suppressed) {
        return ind.yaml.clone();
    }
    let mut lines: Vec<String> = ind.yaml.lines().map(str::to_string).collect();
    let item_lines = yaml::item_lines(&ind.yaml, "series");
    for row in ind.rows.iter().filter(|r| r.suppressed) {
        // The value sits on the row's line (flow style) or on a following line of the item.
        let end = item_lines.iter().find(|&&l| l > row.line).copied().unwrap_or(lines.len() + 1);
        for line in lines.iter_mut().take(end - 1).skip(row.line - 1) {
            if let Some(i) = line.find("value:") {
                let rest = &line[i + 6..];
                let len = rest.find([',', '}', '#']).unwrap_or(rest.len());
                *line = format!("{}value: \"<{threshold}\" {}", &line[..i], &rest[len..]);
                break;
            }
        }
    }
    let mut out = lines.join("\n");
    out.push('\n');
    out
}
