//! The follow-up page of a council's plan at a month: verdicts in the goal tree, counts per
//! level with the previous month's, manual verdicts, and the uppdrag overview.

use serde::{Deserialize, Serialize};

use super::{AssignmentView, ChartPoint, Colour, PlanSummary, VerdictKind};
use crate::domain::{Contribution, PlanId};

/// How many goals have each colour.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ColourCounts {
    pub green: u32,
    pub yellow: u32,
    pub red: u32,
    pub grey: u32,
}

impl ColourCounts {
    pub fn add(&mut self, colour: Colour) {
        match colour {
            Colour::Green => self.green += 1,
            Colour::Yellow => self.yellow += 1,
            Colour::Red => self.red += 1,
            Colour::Grey => self.grey += 1,
        }
    }

    pub fn get(&self, colour: Colour) -> u32 {
        match colour {
            Colour::Green => self.green,
            Colour::Yellow => self.yellow,
            Colour::Red => self.red,
            Colour::Grey => self.grey,
        }
    }
}

/// One goal level's goals by colour, this month and the month before.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LevelTally {
    pub level: String,
    pub now: ColourCounts,
    pub before: ColourCounts,
}

/// A manual verdict as given: by whom and when, with the revision a change must be based on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManualVerdictView {
    /// The period it was given for (`2025-10`, `2025-T2`, `2025`).
    pub period: String,
    pub verdict: Colour,
    pub motivation: String,
    pub given_by: String,
    /// `YYYY-MM-DD HH:MM`, UTC.
    pub given_at: String,
    pub revision: i32,
}

/// Giving, changing or (with [`withdraw_manual_verdict`](crate::api)) removing a manual
/// verdict on a goal or an indicator of a plan at a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ManualVerdictForm {
    pub kind: VerdictKind,
    /// The goal's code within the plan, or the indicator's code.
    pub code: String,
    /// The period judged: a month (`2025-10`), a tertial (`2025-T2`) or a year (`2025`).
    pub period: String,
    pub verdict: Colour,
    pub motivation: String,
    /// The revision of the verdict being changed; `None` for a new one.
    pub revision: Option<i32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndicatorFollowUp {
    pub code: String,
    pub name: String,
    pub unit: String,
    pub department: Option<String>,
    pub verdict: Colour,
    pub previous: Colour,
    pub explanation: String,
    pub manual: Option<ManualVerdictView>,
    /// Monthly indicators: the year's months with outcomes (summed to date when cumulative),
    /// the year's target and, for cumulative ones, the pace line. Others: by period.
    pub chart: Vec<ChartPoint>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoalFollowUp {
    pub code: String,
    pub number: String,
    pub title: String,
    pub level: String,
    pub depth: usize,
    /// False on a grouping level (perspectives): such a goal has no verdict.
    #[serde(default)]
    pub assessed: bool,
    pub verdict: Colour,
    pub previous: Colour,
    pub explanation: String,
    pub manual: Option<ManualVerdictView>,
    pub indicators: Vec<IndicatorFollowUp>,
    /// The councils' goals contributing to it (a goal of the municipality's plan).
    #[serde(default)]
    pub contributions: Vec<ContributionFollowUp>,
}

/// A council's goal contributing to a goal of the municipality's plan, with its verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContributionFollowUp {
    pub council: String,
    pub plan_id: PlanId,
    pub code: String,
    /// Its number and title.
    pub title: String,
    pub kind: Contribution,
    pub verdict: Colour,
    pub explanation: String,
}

/// Uppdrag and initiativ by status (rows) and forecast (columns), as in the follow-up (003).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssignmentOverview {
    /// `[status][forecast]`: status not started, started, completed; forecast on plan,
    /// deviation, none.
    pub counts: [[u32; 3]; 3],
    pub items: Vec<AssignmentFollowUp>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssignmentFollowUp {
    pub item: AssignmentView,
    /// The goal it serves, `number title`, if any.
    pub goal: Option<String>,
    /// Its end date has passed and it is not completed.
    pub overdue: bool,
}

/// The selection the page was asked for, echoed back so the form shows it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUpFilter {
    /// `YYYY-MM`; the current month (within the plan's years) when absent.
    pub month: Option<String>,
    pub department: Option<String>,
    pub colour: Option<Colour>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FollowUpView {
    pub plan: PlanSummary,
    /// `YYYY-MM`, and the month before it.
    pub month: String,
    pub previous_month: String,
    /// The two months as read: `oktober 2025`.
    pub month_label: String,
    pub previous_label: String,
    /// The plan's first and last months, for the month picker.
    pub first_month: String,
    pub last_month: String,
    pub department: Option<String>,
    pub colour: Option<Colour>,
    /// How verdicts are reached where nothing else is configured: the tenant's default
    /// method for indicators, then each level's default rule, in Swedish.
    pub defaults: Vec<(String, String)>,
    pub departments: Vec<String>,
    pub levels: Vec<LevelTally>,
    /// The goals shown (after the filters), in plan order.
    pub goals: Vec<GoalFollowUp>,
    pub assignments: AssignmentOverview,
    /// Editors and admins give manual verdicts.
    pub can_judge: bool,
    /// The periods a new manual verdict can be given for at this month, as (code, label):
    /// the month, and the tertial, half year and year that end in it (delår, year end).
    pub judgement_periods: Vec<(String, String)>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_counts_add_up() {
        let mut counts = ColourCounts::default();
        for colour in Colour::ALL {
            counts.add(colour);
        }
        counts.add(Colour::Red);
        assert_eq!(counts.get(Colour::Red), 2);
        assert_eq!(counts.get(Colour::Green), 1);
    }
}
