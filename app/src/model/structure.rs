//! The tenant's goal structure as its admins edit it: the ordered goal levels.

use serde::{Deserialize, Serialize};

use super::{HistoryEntry, MethodForm, RuleForm};

use crate::domain::{Carry, LevelId, Numbering};

/// One goal level. A new level has no `id`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LevelForm {
    pub id: Option<LevelId>,
    /// Its key in the tenant document (shown, not saved; a new level's is made from its name).
    #[serde(default)]
    pub key: String,
    pub revision: i32,
    /// E.g. `Inriktningsmål`.
    pub name: String,
    /// E.g. `Inriktningsmål` (plural form, for headings).
    pub plural: String,
    pub numbering: Numbering,
    /// The text sections a goal of the level has, in order.
    pub sections: Vec<String>,
    /// What its goals may carry.
    pub carries: Vec<Carry>,
    /// Whether its goals' uppdrag and initiativ count in the goals' verdicts.
    #[serde(default)]
    pub assignment_inputs: bool,
    /// Its goals only group others (perspectives): not assessed.
    #[serde(default)]
    pub grouping: bool,
    /// The rule of its goals that have none of their own.
    #[serde(default)]
    pub rule: RuleForm,
    /// That rule in words, as stored (shown, not saved).
    #[serde(default)]
    pub rule_text: String,
}

/// A new level: nested numbering, no sections, carrying nothing.
impl Default for LevelForm {
    fn default() -> Self {
        Self {
            id: None,
            key: String::new(),
            revision: 0,
            name: String::new(),
            plural: String::new(),
            numbering: Numbering::Nested,
            sections: Vec::new(),
            carries: Vec::new(),
            assignment_inputs: false,
            grouping: false,
            rule: RuleForm::default(),
            rule_text: String::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StructureView {
    /// Top level first.
    pub levels: Vec<LevelForm>,
    pub history: Vec<HistoryEntry>,
    /// The municipality's method for indicators without one of their own.
    pub method: MethodForm,
    /// That method in words, as stored.
    pub method_text: String,
    /// The tenant's revision, which a change of the method is checked against.
    pub tenant_revision: i32,
}

/// A saved method: the tenant's new revision and the method in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MethodSaved {
    pub revision: i32,
    pub text: String,
}
