//! The tenant's goal structure as its admins edit it: the ordered goal levels.

use serde::{Deserialize, Serialize};

use super::HistoryEntry;

use crate::domain::{Carry, LevelId, Numbering};

/// One goal level. A new level has no `id`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LevelForm {
    pub id: Option<LevelId>,
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
}

/// A new level: nested numbering, no sections, carrying nothing.
impl Default for LevelForm {
    fn default() -> Self {
        Self {
            id: None,
            revision: 0,
            name: String::new(),
            plural: String::new(),
            numbering: Numbering::Nested,
            sections: Vec::new(),
            carries: Vec::new(),
            assignment_inputs: false,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StructureView {
    /// Top level first.
    pub levels: Vec<LevelForm>,
    pub history: Vec<HistoryEntry>,
}
