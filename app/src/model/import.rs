//! An import running in the background (outcomes, or a ledger), as the browser polls it.

use serde::{Deserialize, Serialize};

use super::LedgerImportSummary;
use crate::domain::ImportJobId;
pub use crate::domain::{ImportKind, ImportPhase};

/// What an import wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct OutcomeImportSummary {
    pub rows: usize,
    pub inserted: usize,
    pub updated: usize,
    pub unchanged: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ImportStatus {
    pub id: ImportJobId,
    pub kind: ImportKind,
    pub file_name: String,
    pub phase: ImportPhase,
    pub done: usize,
    pub total: usize,
    /// What an outcome import wrote.
    pub summary: Option<OutcomeImportSummary>,
    /// What a ledger import wrote.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ledger: Option<LedgerImportSummary>,
    /// Why the file was refused: where (a row and column, or nowhere for the whole file)
    /// and what is wrong.
    pub problems: Vec<super::Problem>,
}

impl ImportStatus {
    pub fn new(id: ImportJobId, kind: ImportKind, file_name: String) -> Self {
        Self {
            id,
            kind,
            file_name,
            phase: ImportPhase::Reading,
            done: 0,
            total: 0,
            summary: None,
            ledger: None,
            problems: Vec::new(),
        }
    }

    /// How far along, 0–100, for a progress bar.
    pub fn percent(&self) -> u32 {
        if self.phase.is_final() {
            return 100;
        }
        let part = if self.total == 0 {
            0.0
        } else {
            self.done as f64 / self.total as f64
        };
        // Checking is quick; writing takes the most time.
        let (from, span) = match self.phase {
            ImportPhase::Reading => (0.0, 5.0),
            ImportPhase::Checking => (5.0, 15.0),
            _ => (20.0, 80.0),
        };
        (from + span * part.min(1.0)).round() as u32
    }
}

#[cfg(test)]
mod tests {
    use uuid::Uuid;

    use super::*;

    #[test]
    fn percent_grows_through_the_phases() {
        let mut status = ImportStatus::new(
            ImportJobId::from_uuid(Uuid::nil()),
            ImportKind::Outcomes,
            "a.csv".into(),
        );
        let mut seen = vec![status.percent()];
        for (phase, done) in [
            (ImportPhase::Checking, 0),
            (ImportPhase::Checking, 50),
            (ImportPhase::Checking, 100),
            (ImportPhase::Writing, 0),
            (ImportPhase::Writing, 50),
            (ImportPhase::Writing, 100),
            (ImportPhase::Done, 100),
        ] {
            status.phase = phase;
            status.done = done;
            status.total = 100;
            seen.push(status.percent());
        }
        assert_eq!(seen, [0, 5, 13, 20, 20, 60, 100, 100]);
    }
}
