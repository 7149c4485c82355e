//! What the admin edit pages load and send back.

use serde::{Deserialize, Serialize};

use super::MethodForm;
use crate::domain::{Better, IndicatorId, IndicatorKind, PlanId};

/// An indicator's editable fields, as text where people type them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndicatorForm {
    pub name: String,
    pub definition: String,
    pub kind: IndicatorKind,
    pub unit: String,
    pub decimals: u32,
    pub direction: Better,
    /// `year`, `half_year`, `tertial` or `month` (`engine::Periodicity`, which the browser
    /// does not have).
    pub periodicity: String,
    pub cumulative: bool,
    /// Empty for none.
    pub department: String,
    pub source: String,
    pub kolada: String,
    pub baseline_value: String,
    pub baseline_label: String,
    /// One footnote per line.
    pub footnotes: String,
    pub targets: Vec<TargetInput>,
    /// How it is assessed; kind `None` for the tenant's default.
    pub method: MethodForm,
}

/// A new indicator: the council's own, higher is better, one value a year.
impl Default for IndicatorForm {
    fn default() -> Self {
        Self {
            name: String::new(),
            definition: String::new(),
            kind: IndicatorKind::Namnd,
            unit: String::new(),
            decimals: 0,
            direction: Better::Higher,
            periodicity: "year".to_owned(),
            cumulative: false,
            department: String::new(),
            source: String::new(),
            kolada: String::new(),
            baseline_value: String::new(),
            baseline_label: String::new(),
            footnotes: String::new(),
            targets: Vec::new(),
            method: MethodForm::default(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct TargetInput {
    pub year: i32,
    /// `5,8`, `<= 24`, `+/- 0,5`, `Öka`, `Ej utvärderad`; or, with `statement`, any text.
    pub text: String,
    /// The plan's own wording, when it differs.
    pub label: String,
    pub statement: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndicatorEditView {
    pub id: IndicatorId,
    pub code: String,
    /// What the form was loaded at; saving with an older one is a conflict.
    pub revision: i32,
    pub plan_id: PlanId,
    pub plan_name: String,
    /// Adopted plans are frozen: the form is read-only.
    pub editable: bool,
    pub goal: String,
    pub departments: Vec<String>,
    pub form: IndicatorForm,
    pub history: Vec<HistoryEntry>,
}

/// One change from the audit log, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEntry {
    pub at: String,
    pub actor: String,
    pub action: String,
    pub changes: Vec<FieldChange>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldChange {
    pub field: String,
    pub old: String,
    pub new: String,
}
