//! What the goal editor (admins) loads and sends back.

use serde::{Deserialize, Serialize};

use super::{HistoryEntry, RuleEditor};

use crate::domain::{Contribution, PlanId};

/// A goal's editable text: its number as printed, title, and the texts of the sections its
/// level has.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct GoalForm {
    /// The level's key: which level a new goal goes on (of those below its parent).
    #[serde(default)]
    pub level: String,
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
    /// The levels a new goal may be on (empty for an existing goal).
    pub level_options: Vec<LevelChoice>,
    /// Its place among its siblings (0-based) and how many there are.
    pub position: usize,
    pub siblings: usize,
    pub form: GoalForm,
    /// What hangs on the goal; it can be deleted only when nothing does.
    pub attached: Attached,
    /// Its assessment rule (`None` for a goal not yet created).
    pub rule: Option<RuleEditor>,
    /// What it contributes to (`None` for a goal not yet created, or one of the
    /// municipality's own plan).
    pub links: Option<LinksEditor>,
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

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LevelChoice {
    pub key: String,
    pub name: String,
}

/// One contribution as the goal editor shows and sends it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkForm {
    /// The municipality's goal's code.
    pub goal: String,
    pub kind: Contribution,
}

/// A council's goal's contributions to the municipality's goals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinksEditor {
    pub links: Vec<LinkForm>,
    /// The municipality's plan covering the goal's plan's first year, if there is one.
    pub municipal_plan: Option<String>,
    /// Its goals, in tree order: what a contribution may point to.
    pub options: Vec<ParentOption>,
}
