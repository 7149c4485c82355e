//! Volume × price scenarios: each kind of care's cost is its volume times its unit price;
//! change a volume or a price and see the cost effect, line by line and in total.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// One kind of care in a year: how much, at what price.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VolumePrice {
    pub label: String,
    pub volume: Decimal,
    pub price: Decimal,
}

/// A change to one line (by index): a new volume, a new price, or both.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScenarioChange {
    pub line: usize,
    #[serde(default)]
    pub volume: Option<Decimal>,
    #[serde(default)]
    pub price: Option<Decimal>,
}

/// A line's cost before and after, and the effect (after minus before).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScenarioLine {
    pub label: String,
    pub volume: Decimal,
    pub price: Decimal,
    pub base_cost: Decimal,
    pub cost: Decimal,
    pub effect: Decimal,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScenarioResult {
    pub lines: Vec<ScenarioLine>,
    pub base_cost: Decimal,
    pub cost: Decimal,
    pub effect: Decimal,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScenarioError {
    #[error("there is no line {0}")]
    NoSuchLine(usize),
    #[error("line \"{0}\": the cost is too large to compute")]
    Overflow(String),
}

/// The cost of `base` with `changes` applied (a later change to a line wins).
pub fn scenario(base: &[VolumePrice], changes: &[ScenarioChange]) -> Result<ScenarioResult, ScenarioError> {
    if let Some(change) = changes.iter().find(|c| c.line >= base.len()) {
        return Err(ScenarioError::NoSuchLine(change.line));
    }
    let mut lines = Vec::with_capacity(base.len());
    let (mut base_cost, mut cost) = (Decimal::ZERO, Decimal::ZERO);
    for (i, line) in base.iter().enumerate() {
        let (mut volume, mut price) = (line.volume, line.price);
        for change in changes.iter().filter(|c| c.line == i) {
            volume = change.volume.unwrap_or(volume);
            price = change.price.unwrap_or(price);
        }
        let overflow = || ScenarioError::Overflow(line.label.clone());
        let before = line.volume.checked_mul(line.price).ok_or_else(overflow)?;
        let after = volume.checked_mul(price).ok_or_else(overflow)?;
        base_cost = base_cost.checked_add(before).ok_or_else(overflow)?;
        cost = cost.checked_add(after).ok_or_else(overflow)?;
        lines.push(ScenarioLine {
            label: line.label.clone(),
            volume,
            price,
            base_cost: before,
            cost: after,
            effect: after.checked_sub(before).ok_or_else(overflow)?,
        });
    }
    let effect = cost
        .checked_sub(base_cost)
        .ok_or_else(|| ScenarioError::Overflow(String::new()))?;
    Ok(ScenarioResult {
        lines,
        base_cost,
        cost,
        effect,
    })
}
