//! The tenant document: a tenant's whole configuration and plan data as one versioned JSON
//! value (`malbild export`, `GET /api/v1/tenants/{tenant}/export`, `malbild import`), and the
//! shape the demo seeds are read into. Documented in `docs/EXPORT_FORMAT.md`.
//!
//! Everything is referenced by code or name, never by database id, so a document can be
//! loaded into another database or under another slug.

use chrono::NaiveDate;
use engine::assess::{Method, Rule, Verdict};
use engine::economy::{Measure, MoneyUnit, Table};
use engine::{Period, Periodicity, Target};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

pub use crate::domain::{
    AssignmentForecast, AssignmentKind, AssignmentStatus, Better, Carry, Contribution, Gender, IndicatorKind,
    LedgerClass, Numbering, PlanStatus, UnitKind, ValueKind,
};

pub const FORMAT: &str = "malbild-tenant";
/// 2 added how verdicts are reached (`indicator_method`, `rule`, `method`), 3 a plan's
/// `manual_verdicts` and a level's `assignment_inputs`, 4 municipal councils, goals'
/// `contributes_to`, grouping levels, a plan's `kind` and the numberings `letters` and
/// `number_letter`, 5 councils' `economies` and the tenant's `money_unit`, 6 an economy's
/// `ledger` and `forecasts`; an older document is a newer one without them, and is read as
/// such.
pub const FORMAT_VERSION: u32 = 6;
pub const OLDEST_READABLE_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TenantDocument {
    pub format: String,
    pub format_version: u32,
    pub tenant: TenantInfo,
    pub levels: Vec<Level>,
    pub councils: Vec<Council>,
    pub plans: Vec<Plan>,
    /// Each council's economy: its published tables and action plans.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub economies: Vec<Economy>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TenantInfo {
    pub slug: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vision_title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vision: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub values: Option<String>,
    /// How indicators are assessed unless one says otherwise (`engine::assess::Method`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Object>)]
    pub indicator_method: Option<Method>,
    /// The unit money is shown in (`tkr` unless set; `mnkr`, `kr`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<String>)]
    pub money_unit: Option<MoneyUnit>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Level {
    pub key: String,
    pub name: String,
    pub plural: String,
    pub numbering: Numbering,
    pub sections: Vec<String>,
    pub carries: Vec<Carry>,
    /// The rule for goals of this level that have none of their own (`engine::assess::Rule`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Object>)]
    pub rule: Option<Rule>,
    /// Whether the uppdrag and initiativ of the level's goals count as inputs of the goals'
    /// verdicts: completed or "enligt plan" is green, "avvikelse" yellow, no forecast grey.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub assignment_inputs: bool,
    /// Its goals only group others (perspectives): they are not assessed.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub grouping: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Council {
    pub slug: String,
    pub name: String,
    pub departments: Vec<String>,
    /// Kommunfullmäktige: its plans hold the municipality's own goals, which the councils'
    /// goals contribute to.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub municipal: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    pub council: String,
    pub name: String,
    /// The plan's type as the tenant names it (Verksamhetsplan, Mål och budget, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    pub first_year: i32,
    pub last_year: i32,
    pub status: PlanStatus,
    /// The current version: the draft being edited, or the adopted one.
    pub version: i32,
    /// Adopted versions, oldest first, each with the plan content as it was adopted.
    #[serde(default)]
    pub adopted: Vec<AdoptedVersion>,
    pub content: PlanContent,
    /// People's verdicts on goals and indicators of the current content, by period. Follow-up
    /// data like outcomes: not part of a version, so adopting does not freeze them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub manual_verdicts: Vec<ManualVerdict>,
}

/// A manual verdict (helhetsbedömning) on exactly one goal (by code) or indicator (by code)
/// for a period, overriding the computed verdict at the period's last month.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ManualVerdict {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goal: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indicator: Option<String>,
    /// A month, tertial, half year or year.
    #[schema(value_type = String, example = "2025-T2")]
    pub period: Period,
    #[schema(value_type = String, example = "yellow")]
    pub verdict: Verdict,
    pub motivation: String,
    pub given_by: String,
    pub given_at: chrono::DateTime<chrono::Utc>,
}

/// What a plan version consists of: what adopting freezes and a new draft copies.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanContent {
    #[serde(default)]
    pub sections: Vec<Section>,
    #[serde(default)]
    pub goals: Vec<Goal>,
    #[serde(default)]
    pub indicators: Vec<Indicator>,
    #[serde(default)]
    pub assignments: Vec<Assignment>,
    #[serde(default)]
    pub focus_areas: Vec<FocusArea>,
    #[serde(default)]
    pub activities: Vec<Activity>,
}

impl PlanContent {
    /// The content as an adopted version keeps it: outcomes and forecasts go on being
    /// reported on the indicator, so they are left out.
    pub fn frozen(mut self) -> PlanContent {
        self.indicators.iter_mut().for_each(|i| i.values.clear());
        self
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    pub date: chrono::NaiveDate,
    pub body: String,
    pub paragraph: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AdoptedVersion {
    pub version: i32,
    pub decision: Decision,
    pub adopted_at: chrono::DateTime<chrono::Utc>,
    pub adopted_by: String,
    pub content: PlanContent,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub title: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Goal {
    /// Unique within the plan; what `parent` and the goal references of other items use.
    pub code: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    pub level: String,
    pub number: String,
    pub title: String,
    #[serde(default)]
    pub sections: Vec<Section>,
    /// How the goal's verdict follows from its inputs, when not its level's rule. Input keys
    /// are the codes of its indicators and child goals.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Object>)]
    pub rule: Option<Rule>,
    /// Goals of the municipality's plan (a municipal council's plan covering this plan's
    /// first year) this goal contributes to, by code, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contributes_to: Vec<GoalLink>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GoalLink {
    /// The municipality's goal's code.
    pub goal: String,
    /// `direct`: its verdict counts in that goal's; `indirect`: shown beside it, not counted.
    pub kind: Contribution,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    /// A number as written (`"60,5"`) or a statement; none yet when only its label is
    /// known ("Bokslut 2024", to be filled in).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// Stable and unique within the tenant.
    pub code: String,
    pub goal: String,
    pub name: String,
    #[serde(default)]
    pub definition: String,
    pub kind: IndicatorKind,
    pub unit: String,
    pub decimals: u32,
    pub direction: Better,
    #[schema(value_type = String, example = "month")]
    pub periodicity: Periodicity,
    pub cumulative: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kolada: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<Baseline>,
    #[serde(default)]
    pub footnotes: Vec<String>,
    #[serde(default)]
    pub targets: Vec<YearTarget>,
    /// Values taken from the council's economy for the years it covers (format 5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub economy: Option<EconomySource>,
    /// How the indicator is assessed, when not the tenant's default method.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Object>)]
    pub method: Option<Method>,
    /// Outcomes and forecasts. Measurements, not plan content: they stay with the
    /// indicator across versions and are left out of adopted snapshots.
    #[serde(default)]
    pub values: Vec<PeriodValue>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct YearTarget {
    pub year: i32,
    /// Tagged by `kind`: `value`, `compare`, `band`, `direction`, `not_evaluated`, `statement`.
    #[schema(value_type = Object)]
    pub target: Target,
    /// The plan's own wording when it differs from the target's written form
    /// ("Inom 24 timmar" for `≤ 24`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}

/// An outcome or forecast for one period (and gender).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PeriodValue {
    /// `2025`, `2025-H1`, `2025-T2` or `2025-10`.
    #[schema(value_type = String, example = "2025-10")]
    pub period: Period,
    pub kind: ValueKind,
    pub gender: Gender,
    pub value: Decimal,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Assignment {
    pub kind: AssignmentKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goal: Option<String>,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<chrono::NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision_body: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<AssignmentStatus>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forecast: Option<AssignmentForecast>,
    #[serde(default)]
    pub comments: Vec<Comment>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Comment {
    pub date: chrono::NaiveDate,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FocusArea {
    pub title: String,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub goals: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Activity {
    pub goal: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    #[serde(default)]
    pub text: String,
}

/// A council's economy as published: tables (engine::economy::Table: `key`, `kind`, `title`,
/// `source`, `unit`, `columns`, `rows`) and action plans.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Economy {
    /// The council's slug.
    pub council: String,
    #[serde(default)]
    #[schema(value_type = Vec<Object>)]
    pub tables: Vec<Table>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub action_plans: Vec<ActionPlan>,
    /// Outcomes from the ledger: each month's sum per unit and account class (format 6).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ledger: Vec<LedgerEntry>,
    /// Full-year forecasts saved, oldest first (format 6).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub forecasts: Vec<ForecastEntry>,
}

/// A month's sum of ledger rows for a department or verksamhet (`unit`, by name) and an
/// account class, in kronor, income positive and costs negative.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LedgerEntry {
    pub year: i32,
    pub month: u8,
    pub unit_kind: UnitKind,
    pub unit: String,
    pub class: LedgerClass,
    pub amount: Decimal,
    /// How many ledger rows were summed.
    pub rows: u64,
    pub imported_by: String,
    pub imported_at: chrono::DateTime<chrono::Utc>,
}

/// A full-year forecast made at `month` for the council (`unit_kind` `council`, `unit`
/// empty) or a unit, in kronor, by `method` (`engine::economy::ForecastMethod`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ForecastEntry {
    pub year: i32,
    pub month: u8,
    pub unit_kind: UnitKind,
    #[serde(default)]
    pub unit: String,
    pub method: String,
    pub amount: Decimal,
    pub comment: String,
    pub made_by: String,
    pub made_at: chrono::DateTime<chrono::Utc>,
}

/// An action plan for an economy in balance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ActionPlan {
    pub key: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided: Option<NaiveDate>,
    /// The unit of its amounts.
    #[schema(value_type = String)]
    pub unit: MoneyUnit,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    /// Figures the plan states for itself (its cost per year, the net effect it aims at).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub figures: Vec<PlanFigure>,
    /// What it is followed up by.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub key_figures: Vec<String>,
    /// engine::economy::Measure: `number`, `name`, `responsible`, `gross_effect`, `cost`,
    /// `net_effect`, `full_effect`, `expected` (`year`, `value`), `realised` (`period`,
    /// `value`), `status`.
    #[serde(default)]
    #[schema(value_type = Vec<Object>)]
    pub measures: Vec<Measure>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanFigure {
    pub label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    pub value: Decimal,
}

/// What of the council's economy an indicator's values are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum EconomySource {
    /// Budgetföljsamhet: the year's net outcome (or, without one, forecast) against its
    /// budget, in percent of the budget.
    BudgetAdherence,
    /// Prognosavvikelse: how far the forecast saved at delår 2 (August) was from the year's
    /// result (the ledger's twelve months, else the tables' outcome), in percent of it.
    ForecastAccuracy,
}

impl EconomySource {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::BudgetAdherence => "budget_adherence",
            Self::ForecastAccuracy => "forecast_accuracy",
        }
    }

    pub fn parse(text: &str) -> Option<EconomySource> {
        [Self::BudgetAdherence, Self::ForecastAccuracy]
            .into_iter()
            .find(|s| s.as_str() == text)
    }
}
