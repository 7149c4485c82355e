//! A goal's verdict for a month: a rule (data, configured per goal or as a tenant default)
//! applied to the verdicts of the goal's inputs (indicators, child goals, uppdrag, activities;
//! the caller decides which kinds count). A helhetsbedömning overrides the rule.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::indicator::{Basis, IndicatorAssessment, Observed};
use super::rule::{Quota, Rule};
use super::verdict::{ManualVerdict, Verdict};
use crate::period::Period;
use crate::target::Target;

/// What an input of a goal is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InputKind {
    Indicator,
    ChildGoal,
    Assignment,
    Activity,
}

/// One input of a goal: its verdict, and what to show about it in the explanation.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct GoalInput<'a> {
    /// Indicator or goal code, matched by `mandatory` and `weights`.
    pub key: &'a str,
    pub label: &'a str,
    pub kind: InputKind,
    pub verdict: Verdict,
    /// An indicator's value and target, shown next to its verdict.
    pub observed: Option<Observed>,
    pub target: Option<&'a Target>,
}

impl<'a> GoalInput<'a> {
    pub fn new(key: &'a str, label: &'a str, kind: InputKind, verdict: Verdict) -> Self {
        Self {
            key,
            label,
            kind,
            verdict,
            observed: None,
            target: None,
        }
    }

    /// An indicator's verdict, value and target.
    pub fn indicator(key: &'a str, label: &'a str, assessment: &IndicatorAssessment<'a>) -> Self {
        let observed = match assessment.explanation.basis {
            Basis::Threshold { observed, .. } | Basis::Directional { observed, .. } => Some(observed),
            Basis::Pace { to_date, .. } => Some(Observed::ToDate(to_date)),
            Basis::NotAssessable { .. } => None,
        };
        Self {
            observed,
            target: assessment.explanation.target,
            ..Self::new(key, label, InputKind::Indicator, assessment.verdict)
        }
    }
}

/// How many inputs have each verdict.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    pub green: u32,
    pub yellow: u32,
    pub red: u32,
    pub grey: u32,
}

impl Tally {
    pub fn of(inputs: &[GoalInput<'_>]) -> Self {
        let mut tally = Self::default();
        for input in inputs {
            let count = match input.verdict {
                Verdict::Green => &mut tally.green,
                Verdict::Yellow => &mut tally.yellow,
                Verdict::Red => &mut tally.red,
                Verdict::Grey => &mut tally.grey,
            };
            *count = count.saturating_add(1);
        }
        tally
    }

    pub fn assessable(&self) -> u32 {
        self.green.saturating_add(self.yellow).saturating_add(self.red)
    }

    pub fn total(&self) -> u32 {
        self.assessable().saturating_add(self.grey)
    }
}

/// Why a `CountGreen` rule is grey.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CountGrey {
    NoAssessable,
    TooFewAssessable,
    /// The n-th mandatory key is not among the inputs.
    MandatoryMissing {
        mandatory: u32,
    },
    /// This input is mandatory and grey.
    MandatoryGrey {
        input: u32,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountOutcome {
    pub verdict: Verdict,
    pub tally: Tally,
    /// Green inputs needed.
    pub needed: u32,
    pub grey: Option<CountGrey>,
    /// The first mandatory input that is not green.
    pub mandatory_short: Option<u32>,
    /// The first input below `rest_at_least`.
    pub rest_short: Option<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct WeightedOutcome {
    pub verdict: Verdict,
    /// Σ weight × score over the assessable inputs.
    pub score: Decimal,
    /// Σ weight over the assessable inputs; the mean of what is assessed is `score / weight`.
    pub weight: Decimal,
    /// Grey inputs: left out of the mean, counted as red for green.
    pub left_out: u32,
    /// Σ weight over the grey inputs; the mean with them as red is
    /// `score / (weight + grey_weight)`, and only that mean can make the goal green.
    #[serde(default)]
    pub grey_weight: Decimal,
    /// The weights left `Decimal`'s range, so the rule could not be applied: grey.
    #[serde(default)]
    pub out_of_range: bool,
}

impl WeightedOutcome {
    /// The mean with every grey input counted as red, when a grey input carries weight.
    pub fn worst_mean(&self) -> Option<Decimal> {
        if self.grey_weight <= Decimal::ZERO {
            return None;
        }
        self.score.checked_div(self.weight.checked_add(self.grey_weight)?)
    }
}

/// What a rule made of the inputs. For `All`, the sub-rules' outcomes are not stored (that
/// would allocate); [`evaluate`] recomputes any of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RuleOutcome {
    CountGreen(CountOutcome),
    Weighted(WeightedOutcome),
    All {
        verdict: Verdict,
        /// The first sub-rule that gave this verdict.
        deciding: Option<u32>,
    },
    Manual,
}

impl RuleOutcome {
    pub fn verdict(&self) -> Verdict {
        match self {
            Self::CountGreen(outcome) => outcome.verdict,
            Self::Weighted(outcome) => outcome.verdict,
            Self::All { verdict, .. } => *verdict,
            Self::Manual => Verdict::Grey,
        }
    }
}

/// The facts behind a goal's verdict; [`std::fmt::Display`] writes them in Swedish.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct GoalExplanation<'a> {
    pub at: Period,
    pub rule: &'a Rule,
    pub inputs: &'a [GoalInput<'a>],
    pub computed: Verdict,
    pub outcome: RuleOutcome,
    /// The helhetsbedömning that overrode the computed verdict.
    pub manual: Option<&'a ManualVerdict>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct GoalAssessment<'a> {
    pub verdict: Verdict,
    pub explanation: GoalExplanation<'a>,
}

/// Assesses a goal at a month; a manual verdict given for that period overrides the rule.
pub fn assess_goal<'a>(
    rule: &'a Rule,
    inputs: &'a [GoalInput<'a>],
    at: Period,
    manual: Option<&'a ManualVerdict>,
) -> GoalAssessment<'a> {
    let outcome = evaluate(rule, inputs);
    let computed = outcome.verdict();
    let manual = manual.filter(|manual| manual.applies_to(at));
    GoalAssessment {
        verdict: manual.map_or(computed, |manual| manual.verdict),
        explanation: GoalExplanation {
            at,
            rule,
            inputs,
            computed,
            outcome,
            manual,
        },
    }
}

/// Applies a rule to the inputs' verdicts, without a manual verdict.
pub fn evaluate(rule: &Rule, inputs: &[GoalInput<'_>]) -> RuleOutcome {
    match rule {
        Rule::CountGreen {
            green,
            rest_at_least,
            mandatory,
        } => RuleOutcome::CountGreen(count_green(*green, *rest_at_least, mandatory, inputs)),
        Rule::Weighted {
            weights,
            green_from,
            yellow_from,
        } => RuleOutcome::Weighted(weighted(weights, *green_from, *yellow_from, inputs)),
        Rule::All { rules } => all(rules, inputs),
        Rule::Manual => RuleOutcome::Manual,
    }
}

fn index(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

fn count_green(
    quota: Quota,
    rest_at_least: Option<Verdict>,
    mandatory: &[String],
    inputs: &[GoalInput<'_>],
) -> CountOutcome {
    let tally = Tally::of(inputs);
    let needed = quota.needed(inputs.len());
    let mut outcome = CountOutcome {
        verdict: Verdict::Grey,
        tally,
        needed,
        grey: None,
        mandatory_short: None,
        rest_short: None,
    };
    if tally.assessable() == 0 {
        outcome.grey = Some(CountGrey::NoAssessable);
        return outcome;
    }
    if tally.assessable() < needed {
        outcome.grey = Some(CountGrey::TooFewAssessable);
        return outcome;
    }
    let (mut mandatory_green, mut mandatory_yellow) = (true, true);
    for (nth, key) in mandatory.iter().enumerate() {
        // Every input with the key is mandatory (an indicator and a child goal may share one).
        let mut found = false;
        for (at, input) in inputs.iter().enumerate().filter(|(_, input)| input.key == key) {
            found = true;
            match input.verdict {
                Verdict::Green => continue,
                Verdict::Yellow => mandatory_green = false,
                Verdict::Red => (mandatory_green, mandatory_yellow) = (false, false),
                Verdict::Grey => {
                    outcome.grey = Some(CountGrey::MandatoryGrey { input: index(at) });
                    return outcome;
                }
            }
            outcome.mandatory_short.get_or_insert(index(at));
        }
        if !found {
            outcome.grey = Some(CountGrey::MandatoryMissing { mandatory: index(nth) });
            return outcome;
        }
    }
    let (mut rest_green, mut rest_near) = (true, true);
    if let Some(level) = rest_at_least.filter(|level| level.is_assessable()) {
        for (at, input) in inputs.iter().enumerate() {
            if input.verdict == Verdict::Green || input.verdict.at_least(level) {
                continue;
            }
            rest_green = false;
            outcome.rest_short.get_or_insert(index(at));
            // Near miss: yellow counts as green; a grey input gets the benefit of the doubt.
            let promoted = if input.verdict == Verdict::Yellow {
                Verdict::Green
            } else {
                input.verdict
            };
            if promoted != Verdict::Grey && !promoted.at_least(level) {
                rest_near = false;
            }
        }
    }
    outcome.verdict = if tally.green >= needed && mandatory_green && rest_green {
        Verdict::Green
    } else if tally.green.saturating_add(tally.yellow) >= needed && mandatory_yellow && rest_near {
        Verdict::Yellow
    } else {
        Verdict::Red
    };
    outcome
}

fn weighted(
    weights: &[(String, Decimal)],
    green_from: Decimal,
    yellow_from: Decimal,
    inputs: &[GoalInput<'_>],
) -> WeightedOutcome {
    let mut outcome = WeightedOutcome {
        verdict: Verdict::Grey,
        score: Decimal::ZERO,
        weight: Decimal::ZERO,
        left_out: 0,
        grey_weight: Decimal::ZERO,
        out_of_range: false,
    };
    match weigh(weights, green_from, yellow_from, inputs, &mut outcome) {
        Some(verdict) => outcome.verdict = verdict,
        None => outcome.out_of_range = true,
    }
    outcome
}

/// Fills in the sums and returns the verdict (see [`Rule::Weighted`]); `None` when the
/// arithmetic leaves `Decimal`'s range.
fn weigh(
    weights: &[(String, Decimal)],
    green_from: Decimal,
    yellow_from: Decimal,
    inputs: &[GoalInput<'_>],
    outcome: &mut WeightedOutcome,
) -> Option<Verdict> {
    // Twice the score (green 2, yellow 1, red 0), so the sum needs only additions.
    let (mut points, mut assessed, mut grey) = (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
    for input in inputs {
        let weight = weights
            .iter()
            .rev()
            .find(|(key, _)| key == input.key)
            .map_or(Decimal::ONE, |(_, weight)| (*weight).max(Decimal::ZERO));
        let doubled = match input.verdict {
            Verdict::Green => weight.checked_add(weight)?,
            Verdict::Yellow => weight,
            Verdict::Red => Decimal::ZERO,
            Verdict::Grey => {
                outcome.left_out = outcome.left_out.saturating_add(1);
                grey = grey.checked_add(weight)?;
                continue;
            }
        };
        points = points.checked_add(doubled)?;
        assessed = assessed.checked_add(weight)?;
    }
    outcome.score = points.checked_mul(Decimal::new(5, 1))?;
    outcome.weight = assessed;
    outcome.grey_weight = grey;
    if assessed <= Decimal::ZERO {
        return Some(Verdict::Grey);
    }
    // mean ≥ threshold  ⇔  points ≥ 2 × threshold × weight
    let reaches = |threshold: Decimal, weight: Decimal| -> Option<bool> {
        let needed = threshold.checked_mul(weight)?;
        Some(points >= needed.checked_add(needed)?)
    };
    // Green whatever the grey inputs turn out to be: with them as red, their weight kept.
    if reaches(green_from, assessed.checked_add(grey)?)? {
        Some(Verdict::Green)
    } else if reaches(yellow_from, assessed)? {
        Some(Verdict::Yellow)
    } else {
        Some(Verdict::Red)
    }
}

fn all(rules: &[Rule], inputs: &[GoalInput<'_>]) -> RuleOutcome {
    let mut worst: Option<(Verdict, usize)> = None;
    for (at, rule) in rules.iter().enumerate() {
        let verdict = evaluate(rule, inputs).verdict();
        let worse = match worst {
            None => true,
            Some((current, _)) => severity(verdict) > severity(current),
        };
        if worse {
            worst = Some((verdict, at));
        }
    }
    match worst {
        None => RuleOutcome::All {
            verdict: Verdict::Grey,
            deciding: None,
        },
        Some((verdict, at)) => RuleOutcome::All {
            verdict,
            deciding: Some(index(at)),
        },
    }
}

/// For `All`: red decides, then grey (unknown), then the worst colour.
fn severity(verdict: Verdict) -> u8 {
    match verdict {
        Verdict::Green => 0,
        Verdict::Yellow => 1,
        Verdict::Grey => 2,
        Verdict::Red => 3,
    }
}
