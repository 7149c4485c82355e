//! A council's economy as its page and the API show it: the published tables with money in
//! the tenant's unit, what the consistency checks found, the action plans with their
//! measures, and monthly series for charts.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::ChartPoint;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct EconomyView {
    pub council: String,
    pub council_slug: String,
    /// The unit money is shown in (`tkr`, `mnkr`, `kr`).
    pub unit: String,
    pub tables: Vec<EconomyTable>,
    /// Every published figure that does not agree with the figures it follows from.
    pub findings: Vec<EconomyFinding>,
    pub action_plans: Vec<ActionPlanView>,
    /// Monthly tables as series over the months, for charts.
    pub monthly: Vec<MonthlySeries>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct EconomyTable {
    pub key: String,
    /// `engine::economy::TableKind`: `operating`, `activities`, `departments`, `changes`,
    /// `investments`, `volumes`, `prices`, `follow_up`, `monthly`, `placements`.
    pub kind: String,
    pub title: String,
    pub source: String,
    /// The unit the figures were published in.
    pub published_unit: String,
    pub columns: Vec<EconomyColumn>,
    pub rows: Vec<EconomyRow>,
}

/// What a column's figures are, for how they are written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case", tag = "kind", content = "unit")]
pub enum CellMeasure {
    /// Money in the view's unit.
    Money,
    Percent,
    /// A count in its own unit (`dygn`, `antal`).
    Count(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct EconomyColumn {
    pub label: String,
    pub measure: CellMeasure,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct EconomyRow {
    pub label: String,
    /// `engine::economy::Role`: `income`, `cost`, `of_which`, `net`, `part`, `total`,
    /// `change`, `change_percent`, `series`.
    pub role: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// One per column; money in the view's unit, exactly.
    pub cells: Vec<Option<Decimal>>,
    /// A money row whose percentages are in `cells` (a change-in-percent row).
    #[serde(default)]
    pub percent: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct EconomyFinding {
    /// `engine::economy::Check`: `sum_of_parts`, `income_and_costs`, `column_difference`,
    /// `net_change`, `net_change_percent`, `average`, `split_against_net`,
    /// `changes_against_net`.
    pub check: String,
    pub table: String,
    pub table_title: String,
    /// Empty for the sum of a table's items where it prints none.
    pub row: String,
    pub column: String,
    /// What the other figures give, and what is printed, in the table's published unit.
    pub expected: Decimal,
    pub found: Decimal,
    /// `%` for a percentage, else the table's published unit.
    pub unit: String,
    /// The other table's title, for a check across two.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub against: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ActionPlanView {
    pub key: String,
    pub title: String,
    pub source: String,
    pub decided: Option<NaiveDate>,
    /// The plan's amounts are shown in this unit (the tenant's).
    pub unit: String,
    pub summary: String,
    pub figures: Vec<ActionFigure>,
    pub key_figures: Vec<String>,
    pub measures: Vec<MeasureView>,
    /// The year the expected and realised effects are of: the latest with a realised month.
    pub year: Option<i32>,
    pub expected_total: Option<Decimal>,
    pub realised_total: Option<Decimal>,
    pub net_total: Option<Decimal>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ActionFigure {
    pub label: String,
    pub year: Option<i32>,
    pub value: Decimal,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MeasureView {
    pub number: u32,
    pub name: String,
    pub responsible: String,
    pub gross_effect: Option<Decimal>,
    pub cost: Option<Decimal>,
    pub net_effect: Option<Decimal>,
    /// Where the net effect is not the gross effect less the cost: what they give.
    pub computed_net: Option<Decimal>,
    pub full_effect: String,
    pub expected: Option<Decimal>,
    pub realised: Option<Decimal>,
    /// The latest month with a realised effect (`YYYY-MM`).
    pub realised_through: Option<String>,
    pub status: String,
}

/// A monthly table's latest outcome row and the budget of its year, month by month, for a
/// chart (the table itself carries the exact figures).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MonthlySeries {
    pub table: String,
    /// The rows charted: the outcome's label and the budget's.
    pub outcome: Option<String>,
    pub budget: Option<String>,
    /// Each month's outcome and budget (as `target`), in the view's unit.
    pub points: Vec<ChartPoint>,
}
