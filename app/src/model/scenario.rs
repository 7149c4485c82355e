//! A volume × price scenario of a council's year: each kind of care's volume and unit price
//! as the tables publish them, changed where the user changes them, with the cost effect.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// A change to one line: a new volume, a new price (in kronor), or both, as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ScenarioInput {
    pub line: usize,
    #[serde(default)]
    pub volume: String,
    #[serde(default)]
    pub price: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ScenarioView {
    pub council: String,
    pub council_slug: String,
    pub year: i32,
    /// Years both the volume and the price table have.
    pub years: Vec<i32>,
    /// The unit costs are shown in (the tenant's); prices are in kronor.
    pub unit: String,
    /// The columns the base figures are from (`Budget 2026` of `Volymer, antal` …).
    pub volume_source: String,
    pub price_source: String,
    pub lines: Vec<ScenarioLineView>,
    pub base_cost: Decimal,
    pub cost: Decimal,
    pub effect: Decimal,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ScenarioLineView {
    pub label: String,
    pub base_volume: Decimal,
    pub base_price: Decimal,
    pub volume: Decimal,
    pub price: Decimal,
    pub base_cost: Decimal,
    pub cost: Decimal,
    pub effect: Decimal,
}
