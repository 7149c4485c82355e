//! Verdicts as the API, the CLI and the follow-up pages show them.

use serde::{Deserialize, Serialize};

/// Traffic lights are part of the typed domain (manual verdicts store them).
pub use crate::domain::Colour;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum VerdictKind {
    Goal,
    Indicator,
}

/// One goal's or indicator's verdict at a period, with why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Assessment {
    /// The council's slug.
    pub council: String,
    /// The plan's name.
    pub plan: String,
    pub kind: VerdictKind,
    /// The goal's code within the plan, or the indicator's code within the tenant.
    pub code: String,
    pub name: String,
    pub verdict: Colour,
    /// In Swedish: the rule or method in words, each input with its value, target and
    /// verdict, and why they give this colour.
    pub explanation: String,
}
