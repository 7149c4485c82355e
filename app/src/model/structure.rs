//! The tenant's goal structure as its admins edit it: the ordered goal levels.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::HistoryEntry;

/// One goal level. A new level has no `id`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LevelForm {
    pub id: Option<Uuid>,
    pub revision: i32,
    /// E.g. `Inriktningsmål`.
    pub name: String,
    /// E.g. `Inriktningsmål` (plural form, for headings).
    pub plural: String,
    /// `sequence` (1, 2, 3), `nested` (1.1, 1.2) or `none`.
    pub numbering: String,
    /// The text sections a goal of the level has, in order.
    pub sections: Vec<String>,
    /// What its goals may carry: `indicators`, `assignments`, `activities`, `focus_areas`.
    pub carries: Vec<String>,
    /// Whether its goals' uppdrag and initiativ count in the goals' verdicts.
    #[serde(default)]
    pub assignment_inputs: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StructureView {
    /// Top level first.
    pub levels: Vec<LevelForm>,
    pub history: Vec<HistoryEntry>,
}
