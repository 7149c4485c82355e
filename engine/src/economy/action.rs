//! Action plans for an economy in balance (åtgärdsplan för ekonomi i balans): measures with
//! their gross effect, cost of implementation and net effect, the effect expected per year
//! and the effect realised month by month, and what a controller follows them by.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::Period;

/// One measure of an action plan. Amounts in the plan's unit; `None` where not stated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Measure {
    pub number: u32,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub responsible: String,
    /// What the measure saves before its cost.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gross_effect: Option<Decimal>,
    /// Kostnad för genomförande.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost: Option<Decimal>,
    /// Nettoeffekt: the gross effect less the cost.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub net_effect: Option<Decimal>,
    /// When the full effect is reached, as written ("2025-Q4").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub full_effect: String,
    /// The effect expected within each year.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub expected: Vec<YearAmount>,
    /// The effect realised, by month.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub realised: Vec<MonthAmount>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub status: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearAmount {
    pub year: i32,
    pub value: Decimal,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthAmount {
    pub period: Period,
    pub value: Decimal,
}

impl Measure {
    /// The gross effect less the cost, where both are stated.
    pub fn computed_net(&self) -> Option<Decimal> {
        self.gross_effect?.checked_sub(self.cost?)
    }

    pub fn expected_in(&self, year: i32) -> Option<Decimal> {
        self.expected.iter().find(|e| e.year == year).map(|e| e.value)
    }

    /// The effect realised in `year` up to and including `through` (`None`: nothing booked).
    pub fn realised_through(&self, through: Period) -> Option<Decimal> {
        let booked: Vec<Decimal> = (self.realised.iter())
            .filter(|r| r.period.year() == through.year() && r.period <= through)
            .map(|r| r.value)
            .collect();
        if booked.is_empty() {
            return None;
        }
        booked.into_iter().try_fold(Decimal::ZERO, |a, v| a.checked_add(v))
    }
}

/// An action plan's measures in one year: expected and realised, each summed over the
/// measures that state it, and every measure whose net effect is not its gross effect less
/// its cost (by more than one unit).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionSummary {
    pub year: i32,
    pub expected: Decimal,
    pub realised: Decimal,
    /// Net effects of all measures that state one.
    pub net_effect: Decimal,
    /// (measure number, computed net, stated net).
    pub net_mismatches: Vec<(u32, Decimal, Decimal)>,
}

fn sum(mut values: impl Iterator<Item = Decimal>) -> Option<Decimal> {
    values.try_fold(Decimal::ZERO, |a, v| a.checked_add(v))
}

/// The summary of `measures` for the year of `through`, realised effects up to `through`.
pub fn action_summary(measures: &[Measure], through: Period) -> Option<ActionSummary> {
    let year = through.year();
    let expected = sum(measures.iter().filter_map(|m| m.expected_in(year)))?;
    let realised = sum(measures.iter().filter_map(|m| m.realised_through(through)))?;
    let net_effect = sum(measures.iter().filter_map(|m| m.net_effect))?;
    let net_mismatches = (measures.iter())
        .filter_map(|m| {
            let (computed, stated) = (m.computed_net()?, m.net_effect?);
            ((computed - stated).abs() > Decimal::ONE).then_some((m.number, computed, stated))
        })
        .collect();
    Some(ActionSummary {
        year,
        expected,
        realised,
        net_effect,
        net_mismatches,
    })
}
