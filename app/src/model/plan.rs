//! A plan as the council page shows it: the goal tree in the tenant's levels, each goal's
//! texts, indicator tables and charts, uppdrag and initiativ. Numbers arrive both formatted
//! (Swedish, with the indicator's decimals) and raw for the charts.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PlanSummary {
    pub id: Uuid,
    pub council_slug: String,
    pub council_name: String,
    pub name: String,
    pub first_year: i32,
    pub last_year: i32,
    /// `draft` or `adopted`.
    pub status: String,
    pub version: i32,
}

/// What the signed-in user may do with a plan.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanRights {
    /// Edit goals and indicators: an admin, and the plan is a draft.
    pub edit: bool,
    /// Enter outcomes, forecasts and comments: editors and admins, also on adopted plans.
    pub enter_values: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanView {
    pub plan: PlanSummary,
    pub rights: PlanRights,
    pub sections: Vec<TextSection>,
    pub goals: Vec<GoalView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct TextSection {
    pub title: String,
    pub text: String,
}

/// One goal; `goals` of a [`PlanView`] come in tree order with their depth.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoalView {
    /// Unique within the plan; the goal's anchor on the page.
    pub code: String,
    pub number: String,
    pub title: String,
    pub level: String,
    pub depth: usize,
    /// On the deepest configured level: no goals can be added under it.
    pub last_level: bool,
    pub sections: Vec<TextSection>,
    pub table: Option<IndicatorTable>,
    pub assignments: Vec<AssignmentView>,
    pub focus_areas: Vec<String>,
    pub activities: Vec<String>,
}

/// A goal's indicators as the plans print them: one row per indicator, the columns the
/// goal's indicators have values for (baseline, outcomes, forecasts, targets, source).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndicatorTable {
    pub columns: Vec<Column>,
    pub rows: Vec<IndicatorRow>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Column {
    Baseline,
    Outcome(String),
    Forecast(String),
    Target(i32),
    Source,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndicatorRow {
    /// Unique within the tenant.
    pub code: String,
    pub name: String,
    /// `kf`, `namnd` or `kontoret`.
    pub kind: String,
    pub unit: String,
    pub department: Option<String>,
    pub definition: String,
    pub footnotes: Vec<String>,
    /// One cell per column of the table, already formatted; empty where there is nothing.
    pub cells: Vec<String>,
    pub chart: Vec<ChartPoint>,
}

/// One period on an indicator's chart. `f64` only for drawing; values stay decimal elsewhere.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChartPoint {
    pub label: String,
    pub outcome: Option<f64>,
    pub target: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssignmentView {
    /// `uppdrag` or `initiativ`.
    pub kind: String,
    pub title: String,
    pub department: Option<String>,
    pub is_new: Option<bool>,
    pub end_date: Option<String>,
    pub status: Option<String>,
    pub forecast: Option<String>,
    /// The newest comment: its date and text.
    pub latest_comment: Option<(String, String)>,
}
