//! A goal's explanation in Swedish: the rule in words, each input with its value, target and
//! verdict, and why the rule gives this colour.
//!
//! ```text
//! Regel: minst 3 av 4 indikatorer gröna.
//! - Andel som blir självförsörjande: 46 (mål 45) – Grön
//! …
//! 2 av 4 gröna – minst 3 krävs; 1 gul: nära att uppfyllas → Gul.
//! ```

use std::fmt::{self, Display, Formatter};

use rust_decimal::Decimal;

use super::explain::{ObservedText, SwedishPeriod, TargetText, derived, num, write_with_manual};
use super::goal::{
    CountGrey, CountOutcome, GoalExplanation, GoalInput, InputKind, RuleOutcome, WeightedOutcome, evaluate,
};
use super::rule::{Quota, Rule};
use super::verdict::Verdict;

impl GoalExplanation<'_> {
    pub fn swedish(&self) -> String {
        self.to_string()
    }
}

impl Display for GoalExplanation<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write!(f, "Regel: {}.", RuleText(self.rule, self.inputs))?;
        for input in self.inputs {
            write!(f, "\n- {}", InputText(input))?;
        }
        f.write_str("\n")?;
        if let (Rule::Manual, Some(manual)) = (self.rule, self.manual) {
            write!(f, "Helhetsbedömning: {}", manual.verdict.swedish())?;
            if !manual.motivation.trim().is_empty() {
                write!(f, " – {}", manual.motivation.trim())?;
            }
            return Ok(());
        }
        write_with_manual(f, self.manual, "helhetsbedömning", |f| {
            write_why(f, self.rule, &self.outcome, self.inputs, self)?;
            write!(f, " → {}", self.computed.swedish())
        })
    }
}

/// "Andel …: 46 (mål 45) – Grön".
struct InputText<'a>(&'a GoalInput<'a>);

impl Display for InputText<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let input = self.0;
        write!(f, "{}: ", input.label)?;
        if let Some(observed) = &input.observed {
            write!(f, "{}", ObservedText(observed))?;
            if let Some(target) = input.target {
                write!(f, " (mål {})", TargetText(target))?;
            }
            f.write_str(" – ")?;
        }
        f.write_str(input.verdict.swedish())
    }
}

/// "indikatorer" / "indikatorerna" when every input is of one kind, else "underlag".
fn nouns(inputs: &[GoalInput<'_>]) -> (&'static str, &'static str) {
    let Some(first) = inputs.first() else {
        return ("underlag", "underlagen");
    };
    if inputs.iter().any(|input| input.kind != first.kind) {
        return ("underlag", "underlagen");
    }
    match first.kind {
        InputKind::Indicator => ("indikatorer", "indikatorerna"),
        InputKind::ChildGoal => ("mål", "målen"),
        InputKind::Assignment => ("uppdrag", "uppdragen"),
        InputKind::Activity => ("aktiviteter", "aktiviteterna"),
    }
}

fn label_of<'a>(inputs: &[GoalInput<'a>], key: &'a str) -> &'a str {
    inputs
        .iter()
        .find(|input| input.key == key)
        .map_or(key, |input| input.label)
}

/// A single input whose verdict the weighted rule passes on unchanged.
fn passes_through<'a>(rule: &Rule, inputs: &'a [GoalInput<'a>]) -> Option<&'a GoalInput<'a>> {
    let Rule::Weighted {
        green_from,
        yellow_from,
        ..
    } = rule
    else {
        return None;
    };
    let half = Decimal::new(5, 1);
    let same =
        *green_from > half && *green_from <= Decimal::ONE && *yellow_from > Decimal::ZERO && *yellow_from <= half;
    match inputs {
        [only] if same => Some(only),
        _ => None,
    }
}

/// The rule in words: "minst 3 av 4 indikatorer gröna, övriga minst gula".
struct RuleText<'a>(&'a Rule, &'a [GoalInput<'a>]);

impl Display for RuleText<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let (rule, inputs) = (self.0, self.1);
        let (noun, definite) = nouns(inputs);
        match rule {
            Rule::CountGreen {
                green,
                rest_at_least,
                mandatory,
            } => {
                match green {
                    Quota::Count(count) => write!(f, "minst {count} av {} {noun} gröna", inputs.len())?,
                    Quota::Share(percent) => write!(
                        f,
                        "minst {} % av {definite} gröna ({} av {})",
                        num(*percent),
                        green.needed(inputs.len()),
                        inputs.len()
                    )?,
                }
                for (nth, key) in mandatory.iter().enumerate() {
                    let joiner = if nth == 0 { ", varav" } else { " och" };
                    write!(f, "{joiner} {}", label_of(inputs, key))?;
                }
                match mandatory.len() {
                    0 => {}
                    1 => f.write_str(" måste vara grön")?,
                    _ => f.write_str(" måste vara gröna")?,
                }
                match rest_at_least {
                    Some(Verdict::Green) => f.write_str(", övriga gröna"),
                    Some(Verdict::Yellow) => f.write_str(", övriga minst gula"),
                    Some(Verdict::Red) => f.write_str(", övriga bedömda"),
                    Some(Verdict::Grey) | None => Ok(()),
                }
            }
            Rule::Weighted { .. } if passes_through(rule, inputs).is_some() => {
                write!(f, "samma bedömning som {}", inputs[0].label)
            }
            Rule::Weighted {
                weights,
                green_from,
                yellow_from,
            } => {
                write!(f, "viktat medelvärde av {} {noun} (grön 1, gul ½, röd 0", inputs.len())?;
                if weights.is_empty() {
                    f.write_str(", lika vikt")?;
                } else {
                    f.write_str("; vikter: ")?;
                    for (nth, input) in inputs.iter().enumerate() {
                        let weight = weights.iter().rev().find(|(key, _)| key == input.key);
                        let weight = weight.map_or(Decimal::ONE, |(_, weight)| *weight);
                        let separator = if nth == 0 { "" } else { ", " };
                        write!(f, "{separator}{} {}", input.label, num(weight))?;
                    }
                }
                write!(f, "), grön från {}, gul från {}", num(*green_from), num(*yellow_from))
            }
            Rule::All { rules } => {
                f.write_str("alla delregler ska uppfyllas: ")?;
                for (nth, sub) in rules.iter().enumerate() {
                    let separator = if nth == 0 { "" } else { "; " };
                    write!(f, "{separator}{}) {}", nth + 1, RuleText(sub, inputs))?;
                }
                Ok(())
            }
            Rule::Manual => f.write_str("helhetsbedömning"),
        }
    }
}

/// Why the rule gives its colour, without the final "→ Colour".
fn write_why(
    f: &mut Formatter<'_>,
    rule: &Rule,
    outcome: &RuleOutcome,
    inputs: &[GoalInput<'_>],
    explanation: &GoalExplanation<'_>,
) -> fmt::Result {
    match (rule, outcome) {
        (
            Rule::CountGreen {
                mandatory,
                rest_at_least,
                ..
            },
            RuleOutcome::CountGreen(count),
        ) => write_count(f, count, mandatory, *rest_at_least, inputs),
        (Rule::Weighted { .. }, RuleOutcome::Weighted(weighted)) => write_weighted(f, rule, weighted, inputs),
        (Rule::All { rules }, RuleOutcome::All { .. }) => {
            for (nth, sub) in rules.iter().enumerate() {
                let sub_outcome = evaluate(sub, inputs);
                let separator = if nth == 0 { "" } else { "; " };
                write!(f, "{separator}{}) ", nth + 1)?;
                write_why(f, sub, &sub_outcome, inputs, explanation)?;
                write!(f, " → {}", sub_outcome.verdict().swedish())?;
            }
            if rules.is_empty() {
                f.write_str("Inga delregler")
            } else {
                f.write_str(" – alla ska uppfyllas, den sämsta avgör")
            }
        }
        _ => write!(
            f,
            "Bedöms genom helhetsbedömning; ingen för {} ännu",
            SwedishPeriod(explanation.at)
        ),
    }
}

fn write_count(
    f: &mut Formatter<'_>,
    count: &CountOutcome,
    mandatory: &[String],
    rest_at_least: Option<Verdict>,
    inputs: &[GoalInput<'_>],
) -> fmt::Result {
    let (noun, _) = nouns(inputs);
    let tally = count.tally;
    let label = |index: u32| inputs.get(index as usize).map_or("?", |input| input.label);
    match count.grey {
        Some(CountGrey::NoAssessable) => return f.write_str("Inget underlag är bedömt ännu"),
        Some(CountGrey::TooFewAssessable) => {
            return write!(
                f,
                "Bara {} av {} {noun} är bedömda – minst {} gröna krävs",
                tally.assessable(),
                tally.total(),
                count.needed
            );
        }
        Some(CountGrey::MandatoryMissing { mandatory: nth }) => {
            let key = mandatory.get(nth as usize).map_or("?", String::as_str);
            return write!(f, "{key} saknas bland underlagen men måste vara grön");
        }
        Some(CountGrey::MandatoryGrey { input }) => {
            return write!(f, "{} är inte bedömd men måste vara grön", label(input));
        }
        None => {}
    }
    write!(
        f,
        "{} av {} gröna – minst {} krävs",
        tally.green,
        tally.total(),
        count.needed
    )?;
    if count.verdict == Verdict::Green {
        return Ok(());
    }
    if let Some(input) = count.mandatory_short {
        let verdict = inputs.get(input as usize).map_or(Verdict::Grey, |input| input.verdict);
        write!(
            f,
            "; {} måste vara grön men är {}",
            label(input),
            verdict.swedish_lower()
        )?;
    }
    if let Some(input) = count.rest_short {
        let verdict = inputs.get(input as usize).map_or(Verdict::Grey, |input| input.verdict);
        let wanted = match rest_at_least {
            Some(Verdict::Green) => "gröna",
            Some(Verdict::Red) => "bedömda",
            _ => "minst gula",
        };
        write!(
            f,
            "; övriga ska vara {wanted} men {} är {}",
            label(input),
            verdict.swedish_lower()
        )?;
    }
    if count.verdict == Verdict::Yellow {
        match tally.yellow {
            0 => {}
            1 => f.write_str("; 1 gul")?,
            yellow => write!(f, "; {yellow} gula")?,
        }
        f.write_str(": nära att uppfyllas")?;
    }
    Ok(())
}

fn write_weighted(
    f: &mut Formatter<'_>,
    rule: &Rule,
    weighted: &WeightedOutcome,
    inputs: &[GoalInput<'_>],
) -> fmt::Result {
    if let Some(only) = passes_through(rule, inputs) {
        return write!(f, "{} är {}", only.label, only.verdict.swedish_lower());
    }
    if weighted.out_of_range {
        return f.write_str("Vikterna är för stora för att räknas exakt");
    }
    if weighted.verdict == Verdict::Grey {
        return f.write_str("Inget underlag är bedömt ännu");
    }
    let Rule::Weighted {
        green_from,
        yellow_from,
        ..
    } = rule
    else {
        return Ok(());
    };
    match weighted.score.checked_div(weighted.weight) {
        Some(mean) => write!(f, "Medelvärde {}", derived(mean))?,
        None => f.write_str("Medelvärde saknas")?,
    }
    match weighted.left_out {
        0 => {}
        1 => f.write_str(" (1 ej bedömt underlag räknas inte)")?,
        grey => write!(f, " ({grey} ej bedömda underlag räknas inte)")?,
    }
    let Some(worst) = weighted.worst_mean() else {
        return write!(f, " – grön kräver {}, gul {}", num(*green_from), num(*yellow_from));
    };
    let them = if weighted.left_out == 1 {
        "det vore rött"
    } else {
        "de vore röda"
    };
    write!(
        f,
        ", {} om {them} – grön kräver {} även då, gul {}",
        derived(worst),
        num(*green_from),
        num(*yellow_from)
    )
}
