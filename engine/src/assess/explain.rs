//! Explanations in words, Swedish or English. Everything is written at display time from
//! the structured explanation, so assessing allocates nothing. Periods read "oktober 2025",
//! "tertial 2 2025", "halvår 1 2025", "2025" (in English "October 2025", "T2 2025", "H1
//! 2025"); numbers have a decimal comma and spaces between thousands in both languages, as
//! everywhere in the product, and computed ones (averages, pro rata levels, means) are
//! rounded to two decimals.

use std::fmt::{self, Display, Formatter};

use rust_decimal::{Decimal, RoundingStrategy};

use super::indicator::{Basis, Better, GreyReason, IndicatorExplanation, Observed, Previous, ToDate};
use super::language::{In, Language, Written};
use super::verdict::{ManualVerdict, Margin, Verdict};
use crate::number::SwedishNumber;
use crate::period::{Period, Periodicity};
use crate::target::{Direction, Target};

const MONTHS: [(&str, &str); 12] = [
    ("januari", "January"),
    ("februari", "February"),
    ("mars", "March"),
    ("april", "April"),
    ("maj", "May"),
    ("juni", "June"),
    ("juli", "July"),
    ("augusti", "August"),
    ("september", "September"),
    ("oktober", "October"),
    ("november", "November"),
    ("december", "December"),
];

fn month_name(month: u8, language: Language) -> &'static str {
    let (swedish, english) = MONTHS[usize::from(month.clamp(1, 12) - 1)];
    language.pick(swedish, english)
}

/// A period in words: "oktober 2025", "tertial 2 2025", "halvår 1 2025", "2025"; in English
/// "October 2025", "T2 2025", "H1 2025", "2025".
pub struct PeriodText(pub Period, pub Language);

impl Display for PeriodText {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let (period, language) = (self.0, self.1);
        match (period.kind(), language) {
            (Periodicity::Year, _) => write!(f, "{}", period.year()),
            (Periodicity::HalfYear, Language::Swedish) => write!(f, "halvår {} {}", period.index(), period.year()),
            (Periodicity::HalfYear, Language::English) => write!(f, "H{} {}", period.index(), period.year()),
            (Periodicity::Tertial, Language::Swedish) => write!(f, "tertial {} {}", period.index(), period.year()),
            (Periodicity::Tertial, Language::English) => write!(f, "T{} {}", period.index(), period.year()),
            (Periodicity::Month, _) => write!(f, "{} {}", month_name(period.index(), language), period.year()),
        }
    }
}

/// The months from the start of `first` to the end of `last` (same year): "januari–oktober 2025".
struct MonthSpan(Period, Period, Language);

impl Display for MonthSpan {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let (from, to) = (self.0.months().0, self.1.months().1);
        let language = self.2;
        if from == to {
            write!(f, "{} {}", month_name(to, language), self.1.year())
        } else {
            let (from, to) = (month_name(from, language), month_name(to, language));
            write!(f, "{from}–{to} {}", self.1.year())
        }
    }
}

/// A number as given.
pub(crate) fn num(value: Decimal) -> SwedishNumber {
    SwedishNumber(value)
}

/// A computed number, rounded to two decimals.
pub(crate) fn derived(value: Decimal) -> SwedishNumber {
    SwedishNumber(value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero))
}

fn direction_name(direction: Direction, language: Language) -> &'static str {
    match language {
        Language::Swedish => direction.swedish(),
        Language::English => direction.english(),
    }
}

/// A target with Swedish numbers: "45", "≤ 24", "± 0,5", "Öka" ("Increase"), "”text”".
pub(crate) struct TargetText<'a>(pub &'a Target, pub Language);

impl Display for TargetText<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self.0 {
            Target::Value { value } => write!(f, "{}", num(*value)),
            Target::Compare { op, value } => write!(f, "{} {}", op.symbol(), num(*value)),
            Target::Band { center, tolerance } if center.is_zero() => write!(f, "± {}", num(*tolerance)),
            Target::Band { center, tolerance } => write!(f, "{} ± {}", num(*center), num(*tolerance)),
            Target::Direction { direction } => f.write_str(direction_name(*direction, self.1)),
            Target::NotEvaluated => f.write_str(self.1.pick("Ej utvärderad", "Not evaluated")),
            Target::Statement { text } => write!(f, "”{text}”"),
        }
    }
}

/// How a value is shown next to a goal's input: "46", "prognos 46", "sammanlagt 300".
pub(crate) struct ObservedText<'a>(pub &'a Observed, pub Language);

impl Display for ObservedText<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let language = self.1;
        match self.0 {
            Observed::Outcome { value, .. } => write!(f, "{}", num(*value)),
            Observed::Forecast { value, .. } => write!(f, "{} {}", language.pick("prognos", "forecast"), num(*value)),
            Observed::ToDate(to_date) if to_date.cumulative => {
                write!(f, "{} {}", language.pick("sammanlagt", "in total"), num(to_date.sum))
            }
            Observed::ToDate(to_date) => match to_date.value() {
                Some(average) => write!(f, "{} {}", language.pick("genomsnitt", "average"), derived(average)),
                None => f.write_str(language.pick("genomsnitt saknas", "no average")),
            },
        }
    }
}

fn better_text(better: Better, language: Language) -> &'static str {
    match better {
        Better::Higher => language.pick("högre är bättre", "higher is better"),
        Better::Lower => language.pick("lägre är bättre", "lower is better"),
        Better::Band => language.pick("nära målet är bättre", "closer to the target is better"),
    }
}

/// "5 %" or "2,5"; the caller writes "marginalen" before it.
struct MarginText(Margin);

impl Display for MarginText {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self.0 {
            Margin::Percent(percent) => write!(f, "{} %", num(percent)),
            Margin::Absolute(amount) => write!(f, "{}", num(amount)),
        }
    }
}

fn is_zero(margin: Margin) -> bool {
    matches!(margin, Margin::Percent(value) | Margin::Absolute(value) if value.is_zero())
}

/// " – motivation", when there is one.
fn write_motivation(f: &mut Formatter<'_>, manual: &ManualVerdict) -> fmt::Result {
    match manual.motivation.trim() {
        "" => Ok(()),
        motivation => write!(f, " – {motivation}"),
    }
}

/// Writes "computed → Colour", then the manual verdict if one overrode it.
pub(crate) fn write_with_manual(
    f: &mut Formatter<'_>,
    language: Language,
    manual: Option<&ManualVerdict>,
    manual_name: &str,
    computed: impl FnOnce(&mut Formatter<'_>) -> fmt::Result,
) -> fmt::Result {
    match manual {
        None => {
            computed(f)?;
            f.write_str(".")
        }
        Some(manual) => {
            f.write_str(language.pick("Beräknad bedömning: ", "Computed assessment: "))?;
            computed(f)?;
            write!(f, "; {manual_name}: {}", manual.verdict.name(language))?;
            write_motivation(f, manual)
        }
    }
}

impl IndicatorExplanation<'_> {
    pub fn swedish(&self) -> String {
        self.text(Language::Swedish)
    }

    pub fn text(&self, language: Language) -> String {
        In(self, language).to_string()
    }
}

/// In Swedish.
impl Display for IndicatorExplanation<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        self.write(f, Language::Swedish)
    }
}

/// E.g. "Utfall oktober 2025: 46, mål 2025: 45 (högre är bättre): målet är nått → Grön."
impl Written for IndicatorExplanation<'_> {
    fn write(&self, f: &mut Formatter<'_>, language: Language) -> fmt::Result {
        if let (
            Basis::NotAssessable {
                reason: GreyReason::ManualMethod,
            },
            Some(manual),
        ) = (self.basis, self.manual)
        {
            let assessed = language.pick("Bedöms manuellt", "Assessed manually");
            write!(f, "{assessed}: {}", manual.verdict.name(language))?;
            return write_motivation(f, manual);
        }
        let manual_name = language.pick("manuell bedömning", "manual assessment");
        write_with_manual(f, language, self.manual, manual_name, |f| {
            Line {
                explanation: self,
                language,
            }
            .write_computed(f)?;
            write!(f, " → {}", self.computed.name(language))
        })
    }
}

/// An indicator's explanation being written in a language.
struct Line<'e, 'a> {
    explanation: &'e IndicatorExplanation<'a>,
    language: Language,
}

impl Line<'_, '_> {
    fn pick(&self, swedish: &'static str, english: &'static str) -> &'static str {
        self.language.pick(swedish, english)
    }

    fn write_computed(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let year = self.explanation.at.year();
        match self.explanation.basis {
            Basis::NotAssessable { reason } => self.write_grey(f, reason),
            Basis::Threshold {
                observed,
                margin,
                rescued_by,
            } => {
                write_observed(f, &observed, year, self.language)?;
                self.write_target(f)?;
                f.write_str(": ")?;
                let subject = if observed.is_forecast() {
                    Subject::Forecast
                } else {
                    Subject::Outcome
                };
                self.write_result(f, subject, margin, rescued_by)
            }
            Basis::Pace {
                to_date,
                margin,
                rescued_by,
            } => self.write_pace(f, &to_date, margin, rescued_by),
            Basis::Directional {
                observed,
                direction,
                previous,
                margin,
            } => self.write_directional(f, &observed, direction, &previous, margin),
        }
    }

    fn write_grey(&self, f: &mut Formatter<'_>, reason: GreyReason) -> fmt::Result {
        let (year, at) = (
            self.explanation.at.year(),
            PeriodText(self.explanation.at, self.language),
        );
        let english = self.language == Language::English;
        match reason {
            GreyReason::ManualMethod if english => write!(f, "Assessed manually; no manual assessment for {at} yet"),
            GreyReason::ManualMethod => write!(f, "Bedöms manuellt; ingen manuell bedömning för {at} ännu"),
            GreyReason::NoTarget if english => write!(f, "No target for {year}"),
            GreyReason::NoTarget => write!(f, "Inget mål för {year}"),
            GreyReason::NotEvaluated if english => write!(f, "The target for {year} is not evaluated (Not evaluated)"),
            GreyReason::NotEvaluated => write!(f, "Målet för {year} utvärderas inte (Ej utvärderad)"),
            GreyReason::Statement => match self.explanation.target {
                Some(target) if english => write!(
                    f,
                    "The target for {year} is a statement, assessed manually: {}",
                    TargetText(target, self.language)
                ),
                Some(target) => write!(
                    f,
                    "Målet för {year} är en formulering som bedöms manuellt: {}",
                    TargetText(target, self.language)
                ),
                None if english => write!(f, "The target for {year} is assessed manually"),
                None => write!(f, "Målet för {year} bedöms manuellt"),
            },
            GreyReason::NoValue if english => write!(f, "No outcome or forecast for {year} yet"),
            GreyReason::NoValue => write!(f, "Inget utfall eller prognos för {year} ännu"),
            GreyReason::NoPrevious => {
                f.write_str(self.pick(
                    "Inget tidigare utfall eller ingående värde att jämföra med",
                    "No earlier outcome or baseline to compare with",
                ))?;
                self.write_target(f)
            }
            GreyReason::OutOfRange => f.write_str(self.pick(
                "Värdena är för stora för att jämföras exakt",
                "The values are too large to compare exactly",
            )),
        }
    }

    /// ", mål 2025: 45 (högre är bättre)".
    fn write_target(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let Some(target) = self.explanation.target else {
            return Ok(());
        };
        let word = self.pick("mål", "target");
        write!(
            f,
            ", {word} {}: {}",
            self.explanation.at.year(),
            TargetText(target, self.language)
        )?;
        if matches!(target, Target::Value { .. })
            || (matches!(
                target,
                Target::Direction {
                    direction: Direction::Maintain
                }
            ))
        {
            write!(f, " ({})", better_text(self.explanation.better, self.language))?;
        }
        Ok(())
    }

    fn write_result(
        &self,
        f: &mut Formatter<'_>,
        subject: Subject,
        margin: Margin,
        rescued_by: Option<Observed>,
    ) -> fmt::Result {
        let (met, not_met) = match subject {
            Subject::Outcome => (
                self.pick("målet är nått", "the target is met"),
                self.pick("målet är inte nått", "the target is not met"),
            ),
            Subject::Forecast => (
                self.pick("prognosen når målet", "the forecast meets the target"),
                self.pick("prognosen når inte målet", "the forecast does not meet the target"),
            ),
            Subject::Pace => (
                self.pick("i takt att nå målet", "on pace to meet the target"),
                self.pick("inte i takt att nå målet", "not on pace to meet the target"),
            ),
        };
        let margin_text = MarginText(margin);
        if let Some(Observed::Forecast { period, value }) = rescued_by {
            let period = PeriodText(period, self.language);
            return match self.language {
                Language::Swedish => write!(
                    f,
                    "{not_met} (Röd), men prognosen för {period}, {}, når målet",
                    num(value)
                ),
                Language::English => write!(
                    f,
                    "{not_met} (Red), but the forecast for {period}, {}, meets the target",
                    num(value)
                ),
            };
        }
        match self.explanation.computed {
            Verdict::Green => f.write_str(met),
            Verdict::Yellow => {
                let within = self.pick("men inom marginalen", "but within the margin");
                write!(f, "{not_met} {within} {margin_text}")
            }
            _ if is_zero(margin) => f.write_str(not_met),
            _ => {
                let outside = self.pick("och utanför marginalen", "and outside the margin");
                write!(f, "{not_met} {outside} {margin_text}")
            }
        }
    }

    fn write_pace(
        &self,
        f: &mut Formatter<'_>,
        to_date: &ToDate,
        margin: Margin,
        rescued_by: Option<Observed>,
    ) -> fmt::Result {
        let span = MonthSpan(to_date.first, to_date.last, self.language);
        if !to_date.cumulative {
            let average = self.pick("Genomsnitt", "Average");
            match to_date.value() {
                Some(value) => write!(f, "{average} {span}: {}", derived(value))?,
                None => write!(f, "{average} {span}")?,
            }
            write!(f, " ({} {})", to_date.periods, self.pick("perioder", "periods"))?;
            self.write_target(f)?;
            f.write_str(": ")?;
            return self.write_result(f, Subject::Outcome, margin, rescued_by);
        }
        let (outcome, in_total) = (self.pick("Utfall", "Outcome"), self.pick("sammanlagt", "in total"));
        write!(f, "{outcome} {span} {in_total}: {}", num(to_date.sum))?;
        if let Some(target) = self.explanation.target {
            let months = to_date.months.min(12);
            match pro_rata(target, months) {
                Some(needed) => {
                    let (target, needed) = (TargetText(target, self.language), TargetText(&needed, self.language));
                    let month = month_name(to_date.last.months().1, self.language);
                    let better = better_text(self.explanation.better, self.language);
                    match self.language {
                        Language::Swedish => write!(
                            f,
                            "; årsmålet {target} kräver {needed} till och med {month} ({months}/12 av året, {better})"
                        )?,
                        Language::English => write!(
                            f,
                            "; the annual target {target} requires {needed} by the end of {month} ({months}/12 of the year, {better})"
                        )?,
                    }
                }
                None => self.write_target(f)?,
            }
        }
        f.write_str(": ")?;
        self.write_result(f, Subject::Pace, margin, rescued_by)
    }

    fn write_directional(
        &self,
        f: &mut Formatter<'_>,
        observed: &Observed,
        direction: Direction,
        previous: &Previous,
        margin: Margin,
    ) -> fmt::Result {
        write_observed(f, observed, self.explanation.at.year(), self.language)?;
        match previous {
            Previous::Outcome { period, value } => {
                let previous = self.pick("föregående utfall", "previous outcome");
                write!(
                    f,
                    ", {previous} {}: {}",
                    PeriodText(*period, self.language),
                    num(*value)
                )?;
            }
            Previous::Baseline { value } => {
                write!(f, ", {}: {}", self.pick("ingående värde", "baseline"), num(*value))?;
            }
        }
        self.write_target(f)?;
        f.write_str(": ")?;
        let (value, before) = (observed.value().unwrap_or_default(), previous.value());
        let moved = if value > before {
            self.pick("har ökat", "has increased")
        } else if value < before {
            self.pick("har minskat", "has decreased")
        } else {
            self.pick("oförändrat", "unchanged")
        };
        let margin_text = MarginText(margin);
        let worse = self.pick("sämre än föregående värde", "worse than the previous value");
        match (direction, self.explanation.better, self.explanation.computed) {
            (Direction::Increase | Direction::Decrease, ..) => f.write_str(moved),
            (Direction::Maintain, Better::Band, Verdict::Green) => {
                let within = self.pick("inom marginalen", "within the margin");
                write!(f, "{moved}, {within} {margin_text}")
            }
            (Direction::Maintain, Better::Band, Verdict::Yellow) => {
                let within = self.pick("inom dubbla marginalen", "within twice the margin");
                write!(f, "{moved}, {within} {margin_text}")
            }
            (Direction::Maintain, Better::Band, _) => {
                let outside = self.pick("utanför dubbla marginalen", "outside twice the margin");
                write!(f, "{moved}, {outside} {margin_text}")
            }
            (Direction::Maintain, _, Verdict::Green) => {
                f.write_str(self.pick("inte sämre än föregående värde", "not worse than the previous value"))
            }
            (Direction::Maintain, _, Verdict::Yellow) => {
                let within = self.pick("men inom marginalen", "but within the margin");
                write!(f, "{worse} {within} {margin_text}")
            }
            (Direction::Maintain, ..) if is_zero(margin) => f.write_str(worse),
            (Direction::Maintain, ..) => {
                let outside = self.pick("och utanför marginalen", "and outside the margin");
                write!(f, "{worse} {outside} {margin_text}")
            }
        }
    }
}

#[derive(Clone, Copy)]
enum Subject {
    Outcome,
    Forecast,
    Pace,
}

/// "Utfall oktober 2025: 46" or "Inget utfall för 2025 ännu; prognos 2025: 46".
fn write_observed(f: &mut Formatter<'_>, observed: &Observed, year: i32, language: Language) -> fmt::Result {
    match (observed, language) {
        (Observed::Outcome { period, value }, _) => {
            let outcome = language.pick("Utfall", "Outcome");
            write!(f, "{outcome} {}: {}", PeriodText(*period, language), num(*value))
        }
        (Observed::Forecast { period, value }, Language::Swedish) => write!(
            f,
            "Inget utfall för {year} ännu, bedömt på prognosen för {}: {}",
            PeriodText(*period, language),
            num(*value)
        ),
        (Observed::Forecast { period, value }, Language::English) => write!(
            f,
            "No outcome for {year} yet, assessed on the forecast for {}: {}",
            PeriodText(*period, language),
            num(*value)
        ),
        (Observed::ToDate(to_date), _) => {
            let (outcome, in_total) = (
                language.pick("Utfall", "Outcome"),
                language.pick("sammanlagt", "in total"),
            );
            let span = MonthSpan(to_date.first, to_date.last, language);
            write!(f, "{outcome} {span} {in_total}: {}", num(to_date.sum))
        }
    }
}

/// What an annual target asks for after `months` months: the target taken pro rata (rounded
/// to two decimals, for display only; the verdict compares exactly).
fn pro_rata(target: &Target, months: u8) -> Option<Target> {
    let share = |value: Decimal| {
        let exact = value
            .checked_mul(Decimal::from(months))?
            .checked_div(Decimal::from(12u8))?;
        Some(derived(exact).0)
    };
    Some(match *target {
        Target::Value { value } => Target::Value { value: share(value)? },
        Target::Compare { op, value } => Target::Compare {
            op,
            value: share(value)?,
        },
        Target::Band { center, tolerance } => Target::Band {
            center: share(center)?,
            tolerance: share(tolerance)?,
        },
        _ => return None,
    })
}
