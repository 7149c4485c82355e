//! How verdicts are reached, as the editors show and send them: a goal's or level's rule,
//! an indicator's or the tenant's method, and the preview of verdicts under a changed rule.
//! The engine's `Rule` and `Method` are server-only; these are their forms, with numbers as
//! people type them.

use serde::{Deserialize, Serialize};

use super::{Colour, VerdictKind};
use crate::domain::{MarginUnit, MethodKind, QuotaUnit, RuleKind};

/// A rule as the editor shows it. Only the fields of its kind count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleForm {
    /// `None`: a goal follows its level's rule, a level the built-in default.
    pub kind: Option<RuleKind>,
    /// How many inputs must be green (`count_green`), as written: `3`, or `75` with a share.
    pub green: String,
    pub green_unit: QuotaUnit,
    /// What the inputs that are not green must at least be (`count_green`).
    pub rest_at_least: Option<Colour>,
    /// Keys of the inputs that must be green (`count_green`).
    pub mandatory: Vec<String>,
    /// Each weighted input's weight as written; an input not listed weighs 1 (`weighted`).
    pub weights: Vec<WeightInput>,
    /// The weighted mean, in percent, from which the goal is green (`weighted`): `100`.
    pub green_from: String,
    /// … and from which it is yellow: `50`.
    pub yellow_from: String,
}

impl Default for RuleForm {
    fn default() -> Self {
        Self {
            kind: None,
            green: String::new(),
            green_unit: QuotaUnit::Count,
            rest_at_least: None,
            mandatory: Vec::new(),
            weights: Vec::new(),
            green_from: "100".to_owned(),
            yellow_from: "50".to_owned(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WeightInput {
    pub key: String,
    pub weight: String,
}

/// An input a goal's rule may name: one of its indicators or child goals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleInput {
    pub key: String,
    pub label: String,
}

/// A goal's rule in its editor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleEditor {
    pub form: RuleForm,
    pub inputs: Vec<RuleInput>,
    /// The rule that applies when the goal has none of its own, in words.
    pub inherited: String,
    /// The rule in force now, in words.
    pub current: String,
}

/// A saved rule: the goal's new revision and the rule now in force, in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleSaved {
    pub revision: i32,
    pub current: String,
}

/// A method as the editor shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MethodForm {
    /// `None`: the tenant's default (for an indicator) or the built-in one (for the tenant).
    pub kind: Option<MethodKind>,
    /// The margin as written (`5`, `0,5`); empty for none.
    pub margin: String,
    pub margin_unit: MarginUnit,
}

impl Default for MethodForm {
    fn default() -> Self {
        Self {
            kind: None,
            margin: String::new(),
            margin_unit: MarginUnit::Percent,
        }
    }
}

/// What a changed rule or method would do to today's verdicts, before it is saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RulePreview {
    /// The month the verdicts are of (`YYYY-MM`): the latest with values.
    pub month: String,
    /// The goal or indicator edited first, then every other verdict that would change.
    pub changes: Vec<VerdictChange>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct VerdictChange {
    pub kind: VerdictKind,
    pub code: String,
    pub name: String,
    /// The plan's name (a level's rule and the tenant's method reach every plan).
    pub plan: String,
    pub before: Colour,
    pub after: Colour,
    /// Why, under the new rule or method, in the reader's language.
    pub explanation: String,
}
