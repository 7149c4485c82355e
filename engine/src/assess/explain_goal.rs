//! A goal's explanation in words: the rule, each input with its value, target and verdict,
//! and why the rule gives this colour. Swedish:
//!
//! ```text
//! Regel: minst 3 av 4 indikatorer gröna.
//! - Andel som blir självförsörjande: 46 (mål 45) – Grön
//! …
//! 2 av 4 gröna – minst 3 krävs; 1 gul: nära att uppfyllas → Gul.
//! ```
//!
//! English: "Rule: at least 3 of 4 indicators green." … "2 of 4 green – at least 3
//! required; 1 yellow: close to being met → Yellow."

use std::fmt::{self, Display, Formatter};

use rust_decimal::Decimal;

use super::explain::{ObservedText, PeriodText, TargetText, derived, num, write_with_manual};
use super::goal::{
    CountGrey, CountOutcome, GoalExplanation, GoalInput, InputKind, RuleOutcome, WeightedOutcome, evaluate,
};
use super::language::{In, Language, Written};
use super::rule::{Quota, Rule};
use super::verdict::Verdict;

impl GoalExplanation<'_> {
    pub fn swedish(&self) -> String {
        self.text(Language::Swedish)
    }

    pub fn text(&self, language: Language) -> String {
        In(self, language).to_string()
    }
}

/// In Swedish.
impl Display for GoalExplanation<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        self.write(f, Language::Swedish)
    }
}

impl Written for GoalExplanation<'_> {
    fn write(&self, f: &mut Formatter<'_>, language: Language) -> fmt::Result {
        let rule = language.pick("Regel", "Rule");
        write!(f, "{rule}: {}.", RuleText(self.rule, self.inputs, language))?;
        for input in self.inputs {
            write!(f, "\n- {}", InputText(input, language))?;
        }
        f.write_str("\n")?;
        let overall = language.pick("helhetsbedömning", "overall assessment");
        if let (Rule::Manual, Some(manual)) = (self.rule, self.manual) {
            let title = language.pick("Helhetsbedömning", "Overall assessment");
            write!(f, "{title}: {}", manual.verdict.name(language))?;
            if !manual.motivation.trim().is_empty() {
                write!(f, " – {}", manual.motivation.trim())?;
            }
            return Ok(());
        }
        write_with_manual(f, language, self.manual, overall, |f| {
            write_why(f, self.rule, &self.outcome, self.inputs, self, language)?;
            write!(f, " → {}", self.computed.name(language))
        })
    }
}

/// "Andel …: 46 (mål 45) – Grön".
struct InputText<'a>(&'a GoalInput<'a>, Language);

impl Display for InputText<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let (input, language) = (self.0, self.1);
        write!(f, "{}: ", input.label)?;
        if let Some(observed) = &input.observed {
            write!(f, "{}", ObservedText(observed, language))?;
            if let Some(target) = input.target {
                write!(
                    f,
                    " ({} {})",
                    language.pick("mål", "target"),
                    TargetText(target, language)
                )?;
            }
            f.write_str(" – ")?;
        }
        f.write_str(input.verdict.name(language))
    }
}

/// "indikatorer" / "indikatorerna" when every input is of one kind, else "underlag".
fn nouns(inputs: &[GoalInput<'_>], language: Language) -> (&'static str, &'static str) {
    let mixed = language.pick("underlag", "inputs");
    let mixed_definite = language.pick("underlagen", "the inputs");
    let Some(first) = inputs.first() else {
        return (mixed, mixed_definite);
    };
    if inputs.iter().any(|input| input.kind != first.kind) {
        return (mixed, mixed_definite);
    }
    let (swedish, english) = match first.kind {
        InputKind::Indicator => (("indikatorer", "indikatorerna"), ("indicators", "the indicators")),
        InputKind::ChildGoal => (("mål", "målen"), ("goals", "the goals")),
        InputKind::Assignment => (("uppdrag", "uppdragen"), ("assignments", "the assignments")),
        InputKind::Activity => (("aktiviteter", "aktiviteterna"), ("activities", "the activities")),
    };
    (language.pick(swedish.0, english.0), language.pick(swedish.1, english.1))
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

/// ", övriga minst gula" for the inputs beyond the green quota.
fn rest_text(rest_at_least: Option<Verdict>, language: Language) -> &'static str {
    match rest_at_least {
        Some(Verdict::Green) => language.pick(", övriga gröna", ", the rest green"),
        Some(Verdict::Yellow) => language.pick(", övriga minst gula", ", the rest at least yellow"),
        Some(Verdict::Red) => language.pick(", övriga bedömda", ", the rest assessed"),
        Some(Verdict::Grey) | None => "",
    }
}

/// The rule in words: "minst 3 av 4 indikatorer gröna, övriga minst gula".
struct RuleText<'a>(&'a Rule, &'a [GoalInput<'a>], Language);

impl Display for RuleText<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let (rule, inputs, language) = (self.0, self.1, self.2);
        let (noun, definite) = nouns(inputs, language);
        let english = language == Language::English;
        match rule {
            Rule::CountGreen {
                green,
                rest_at_least,
                mandatory,
            } => {
                let total = inputs.len();
                match green {
                    Quota::Count(count) if english => write!(f, "at least {count} of {total} {noun} green")?,
                    Quota::Count(count) => write!(f, "minst {count} av {total} {noun} gröna")?,
                    Quota::Share(percent) if english => write!(
                        f,
                        "at least {} % of {definite} green ({} of {total})",
                        num(*percent),
                        green.needed(total),
                    )?,
                    Quota::Share(percent) => write!(
                        f,
                        "minst {} % av {definite} gröna ({} av {total})",
                        num(*percent),
                        green.needed(total),
                    )?,
                }
                for (nth, key) in mandatory.iter().enumerate() {
                    let joiner = match nth {
                        0 => language.pick(", varav", ", of which"),
                        _ => language.pick(" och", " and"),
                    };
                    write!(f, "{joiner} {}", label_of(inputs, key))?;
                }
                match mandatory.len() {
                    0 => {}
                    1 => f.write_str(language.pick(" måste vara grön", " must be green"))?,
                    _ => f.write_str(language.pick(" måste vara gröna", " must be green"))?,
                }
                f.write_str(rest_text(*rest_at_least, language))
            }
            Rule::Weighted { .. } if passes_through(rule, inputs).is_some() => {
                let same = language.pick("samma bedömning som", "the same assessment as");
                write!(f, "{same} {}", inputs[0].label)
            }
            Rule::Weighted {
                weights,
                green_from,
                yellow_from,
            } => {
                match language {
                    Language::Swedish => {
                        write!(f, "viktat medelvärde av {} {noun} (grön 1, gul ½, röd 0", inputs.len())?
                    }
                    Language::English => {
                        write!(f, "weighted mean of {} {noun} (green 1, yellow ½, red 0", inputs.len())?
                    }
                }
                if weights.is_empty() {
                    f.write_str(language.pick(", lika vikt", ", equal weights"))?;
                } else {
                    f.write_str(language.pick("; vikter: ", "; weights: "))?;
                    for (nth, input) in inputs.iter().enumerate() {
                        let weight = weights.iter().rev().find(|(key, _)| key == input.key);
                        let weight = weight.map_or(Decimal::ONE, |(_, weight)| *weight);
                        let separator = if nth == 0 { "" } else { ", " };
                        write!(f, "{separator}{} {}", input.label, num(weight))?;
                    }
                }
                let (green, yellow) = (num(*green_from), num(*yellow_from));
                match language {
                    Language::Swedish => write!(f, "), grön från {green}, gul från {yellow}"),
                    Language::English => write!(f, "), green from {green}, yellow from {yellow}"),
                }
            }
            Rule::All { rules } => {
                f.write_str(language.pick("alla delregler ska uppfyllas: ", "every part of the rule must hold: "))?;
                for (nth, sub) in rules.iter().enumerate() {
                    let separator = if nth == 0 { "" } else { "; " };
                    write!(f, "{separator}{}) {}", nth + 1, RuleText(sub, inputs, language))?;
                }
                Ok(())
            }
            Rule::Manual => f.write_str(language.pick("helhetsbedömning", "overall assessment")),
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
    language: Language,
) -> fmt::Result {
    match (rule, outcome) {
        (
            Rule::CountGreen {
                mandatory,
                rest_at_least,
                ..
            },
            RuleOutcome::CountGreen(count),
        ) => write_count(f, count, mandatory, *rest_at_least, inputs, language),
        (Rule::Weighted { .. }, RuleOutcome::Weighted(weighted)) => write_weighted(f, rule, weighted, inputs, language),
        (Rule::All { rules }, RuleOutcome::All { .. }) => {
            for (nth, sub) in rules.iter().enumerate() {
                let sub_outcome = evaluate(sub, inputs);
                let separator = if nth == 0 { "" } else { "; " };
                write!(f, "{separator}{}) ", nth + 1)?;
                write_why(f, sub, &sub_outcome, inputs, explanation, language)?;
                write!(f, " → {}", sub_outcome.verdict().name(language))?;
            }
            if rules.is_empty() {
                f.write_str(language.pick("Inga delregler", "No parts of the rule"))
            } else {
                f.write_str(language.pick(
                    " – alla ska uppfyllas, den sämsta avgör",
                    " – all must hold, the worst decides",
                ))
            }
        }
        _ => {
            let at = PeriodText(explanation.at, language);
            match language {
                Language::Swedish => write!(f, "Bedöms genom helhetsbedömning; ingen för {at} ännu"),
                Language::English => write!(f, "Assessed by an overall assessment; none for {at} yet"),
            }
        }
    }
}

fn write_count(
    f: &mut Formatter<'_>,
    count: &CountOutcome,
    mandatory: &[String],
    rest_at_least: Option<Verdict>,
    inputs: &[GoalInput<'_>],
    language: Language,
) -> fmt::Result {
    let (noun, _) = nouns(inputs, language);
    let tally = count.tally;
    let label = |index: u32| inputs.get(index as usize).map_or("?", |input| input.label);
    let english = language == Language::English;
    let (assessable, total, needed) = (tally.assessable(), tally.total(), count.needed);
    match count.grey {
        Some(CountGrey::NoAssessable) => {
            return f.write_str(language.pick("Inget underlag är bedömt ännu", "No input is assessed yet"));
        }
        Some(CountGrey::TooFewAssessable) if english => {
            return write!(
                f,
                "Only {assessable} of {total} {noun} are assessed – at least {needed} green are required"
            );
        }
        Some(CountGrey::TooFewAssessable) => {
            return write!(
                f,
                "Bara {assessable} av {total} {noun} är bedömda – minst {needed} gröna krävs"
            );
        }
        Some(CountGrey::MandatoryMissing { mandatory: nth }) => {
            let key = mandatory.get(nth as usize).map_or("?", String::as_str);
            return match language {
                Language::Swedish => write!(f, "{key} saknas bland underlagen men måste vara grön"),
                Language::English => write!(f, "{key} is missing among the inputs but must be green"),
            };
        }
        Some(CountGrey::MandatoryGrey { input }) => {
            return match language {
                Language::Swedish => write!(f, "{} är inte bedömd men måste vara grön", label(input)),
                Language::English => write!(f, "{} is not assessed but must be green", label(input)),
            };
        }
        None => {}
    }
    match language {
        Language::Swedish => write!(f, "{} av {total} gröna – minst {needed} krävs", tally.green)?,
        Language::English => write!(f, "{} of {total} green – at least {needed} required", tally.green)?,
    }
    if count.verdict == Verdict::Green {
        return Ok(());
    }
    if let Some(input) = count.mandatory_short {
        let verdict = inputs.get(input as usize).map_or(Verdict::Grey, |input| input.verdict);
        let (name, verdict) = (label(input), verdict.lower(language));
        match language {
            Language::Swedish => write!(f, "; {name} måste vara grön men är {verdict}")?,
            Language::English => write!(f, "; {name} must be green but is {verdict}")?,
        }
    }
    if let Some(input) = count.rest_short {
        let verdict = inputs.get(input as usize).map_or(Verdict::Grey, |input| input.verdict);
        let wanted = match rest_at_least {
            Some(Verdict::Green) => language.pick("gröna", "green"),
            Some(Verdict::Red) => language.pick("bedömda", "assessed"),
            _ => language.pick("minst gula", "at least yellow"),
        };
        let (name, verdict) = (label(input), verdict.lower(language));
        match language {
            Language::Swedish => write!(f, "; övriga ska vara {wanted} men {name} är {verdict}")?,
            Language::English => write!(f, "; the rest should be {wanted} but {name} is {verdict}")?,
        }
    }
    if count.verdict == Verdict::Yellow {
        match (tally.yellow, language) {
            (0, _) => {}
            (1, _) => f.write_str(language.pick("; 1 gul", "; 1 yellow"))?,
            (yellow, Language::Swedish) => write!(f, "; {yellow} gula")?,
            (yellow, Language::English) => write!(f, "; {yellow} yellow")?,
        }
        f.write_str(language.pick(": nära att uppfyllas", ": close to being met"))?;
    }
    Ok(())
}

fn write_weighted(
    f: &mut Formatter<'_>,
    rule: &Rule,
    weighted: &WeightedOutcome,
    inputs: &[GoalInput<'_>],
    language: Language,
) -> fmt::Result {
    if let Some(only) = passes_through(rule, inputs) {
        return write!(
            f,
            "{} {} {}",
            only.label,
            language.pick("är", "is"),
            only.verdict.lower(language)
        );
    }
    if weighted.out_of_range {
        return f.write_str(language.pick(
            "Vikterna är för stora för att räknas exakt",
            "The weights are too large to compute exactly",
        ));
    }
    if weighted.verdict == Verdict::Grey {
        return f.write_str(language.pick("Inget underlag är bedömt ännu", "No input is assessed yet"));
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
        Some(mean) => write!(f, "{} {}", language.pick("Medelvärde", "Mean"), derived(mean))?,
        None => f.write_str(language.pick("Medelvärde saknas", "No mean"))?,
    }
    match (weighted.left_out, language) {
        (0, _) => {}
        (1, _) => f.write_str(language.pick(
            " (1 ej bedömt underlag räknas inte)",
            " (1 input not assessed does not count)",
        ))?,
        (grey, Language::Swedish) => write!(f, " ({grey} ej bedömda underlag räknas inte)")?,
        (grey, Language::English) => write!(f, " ({grey} inputs not assessed do not count)")?,
    }
    let (green, yellow) = (num(*green_from), num(*yellow_from));
    let Some(worst) = weighted.worst_mean() else {
        return match language {
            Language::Swedish => write!(f, " – grön kräver {green}, gul {yellow}"),
            Language::English => write!(f, " – green requires {green}, yellow {yellow}"),
        };
    };
    let worst = derived(worst);
    match (weighted.left_out == 1, language) {
        (true, Language::Swedish) => write!(
            f,
            ", {worst} om det vore rött – grön kräver {green} även då, gul {yellow}"
        ),
        (false, Language::Swedish) => write!(
            f,
            ", {worst} om de vore röda – grön kräver {green} även då, gul {yellow}"
        ),
        (true, Language::English) => write!(
            f,
            ", {worst} if it were red – green requires {green} even then, yellow {yellow}"
        ),
        (false, Language::English) => write!(
            f,
            ", {worst} if they were red – green requires {green} even then, yellow {yellow}"
        ),
    }
}
