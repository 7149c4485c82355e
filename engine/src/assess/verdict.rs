//! The traffic light itself, the margin that separates yellow from red, and a person's own
//! verdict that overrides the computed one.

use super::language::Language;
use std::cmp::Ordering;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::period::Period;

/// A traffic light (004, Bilaga 1). Green, yellow and red are ordered (`Red < Yellow < Green`);
/// grey means "not assessable" and is comparable only with itself, so `Grey < Green` and
/// `Grey > Red` are both false.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The target is met this month, or the work follows the plan.
    Green,
    /// Not met yet, or a minor deviation from the plan.
    Yellow,
    /// Not met and not expected to be; a large deviation.
    Red,
    /// Not assessable: no value, no target, "Ej utvärderad", a statement, too few inputs.
    Grey,
}

impl Verdict {
    pub fn swedish(self) -> &'static str {
        self.name(Language::Swedish)
    }

    /// "Grön", "Green", …: the verdict as a label.
    pub fn name(self, language: Language) -> &'static str {
        match self {
            Self::Green => language.pick("Grön", "Green"),
            Self::Yellow => language.pick("Gul", "Yellow"),
            Self::Red => language.pick("Röd", "Red"),
            Self::Grey => language.pick("Grå", "Grey"),
        }
    }

    /// Lower-case, for the middle of a sentence ("är gul", "is yellow").
    pub(crate) fn lower(self, language: Language) -> &'static str {
        match self {
            Self::Green => language.pick("grön", "green"),
            Self::Yellow => language.pick("gul", "yellow"),
            Self::Red => language.pick("röd", "red"),
            Self::Grey => language.pick("inte bedömd", "not assessed"),
        }
    }

    /// The score weighted rules average: green 1, yellow ½, red 0; grey has none.
    pub fn score(self) -> Option<Decimal> {
        match self {
            Self::Green => Some(Decimal::ONE),
            Self::Yellow => Some(Decimal::new(5, 1)),
            Self::Red => Some(Decimal::ZERO),
            Self::Grey => None,
        }
    }

    pub fn is_assessable(self) -> bool {
        self != Self::Grey
    }

    /// Red 0, yellow 1, green 2; grey none.
    fn rank(self) -> Option<u8> {
        match self {
            Self::Red => Some(0),
            Self::Yellow => Some(1),
            Self::Green => Some(2),
            Self::Grey => None,
        }
    }

    /// Whether this verdict is `level` or better. Grey is never at least a colour; every
    /// verdict is at least grey (grey as a level asks for nothing).
    pub fn at_least(self, level: Verdict) -> bool {
        match (self.rank(), level.rank()) {
            (_, None) => true,
            (None, Some(_)) => false,
            (Some(own), Some(wanted)) => own >= wanted,
        }
    }
}

impl PartialOrd for Verdict {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        match (self.rank(), other.rank()) {
            (Some(a), Some(b)) => Some(a.cmp(&b)),
            (None, None) => Some(Ordering::Equal),
            _ => None,
        }
    }
}

/// How far a value may miss its target and still be yellow rather than red.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum Margin {
    /// Percent of the target's magnitude: of the value for `Target::Value` and
    /// `Target::Compare`, of the tolerance for `Target::Band`, of the previous value for
    /// "Bibehålla".
    Percent(Decimal),
    /// In the indicator's unit. For a cumulative indicator assessed on pace it is stated for
    /// the whole year and taken pro rata, like the target.
    Absolute(Decimal),
}

impl Margin {
    pub const ZERO: Margin = Margin::Absolute(Decimal::ZERO);

    /// Whether missing the target by `shortfall` stays within the margin. `magnitude` and
    /// `scale` are in the same (possibly scaled) units as `shortfall`; no division, so the
    /// check is exact. `None` when the arithmetic overflows.
    pub(crate) fn covers(self, shortfall: Decimal, magnitude: Decimal, scale: Decimal) -> Option<bool> {
        match self {
            Self::Percent(percent) => {
                let allowed = magnitude.abs().checked_mul(percent)?;
                Some(shortfall.checked_mul(Decimal::ONE_HUNDRED)? <= allowed)
            }
            Self::Absolute(amount) => Some(shortfall <= scaled(amount, scale)?),
        }
    }

    /// The margin in the indicator's unit, for a target of this magnitude (for explanations).
    pub fn amount(self, magnitude: Decimal) -> Option<Decimal> {
        match self {
            Self::Percent(percent) => magnitude.abs().checked_mul(percent)?.checked_div(Decimal::ONE_HUNDRED),
            Self::Absolute(amount) => Some(amount),
        }
    }

    pub(crate) fn is_negative(self) -> bool {
        match self {
            Self::Percent(value) | Self::Absolute(value) => value.is_sign_negative() && !value.is_zero(),
        }
    }
}

/// Multiplies by `scale`, skipping the work for the common scale 1.
pub(crate) fn scaled(value: Decimal, scale: Decimal) -> Option<Decimal> {
    if scale == Decimal::ONE {
        Some(value)
    } else {
        value.checked_mul(scale)
    }
}

/// A person's verdict with a written motivation: an indicator's manual assessment, or a goal's
/// helhetsbedömning (004: at delår and year end it may complement the rule). It overrides the
/// computed verdict for the period it was given for; the computed one stays in the explanation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManualVerdict {
    /// The period it was given for. It applies from the month this period ends in until the
    /// next period of the same kind ends: a month's verdict to that month, 2025-T2's from
    /// August to November, 2025-H1's from June to November, 2025's from December 2025 to
    /// November 2026. After that it is old news, and the computed verdict applies again.
    pub period: Period,
    pub verdict: Verdict,
    pub motivation: String,
}

impl ManualVerdict {
    /// Whether this verdict applies to an assessment at `at` (see [`ManualVerdict::period`]).
    pub fn applies_to(&self, at: Period) -> bool {
        let (start, span) = (self.period.end_month(), i64::from(self.period.month_count()));
        let now = at.end_month();
        start <= now && now < start + span
    }
}
