//! Goal rules as data (stored as JSON, tagged by `kind`), with constructors for the rules 004
//! states and the checks a configuration screen needs.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde::{Deserialize, Serialize};

use super::verdict::Verdict;

/// How many inputs must be green.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum Quota {
    Count(u32),
    /// Percent of all the goal's inputs (grey ones included), rounded up: 50 % of 5 is 3.
    Share(Decimal),
}

impl Quota {
    /// The number of green inputs needed out of `inputs`. A share is clamped to 0–100 %.
    pub fn needed(self, inputs: usize) -> u32 {
        match self {
            Self::Count(count) => count,
            Self::Share(percent) => {
                let percent = percent.clamp(Decimal::ZERO, Decimal::ONE_HUNDRED);
                let all = u32::try_from(inputs).unwrap_or(u32::MAX);
                Decimal::from(all)
                    .checked_mul(percent)
                    .and_then(|share| share.checked_div(Decimal::ONE_HUNDRED))
                    .and_then(|share| share.ceil().to_u32())
                    .unwrap_or(all)
            }
        }
    }
}

/// A goal rule. Rules are data: stored as JSON, tagged by `kind`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Rule {
    /// At least `green` of the inputs green (004: "minst tre av fyra indikatorer").
    ///
    /// Grey inputs count as not green. The verdict is
    /// - grey when no input is assessable, when fewer inputs are assessable than the quota
    ///   needs green, or when a mandatory input is grey or missing (the rule names it, so
    ///   without it the rule cannot be judged);
    /// - green when at least `green` inputs are green, every `mandatory` input is green and,
    ///   with `rest_at_least`, every input that is not green is at least that level (a grey
    ///   input does not reach any colour);
    /// - yellow, a near miss, when the rule would hold if every yellow input counted as green:
    ///   green + yellow reach the quota, every mandatory input is at least yellow, and no
    ///   input that would still be below green (red, or grey) fails `rest_at_least` — here a
    ///   grey input is given the benefit of the doubt, a red one is not;
    /// - red otherwise.
    ///
    /// So for "2 of 3 green, the third at least yellow" (004, nämndmål 3): 2 green + 1 yellow is
    /// green, 2 green + 1 grey and 1 green + 2 yellow are yellow, 2 green + 1 red is red. For
    /// "3 of 4" (004, nämndmål 1.1): 3 green + 1 grey is green (it would be whatever the fourth
    /// is), 2 green + 1 red + 1 grey red (the grey one counts as not green), 2 green + 2 grey
    /// grey. A quota of every input ("2 of 2", a share of 100 %) is grey while any input is grey,
    /// so a grey input never stands in for a green one where the rule needs all of them.
    ///
    /// In short, a grey input is never green: whenever this rule is green it would also be green
    /// with every grey input red. A mandatory key matches every input with that key.
    CountGreen {
        green: Quota,
        /// `Grey` asks for nothing.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        rest_at_least: Option<Verdict>,
        /// Keys of inputs that must be among the green ones.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        mandatory: Vec<String>,
    },
    /// The weighted mean of the inputs' scores (green 1, yellow ½, red 0). Weights per input
    /// key; a missing weight is 1, a negative one counts as 0.
    ///
    /// A grey input has no score. For green it counts as red and keeps its weight, so the goal
    /// is green only if it would be green whatever the grey inputs turn out to be (004, KF-mål
    /// 1: "båda nämndmålen ska vara uppfyllda" does not hold while one of them has no verdict).
    /// For yellow it is left out and the weights of the rest renormalised: the assessed inputs
    /// say how near the goal is. The verdict is
    /// - grey when no assessable input carries weight, or the weights leave `Decimal`'s range;
    /// - green when the mean with every grey input as red reaches `green_from` (1 = all green);
    /// - yellow when the mean of the assessable inputs reaches `yellow_from`;
    /// - red otherwise.
    ///
    /// So for KF-mål 1 (equal weights, green from 1, yellow from ½): both green is green; green
    /// and yellow, green and red, green and grey, yellow and grey are yellow (green and grey is
    /// not green: the grey one may be red); red and grey is red, both grey grey. For Norrtälje's
    /// målområde (green from ¾, yellow from ½) over four inputs: 3 green and 1 grey is green (¾
    /// even if the fourth is red); 2 green, 1 yellow and 1 grey, or 1 green and 3 grey, yellow;
    /// 1 red and 3 grey red. A grey input weighted 0 changes nothing.
    Weighted {
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        weights: Vec<(String, Decimal)>,
        green_from: Decimal,
        yellow_from: Decimal,
    },
    /// Every rule must hold: red if any is red, else grey if any is grey, else the worst
    /// colour. No rules: grey.
    All { rules: Vec<Rule> },
    /// Only a helhetsbedömning (a manual verdict for the goal) gives a verdict.
    Manual,
}

impl Rule {
    /// At least `count` inputs green (004: nämndmål 1.1, 1.2 and 2, "3 av 4").
    pub fn count_green(count: u32) -> Self {
        Self::CountGreen {
            green: Quota::Count(count),
            rest_at_least: None,
            mandatory: Vec::new(),
        }
    }

    /// At least `count` green and the others at least yellow (004: nämndmål 3 and 4).
    pub fn count_green_rest_yellow(count: u32) -> Self {
        Self::CountGreen {
            green: Quota::Count(count),
            rest_at_least: Some(Verdict::Yellow),
            mandatory: Vec::new(),
        }
    }

    /// At least `count` green, `key` among them (004: nämndmål 5, "Nämndens budgetföljsamhet").
    pub fn count_green_including(count: u32, key: impl Into<String>) -> Self {
        Self::CountGreen {
            green: Quota::Count(count),
            rest_at_least: None,
            mandatory: vec![key.into()],
        }
    }

    /// Inputs weighted equally, all green for green (a grey input blocks green), a mean of at
    /// least ½ for yellow (004: KF-mål 1; with one input the goal takes that input's verdict).
    pub fn equal_weights_all_green() -> Self {
        Self::Weighted {
            weights: Vec::new(),
            green_from: Decimal::ONE,
            yellow_from: Decimal::new(5, 1),
        }
    }

    /// Checks what the types cannot: shares and thresholds in range, no negative weights.
    pub fn validate(&self) -> Result<(), RuleError> {
        match self {
            Self::CountGreen {
                green: Quota::Share(percent),
                ..
            } if *percent < Decimal::ZERO || *percent > Decimal::ONE_HUNDRED => {
                Err(RuleError::ShareOutOfRange(*percent))
            }
            Self::CountGreen { .. } | Self::Manual => Ok(()),
            Self::Weighted {
                weights,
                green_from,
                yellow_from,
            } => {
                if let Some((key, weight)) = weights.iter().find(|(_, w)| w.is_sign_negative() && !w.is_zero()) {
                    return Err(RuleError::NegativeWeight {
                        key: key.clone(),
                        weight: *weight,
                    });
                }
                let unit = Decimal::ZERO..=Decimal::ONE;
                if !unit.contains(green_from) || !unit.contains(yellow_from) || yellow_from > green_from {
                    return Err(RuleError::Thresholds);
                }
                Ok(())
            }
            Self::All { rules } if rules.is_empty() => Err(RuleError::EmptyAll),
            Self::All { rules } if rules.contains(&Self::Manual) => Err(RuleError::ManualInAll),
            Self::All { rules } => rules.iter().try_for_each(Rule::validate),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RuleError {
    #[error("a share of green inputs must lie between 0 and 100 percent, not {0}")]
    ShareOutOfRange(Decimal),
    #[error("the weight of {key} is negative ({weight})")]
    NegativeWeight { key: String, weight: Decimal },
    #[error("green_from and yellow_from must lie between 0 and 1, yellow_from no higher than green_from")]
    Thresholds,
    #[error("\"all\" needs at least one rule")]
    EmptyAll,
    #[error("a manual rule inside \"all\" would keep the goal grey; use a helhetsbedömning instead")]
    ManualInAll,
}
