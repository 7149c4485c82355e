//! The closed sets of words a [`Message`](super::Message) names: each is translated by
//! `i18n::messages`, so a message says "Planen" or "The plan" without prose in its
//! parameters.

use serde::{Deserialize, Serialize};

/// What was changed, added or removed under someone's feet (`stale`, `stale_added`,
/// `stale_removed`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Thing {
    Plan,
    Level,
    Assignment,
    Texts,
    /// The municipality's assessment method for indicators.
    Method,
    Council,
    Department,
    Goal,
    Indicator,
    Verdict,
    Values,
}

/// What exists already under that name (`already_exists`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Named {
    CouncilName,
    CouncilSlug,
    DepartmentName,
    IndicatorCode,
    UserEmail,
    TenantName,
    TenantSlug,
    PlanName,
    TargetYear,
}

/// What a name should have referred to (`unknown`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Known {
    GoalInPlan,
    /// A goal of the municipality's plan covering the plan's years.
    MunicipalGoal,
    GoalWithAssignments,
    IndicatorInPlan,
    IndicatorCode,
    Council,
    Department,
    Level,
    Column,
}

/// The characters a code may have (`invalid_code`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CodeChars {
    /// a–z, 0–9 and '-'.
    Slug,
    /// a–z, 0–9 and '_'.
    Key,
    /// a–z, 0–9, '-' and '_'.
    IndicatorCode,
    /// Letters, digits, '.', '-' and '_'.
    GoalCode,
}

/// A kind of period (the engine's `Periodicity`, which the browser does not have).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PeriodKind {
    Year,
    HalfYear,
    Tertial,
    Month,
}
