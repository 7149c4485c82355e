//! A plan as the council page shows it: the goal tree in the tenant's levels, each goal's
//! texts, indicator tables and charts, uppdrag and initiativ. Numbers arrive both formatted
//! (Swedish, with the indicator's decimals) and raw for the charts.

use crate::domain::{
    AssignmentForecast, AssignmentId, AssignmentKind, AssignmentStatus, IndicatorKind, PlanId, PlanStatus,
};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PlanSummary {
    pub id: PlanId,
    pub council_slug: String,
    pub council_name: String,
    pub name: String,
    pub first_year: i32,
    pub last_year: i32,
    pub status: PlanStatus,
    pub version: i32,
    /// Goes up with every decision on the plan (adopting, a new draft).
    pub revision: i32,
    /// The plan's type as the tenant names it (Verksamhetsplan, Mål och budget, …).
    #[serde(default)]
    pub kind: Option<String>,
}

impl PlanSummary {
    /// The plan's years as a plan prints them: `2024`, or `2024–2026`.
    pub fn years(&self) -> String {
        if self.first_year == self.last_year {
            self.first_year.to_string()
        } else {
            format!("{}–{}", self.first_year, self.last_year)
        }
    }
}

/// What the signed-in user may do with a plan.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanRights {
    /// Edit goals and indicators: an admin, and the plan is a draft.
    pub edit: bool,
    /// Enter outcomes, forecasts and comments: editors and admins, also on adopted plans.
    pub enter_values: bool,
    /// Adopt the draft or start a new one: admins.
    pub decide: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanView {
    pub plan: PlanSummary,
    pub rights: PlanRights,
    /// Adopted versions, oldest first.
    pub adoptions: Vec<AdoptionView>,
    pub sections: Vec<TextSection>,
    pub goals: Vec<GoalView>,
    /// Uppdrag and initiativ not tied to a goal.
    pub other_assignments: Vec<AssignmentView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct TextSection {
    pub title: String,
    pub text: String,
}

/// A council's decision adopting a plan version, as an admin enters it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct DecisionForm {
    /// The meeting's date, `YYYY-MM-DD`; not after today.
    pub date: String,
    /// The deciding body, e.g. `Socialnämnden`.
    pub body: String,
    /// The minutes' paragraph, e.g. `§ 123`.
    pub paragraph: String,
}

/// An adopted version of a plan, as the council page lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdoptionView {
    pub version: i32,
    /// `YYYY-MM-DD`.
    pub date: String,
    pub body: String,
    pub paragraph: String,
    pub adopted_by: String,
}

/// Where a plan stands after adopting it or starting a new draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PlanState {
    pub status: PlanStatus,
    pub version: i32,
    /// The plan's revision, for the next decision.
    pub revision: i32,
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
    /// Its level carries uppdrag and initiativ.
    pub carries_assignments: bool,
    /// Its level carries indicators.
    pub carries_indicators: bool,
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
    pub kind: IndicatorKind,
    pub unit: String,
    pub department: Option<String>,
    pub definition: String,
    pub footnotes: Vec<String>,
    /// One cell per column of the table, already formatted; empty where there is nothing.
    pub cells: Vec<String>,
    /// The latest outcome with its period, formatted; empty when there is none.
    #[serde(default)]
    pub latest: String,
    pub chart: Vec<ChartPoint>,
}

/// One period on an indicator's chart. `f64` only for drawing; values stay decimal elsewhere.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ChartPoint {
    pub label: String,
    pub outcome: Option<f64>,
    pub target: Option<f64>,
    /// The level needed by this period to reach the year's target on pace (follow-up).
    #[serde(default)]
    pub pace: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssignmentView {
    pub id: Option<AssignmentId>,
    pub kind: AssignmentKind,
    pub title: String,
    pub department: Option<String>,
    pub is_new: Option<bool>,
    pub end_date: Option<String>,
    pub status: Option<AssignmentStatus>,
    pub forecast: Option<AssignmentForecast>,
    /// The newest comment: its date and text.
    pub latest_comment: Option<(String, String)>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_one_year_plan_reads_as_its_year() {
        let plan = |first_year, last_year| PlanSummary {
            id: PlanId::from_uuid(uuid::Uuid::nil()),
            council_slug: "sn".into(),
            council_name: "Socialnämnden".into(),
            name: "Verksamhetsplan".into(),
            first_year,
            last_year,
            status: PlanStatus::Draft,
            version: 1,
            revision: 1,
            kind: None,
        };
        assert_eq!(plan(2024, 2024).years(), "2024");
        assert_eq!(plan(2026, 2028).years(), "2026–2028");
    }
}
