//! The serde layer of an indicator file: every key it may have (an unknown one is an
//! error), before the checks that turn it into an `Indicator`.

use super::{ChartKind, Direction, Measure};
use crate::config::Localized;
use crate::yaml::Mapping;
use serde::Deserialize;
use std::collections::BTreeMap;

/// Text that is either the same in every language or given per language.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub(super) enum Text {
    Same(String),
    PerLanguage(Localized),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawIndicator {
    pub(super) title: Localized,
    #[serde(default)]
    pub(super) description: Localized,
    pub(super) topic: Localized,
    pub(super) unit: Localized,
    pub(super) measure: Measure,
    pub(super) chart: ChartKind,
    pub(super) source: RawSource,
    #[serde(default)]
    pub(super) notes: Localized,
    #[serde(default)]
    pub(super) illustrative: bool,
    /// Order on the index page (lower first); ties by id.
    #[serde(default)]
    pub(super) weight: i64,
    pub(super) suppress_below: Option<u32>,
    /// Words for periods that are not plain years: `{ "2017-2021": { es: "2017 a 2021", en: "2017 to 2021" } }`.
    #[serde(default)]
    pub(super) period_labels: BTreeMap<String, Localized>,
    #[serde(default)]
    pub(super) breakdowns: Mapping,
    #[serde(default)]
    pub(super) series: Vec<Mapping>,
    pub(super) baseline: Option<RawPoint>,
    pub(super) target: Option<RawTarget>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSource {
    pub(super) name: Text,
    pub(super) url: Option<String>,
    pub(super) date: Option<String>,
    pub(super) licence: Option<Text>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPoint {
    pub(super) value: f64,
    pub(super) year: Option<i32>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawTarget {
    pub(super) value: f64,
    pub(super) year: Option<i32>,
    #[serde(default = "up")]
    pub(super) direction: Direction,
}

fn up() -> Direction {
    Direction::Up
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawBreakdown {
    pub(super) name: Localized,
    #[serde(default)]
    pub(super) adds_up: super::suppress::AddsUp,
    pub(super) values: Mapping,
}
