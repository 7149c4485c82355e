//! Editing an uppdrag or nämndinitiativ: what it is (admins, on a draft plan) and how it
//! goes (editors, any time: status, forecast and dated comments).

use serde::{Deserialize, Serialize};

use super::HistoryEntry;

use crate::domain::{AssignmentForecast, AssignmentId, AssignmentKind, AssignmentStatus, PlanId};

/// What an uppdrag or initiativ is. Empty texts mean "not given".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssignmentForm {
    pub kind: AssignmentKind,
    pub title: String,
    /// The goal's code; empty: not tied to a goal.
    pub goal: String,
    /// A department of the plan's council, by name.
    pub department: String,
    /// New this year, or remaining from an earlier one; `None`: not stated.
    pub is_new: Option<bool>,
    /// `YYYY-MM-DD`.
    pub end_date: String,
    pub decision_body: String,
}

/// A new item: an uppdrag, with nothing else given.
impl Default for AssignmentForm {
    fn default() -> Self {
        Self {
            kind: AssignmentKind::Uppdrag,
            title: String::new(),
            goal: String::new(),
            department: String::new(),
            is_new: None,
            end_date: String::new(),
            decision_body: String::new(),
        }
    }
}

/// The follow-up an editor reports: status and forecast (`None`: not assessed), and
/// optionally a new dated comment (earlier comments are kept).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUp {
    pub status: Option<AssignmentStatus>,
    pub forecast: Option<AssignmentForecast>,
    pub comment: Option<NewComment>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewComment {
    /// `YYYY-MM-DD`, not after today.
    pub date: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommentView {
    pub date: String,
    pub text: String,
    pub author: Option<String>,
}

/// A goal an item may be tied to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoalChoice {
    pub code: String,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssignmentEditView {
    pub plan_id: PlanId,
    pub plan_name: String,
    /// `None` for a new item.
    pub id: Option<AssignmentId>,
    pub revision: i32,
    /// Admins on a draft plan change what the item is.
    pub can_define: bool,
    /// Editors and admins report follow-up on existing items, also on adopted plans.
    pub can_follow_up: bool,
    pub form: AssignmentForm,
    pub follow_up: FollowUp,
    /// Newest first.
    pub comments: Vec<CommentView>,
    pub goals: Vec<GoalChoice>,
    pub departments: Vec<String>,
    pub history: Vec<HistoryEntry>,
}
