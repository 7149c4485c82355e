//! Explanations in Swedish. Everything is written at display time from the structured
//! explanation, so assessing allocates nothing. Periods read "oktober 2025", "tertial 2 2025",
//! "halvår 1 2025", "2025"; numbers have a decimal comma and spaces between thousands, and
//! computed ones (averages, pro rata levels, means) are rounded to two decimals.

use std::fmt::{self, Display, Formatter};

use rust_decimal::{Decimal, RoundingStrategy};

use super::indicator::{Basis, Better, GreyReason, IndicatorExplanation, Observed, Previous, ToDate};
use super::verdict::{ManualVerdict, Margin, Verdict};
use crate::number::SwedishNumber;
use crate::period::{Period, Periodicity};
use crate::target::{Direction, Target};

const MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
];

fn month_name(month: u8) -> &'static str {
    MONTHS[usize::from(month.clamp(1, 12) - 1)]
}

/// "oktober 2025", "tertial 2 2025", "halvår 1 2025", "2025".
pub struct SwedishPeriod(pub Period);

impl Display for SwedishPeriod {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let period = self.0;
        match period.kind() {
            Periodicity::Year => write!(f, "{}", period.year()),
            Periodicity::HalfYear => write!(f, "halvår {} {}", period.index(), period.year()),
            Periodicity::Tertial => write!(f, "tertial {} {}", period.index(), period.year()),
            Periodicity::Month => write!(f, "{} {}", month_name(period.index()), period.year()),
        }
    }
}

/// The months from the start of `first` to the end of `last` (same year): "januari–oktober 2025".
struct MonthSpan(Period, Period);

impl Display for MonthSpan {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let (from, to) = (self.0.months().0, self.1.months().1);
        if from == to {
            write!(f, "{} {}", month_name(to), self.1.year())
        } else {
            write!(f, "{}–{} {}", month_name(from), month_name(to), self.1.year())
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

/// A target in Swedish with Swedish numbers: "45", "≤ 24", "± 0,5", "Öka", "”text”".
pub(crate) struct TargetText<'a>(pub &'a Target);

impl Display for TargetText<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self.0 {
            Target::Value { value } => write!(f, "{}", num(*value)),
            Target::Compare { op, value } => write!(f, "{} {}", op.symbol(), num(*value)),
            Target::Band { center, tolerance } if center.is_zero() => write!(f, "± {}", num(*tolerance)),
            Target::Band { center, tolerance } => write!(f, "{} ± {}", num(*center), num(*tolerance)),
            Target::Direction { direction } => f.write_str(direction.swedish()),
            Target::NotEvaluated => f.write_str("Ej utvärderad"),
            Target::Statement { text } => write!(f, "”{text}”"),
        }
    }
}

/// How a value is shown next to a goal's input: "46", "prognos 46", "sammanlagt 300".
pub(crate) struct ObservedText<'a>(pub &'a Observed);

impl Display for ObservedText<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self.0 {
            Observed::Outcome { value, .. } => write!(f, "{}", num(*value)),
            Observed::Forecast { value, .. } => write!(f, "prognos {}", num(*value)),
            Observed::ToDate(to_date) if to_date.cumulative => write!(f, "sammanlagt {}", num(to_date.sum)),
            Observed::ToDate(to_date) => match to_date.value() {
                Some(average) => write!(f, "genomsnitt {}", derived(average)),
                None => f.write_str("genomsnitt saknas"),
            },
        }
    }
}

fn better_text(better: Better) -> &'static str {
    match better {
        Better::Higher => "högre är bättre",
        Better::Lower => "lägre är bättre",
        Better::Band => "nära målet är bättre",
    }
}

/// " 5 %" or " 2,5"; the caller writes "marginalen" before it.
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

/// Writes "computed → Colour", then the manual verdict if one overrode it.
pub(crate) fn write_with_manual(
    f: &mut Formatter<'_>,
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
            f.write_str("Beräknad bedömning: ")?;
            computed(f)?;
            write!(f, "; {manual_name}: {}", manual.verdict.swedish())?;
            if !manual.motivation.trim().is_empty() {
                write!(f, " – {}", manual.motivation.trim())?;
            }
            Ok(())
        }
    }
}

impl IndicatorExplanation<'_> {
    pub fn swedish(&self) -> String {
        self.to_string()
    }
}

/// E.g. "Utfall oktober 2025: 46, mål 2025: 45 (högre är bättre): målet är nått → Grön."
impl Display for IndicatorExplanation<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        if let (
            Basis::NotAssessable {
                reason: GreyReason::ManualMethod,
            },
            Some(manual),
        ) = (self.basis, self.manual)
        {
            write!(f, "Bedöms manuellt: {}", manual.verdict.swedish())?;
            if !manual.motivation.trim().is_empty() {
                write!(f, " – {}", manual.motivation.trim())?;
            }
            return Ok(());
        }
        write_with_manual(f, self.manual, "manuell bedömning", |f| {
            self.write_computed(f)?;
            write!(f, " → {}", self.computed.swedish())
        })
    }
}

impl IndicatorExplanation<'_> {
    fn write_computed(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let year = self.at.year();
        match self.basis {
            Basis::NotAssessable { reason } => self.write_grey(f, reason),
            Basis::Threshold {
                observed,
                margin,
                rescued_by,
            } => {
                write_observed(f, &observed, year)?;
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
        let year = self.at.year();
        match reason {
            GreyReason::ManualMethod => write!(
                f,
                "Bedöms manuellt; ingen manuell bedömning för {} ännu",
                SwedishPeriod(self.at)
            ),
            GreyReason::NoTarget => write!(f, "Inget mål för {year}"),
            GreyReason::NotEvaluated => write!(f, "Målet för {year} utvärderas inte (Ej utvärderad)"),
            GreyReason::Statement => match self.target {
                Some(target) => write!(
                    f,
                    "Målet för {year} är en formulering som bedöms manuellt: {}",
                    TargetText(target)
                ),
                None => write!(f, "Målet för {year} bedöms manuellt"),
            },
            GreyReason::NoValue => write!(f, "Inget utfall eller prognos för {year} ännu"),
            GreyReason::NoPrevious => {
                write!(f, "Inget tidigare utfall eller ingående värde att jämföra med")?;
                self.write_target(f)
            }
            GreyReason::OutOfRange => f.write_str("Värdena är för stora för att jämföras exakt"),
        }
    }

    /// ", mål 2025: 45 (högre är bättre)".
    fn write_target(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let Some(target) = self.target else {
            return Ok(());
        };
        write!(f, ", mål {}: {}", self.at.year(), TargetText(target))?;
        if matches!(target, Target::Value { .. })
            || (matches!(
                target,
                Target::Direction {
                    direction: Direction::Maintain
                }
            ))
        {
            write!(f, " ({})", better_text(self.better))?;
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
            Subject::Outcome => ("målet är nått", "målet är inte nått"),
            Subject::Forecast => ("prognosen når målet", "prognosen når inte målet"),
            Subject::Pace => ("i takt att nå målet", "inte i takt att nå målet"),
        };
        if let Some(Observed::Forecast { period, value }) = rescued_by {
            return write!(
                f,
                "{not_met} (Röd), men prognosen för {}, {}, når målet",
                SwedishPeriod(period),
                num(value)
            );
        }
        match self.computed {
            Verdict::Green => f.write_str(met),
            Verdict::Yellow => write!(f, "{not_met} men inom marginalen {}", MarginText(margin)),
            _ if is_zero(margin) => f.write_str(not_met),
            _ => write!(f, "{not_met} och utanför marginalen {}", MarginText(margin)),
        }
    }

    fn write_pace(
        &self,
        f: &mut Formatter<'_>,
        to_date: &ToDate,
        margin: Margin,
        rescued_by: Option<Observed>,
    ) -> fmt::Result {
        let span = MonthSpan(to_date.first, to_date.last);
        if !to_date.cumulative {
            match to_date.value() {
                Some(average) => write!(f, "Genomsnitt {span}: {}", derived(average))?,
                None => write!(f, "Genomsnitt {span}")?,
            }
            write!(f, " ({} perioder)", to_date.periods)?;
            self.write_target(f)?;
            f.write_str(": ")?;
            return self.write_result(f, Subject::Outcome, margin, rescued_by);
        }
        write!(f, "Utfall {span} sammanlagt: {}", num(to_date.sum))?;
        if let Some(target) = self.target {
            let months = to_date.months.min(12);
            match pro_rata(target, months) {
                Some(needed) => write!(
                    f,
                    "; årsmålet {} kräver {} till och med {} ({}/12 av året, {})",
                    TargetText(target),
                    TargetText(&needed),
                    month_name(to_date.last.months().1),
                    months,
                    better_text(self.better)
                )?,
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
        write_observed(f, observed, self.at.year())?;
        match previous {
            Previous::Outcome { period, value } => {
                write!(f, ", föregående utfall {}: {}", SwedishPeriod(*period), num(*value))?;
            }
            Previous::Baseline { value } => write!(f, ", ingående värde: {}", num(*value))?,
        }
        self.write_target(f)?;
        f.write_str(": ")?;
        let (value, before) = (observed.value().unwrap_or_default(), previous.value());
        let moved = if value > before {
            "har ökat"
        } else if value < before {
            "har minskat"
        } else {
            "oförändrat"
        };
        match (direction, self.better, self.computed) {
            (Direction::Increase | Direction::Decrease, ..) => f.write_str(moved),
            (Direction::Maintain, Better::Band, Verdict::Green) => {
                write!(f, "{moved}, inom marginalen {}", MarginText(margin))
            }
            (Direction::Maintain, Better::Band, Verdict::Yellow) => {
                write!(f, "{moved}, inom dubbla marginalen {}", MarginText(margin))
            }
            (Direction::Maintain, Better::Band, _) => {
                write!(f, "{moved}, utanför dubbla marginalen {}", MarginText(margin))
            }
            (Direction::Maintain, _, Verdict::Green) => f.write_str("inte sämre än föregående värde"),
            (Direction::Maintain, _, Verdict::Yellow) => write!(
                f,
                "sämre än föregående värde men inom marginalen {}",
                MarginText(margin)
            ),
            (Direction::Maintain, ..) if is_zero(margin) => f.write_str("sämre än föregående värde"),
            (Direction::Maintain, ..) => write!(
                f,
                "sämre än föregående värde och utanför marginalen {}",
                MarginText(margin)
            ),
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
fn write_observed(f: &mut Formatter<'_>, observed: &Observed, year: i32) -> fmt::Result {
    match observed {
        Observed::Outcome { period, value } => write!(f, "Utfall {}: {}", SwedishPeriod(*period), num(*value)),
        Observed::Forecast { period, value } => write!(
            f,
            "Inget utfall för {year} ännu, bedömt på prognosen för {}: {}",
            SwedishPeriod(*period),
            num(*value)
        ),
        Observed::ToDate(to_date) => {
            write!(
                f,
                "Utfall {} sammanlagt: {}",
                MonthSpan(to_date.first, to_date.last),
                num(to_date.sum)
            )
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
