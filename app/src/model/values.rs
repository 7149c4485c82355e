//! The editor's sheet of outcomes and forecasts for one indicator, and what a save sends.

use serde::{Deserialize, Serialize};

use super::HistoryEntry;

use crate::domain::{Gender, IndicatorId, PlanId, ValueKind};

/// The sheet's columns: outcomes in total, for women and men (as Kolada), and the forecast
/// in total. The comment belongs to the first (the total outcome).
pub const SHEET_COLUMNS: [(ValueKind, Gender); 4] = [
    (ValueKind::Outcome, Gender::Total),
    (ValueKind::Outcome, Gender::Women),
    (ValueKind::Outcome, Gender::Men),
    (ValueKind::Forecast, Gender::Total),
];

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValueSheet {
    pub indicator_id: IndicatorId,
    pub code: String,
    pub name: String,
    pub unit: String,
    pub plan_id: PlanId,
    pub plan_name: String,
    /// One row per period: every period of the plan's years at the indicator's
    /// periodicity, and any earlier period that holds values.
    pub rows: Vec<ValueRow>,
    pub history: Vec<HistoryEntry>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValueRow {
    /// `2025`, `2025-T2`, `2025-10`.
    pub period: String,
    /// As stored (`6.2`), in [`SHEET_COLUMNS`] order; `None` where there is no value.
    pub values: Vec<Option<String>>,
    /// Each value's comment, in the same order.
    pub comments: Vec<Option<String>>,
}

/// One changed cell: what the sheet showed when it was loaded (`expected`,
/// `expected_comment`, as stored) and what was typed (`text`, Swedish or plain decimal;
/// empty removes the value). `comment`: `Some` sets it (empty removes it), `None` keeps
/// it. A cell someone else changed in between is a conflict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValueEdit {
    pub period: String,
    pub kind: ValueKind,
    pub gender: Gender,
    pub expected: Option<String>,
    pub expected_comment: Option<String>,
    pub text: String,
    pub comment: Option<String>,
}

/// A stored decimal (`-4.1`) as a Swede types it (`-4,1`), digits kept exactly.
pub fn typed_form(stored: &str) -> String {
    stored.replace('.', ",")
}

/// Which indicators a plan's sheet holds: a goal's (with those of the goals under it), or a
/// department's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum SheetOf {
    Goal(String),
    Department(String),
}

/// One sheet for many indicators of a plan, one year at a time: per indicator, its target
/// for the year beside a row per period with the total, women, men and forecast.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanSheet {
    pub plan_id: PlanId,
    pub plan_name: String,
    /// The goal's number and title, or the department's name.
    pub title: String,
    pub year: i32,
    /// The years the sheet can show: the plan's and any earlier with values.
    pub years: Vec<i32>,
    pub indicators: Vec<SheetIndicator>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SheetIndicator {
    pub code: String,
    pub name: String,
    pub unit: String,
    /// The target for the year as written (`≤ 24`, `Öka`); empty when none.
    pub target: String,
    pub rows: Vec<ValueRow>,
}
