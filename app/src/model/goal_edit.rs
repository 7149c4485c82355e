//! What the goal editor (admins) loads and sends back.

use serde::{Deserialize, Serialize};

use super::HistoryEntry;

use crate::domain::PlanId;

/// A goal's editable text: its number as printed, title, and the texts of the sections its
/// level has.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct GoalForm {
    pub number: String,
    pub title: String,
    pub sections: Vec<SectionInput>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SectionInput {
    /// One of the level's section titles.
    pub title: String,
    pub text: String,
}

/// A place in the tree a goal may be moved to: a goal on the level above (or the plan's
/// top, `None`, for the first level).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParentOption {
    pub code: Option<String>,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoalEditView {
    pub plan_id: PlanId,
    pub plan_name: String,
    /// Adopted plans are frozen.
    pub editable: bool,
    /// Empty for a goal not yet created.
    pub code: String,
    pub revision: i32,
    /// The level's name (Målområde, Inriktningsmål, …).
    pub level: String,
    pub parent: Option<String>,
    pub parent_options: Vec<ParentOption>,
    /// Its place among its siblings (0-based) and how many there are.
    pub position: usize,
    pub siblings: usize,
    pub form: GoalForm,
    /// What hangs on the goal; it can be deleted only when nothing does.
    pub attached: Attached,
    pub history: Vec<HistoryEntry>,
}

/// What hangs on a goal.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attached {
    pub sub_goals: usize,
    pub indicators: usize,
    pub assignments: usize,
    pub activities: usize,
    pub focus_areas: usize,
}

impl Attached {
    pub fn is_empty(&self) -> bool {
        *self == Attached::default()
    }
}

/// Where a goal is after a move.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoalPlace {
    pub revision: i32,
    /// Among its siblings, 0-based, and how many there are.
    pub position: usize,
    pub siblings: usize,
}
