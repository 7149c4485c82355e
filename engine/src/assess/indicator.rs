//! An indicator's verdict for a month: pick the value (latest outcome, year to date, or the
//! forecast), pick the year's target, apply the indicator's method, let a manual verdict for
//! the period override the result.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::grade::{self, Overflow};
use super::select::{forecast, latest_outcome, previous_outcome, to_date};
use super::verdict::{ManualVerdict, Margin, Verdict};
use crate::period::{Period, Periodicity};
use crate::target::{Direction, Target};

/// Which way is better for an indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Better {
    Higher,
    Lower,
    /// Close to a value is better (budget deviation within ± 0,5 %).
    Band,
}

/// How an indicator is assessed; configured per indicator, with a tenant default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Method {
    /// Compare the latest value (year to date for a cumulative indicator) with the year's
    /// target; yellow within the margin, or when the year's forecast meets the target.
    Threshold { margin: Margin },
    /// 004, Bilaga 1: for an annual target, the level needed each month to reach it; on pace
    /// is green. A cumulative indicator's year-to-date sum is compared with
    /// `target × months / 12`; a rate's average to date with the target.
    Pace { margin: Margin },
    /// Compare with the previous value; used for every "Öka/Minska/Bibehålla" target whatever
    /// the method. With a numeric target it assesses like `Threshold`.
    Directional { margin: Margin },
    /// Only a person's verdict counts; grey until one is given.
    Manual,
}

impl Method {
    pub fn margin(self) -> Margin {
        match self {
            Self::Threshold { margin } | Self::Pace { margin } | Self::Directional { margin } => margin,
            Self::Manual => Margin::ZERO,
        }
    }

    /// A negative margin would make "within the margin" stricter than "met".
    pub fn validate(self) -> Result<(), MethodError> {
        if self.margin().is_negative() {
            return Err(MethodError::NegativeMargin);
        }
        Ok(())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MethodError {
    #[error("a margin cannot be negative")]
    NegativeMargin,
}

/// Everything the engine needs about one indicator, borrowed from wherever the caller keeps
/// it. Slices need not be sorted; give one value per period (a repeated period: the later
/// entry wins, except for sums, which add both).
#[derive(Debug, Clone, Copy)]
pub struct IndicatorSeries<'a> {
    pub better: Better,
    pub periodicity: Periodicity,
    /// The values of the periods add up to the year's value (counts); otherwise they are
    /// rates or levels, averaged over the periods.
    pub cumulative: bool,
    pub baseline: Option<Decimal>,
    pub outcomes: &'a [(Period, Decimal)],
    pub forecasts: &'a [(Period, Decimal)],
    /// Targets per year.
    pub targets: &'a [(i32, Target)],
    pub method: Method,
    /// Ignored unless it was given for the assessed period (see [`ManualVerdict::applies_to`]).
    pub manual: Option<&'a ManualVerdict>,
}

/// The value a verdict was computed from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Observed {
    Outcome {
        period: Period,
        value: Decimal,
    },
    /// No outcome yet: the forecast (prognos) stands in.
    Forecast {
        period: Period,
        value: Decimal,
    },
    /// The year's outcomes of the indicator's periodicity up to the assessed month.
    ToDate(ToDate),
}

/// Outcomes of one year up to a month, added up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ToDate {
    pub sum: Decimal,
    /// How many periods were added.
    pub periods: u8,
    /// How many months those periods cover (for the pro rata target).
    pub months: u8,
    pub first: Period,
    pub last: Period,
    /// A cumulative indicator's value is the sum, a rate's the average.
    pub cumulative: bool,
}

impl ToDate {
    /// The sum for a cumulative indicator, the average for a rate.
    pub fn value(&self) -> Option<Decimal> {
        if self.cumulative {
            Some(self.sum)
        } else {
            self.sum.checked_div(Decimal::from(self.periods))
        }
    }
}

impl Observed {
    pub fn value(&self) -> Option<Decimal> {
        match self {
            Self::Outcome { value, .. } | Self::Forecast { value, .. } => Some(*value),
            Self::ToDate(to_date) => to_date.value(),
        }
    }

    pub fn is_forecast(&self) -> bool {
        matches!(self, Self::Forecast { .. })
    }

    /// A whole year's outcome is final: no forecast can rescue it any more.
    fn is_final(&self) -> bool {
        match self {
            Self::Outcome { period, .. } => period.kind() == Periodicity::Year,
            Self::Forecast { .. } => false,
            Self::ToDate(to_date) => to_date.months >= 12,
        }
    }
}

/// The value "Öka/Minska/Bibehålla" compares with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Previous {
    Outcome { period: Period, value: Decimal },
    Baseline { value: Decimal },
}

impl Previous {
    pub fn value(&self) -> Decimal {
        match self {
            Self::Outcome { value, .. } | Self::Baseline { value } => *value,
        }
    }
}

/// Why an indicator is not assessable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GreyReason {
    /// `Method::Manual` and no manual verdict for the period.
    ManualMethod,
    NoTarget,
    NotEvaluated,
    /// A target only a person can assess.
    Statement,
    /// No outcome up to the month and no forecast for the year.
    NoValue,
    /// A direction target with no earlier outcome and no baseline.
    NoPrevious,
    /// The numbers are too large to compare exactly.
    OutOfRange,
}

/// How the computed verdict came about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Basis {
    NotAssessable {
        reason: GreyReason,
    },
    Threshold {
        observed: Observed,
        margin: Margin,
        /// The year's forecast, when it met the target and turned red into yellow.
        rescued_by: Option<Observed>,
    },
    Pace {
        to_date: ToDate,
        margin: Margin,
        rescued_by: Option<Observed>,
    },
    Directional {
        observed: Observed,
        direction: Direction,
        previous: Previous,
        margin: Margin,
    },
}

/// The facts behind an indicator's verdict; [`std::fmt::Display`] writes them in Swedish.
/// Borrows the target and the manual verdict from the input, so building it allocates nothing.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct IndicatorExplanation<'a> {
    /// The month assessed (or the period whose last month was assessed).
    pub at: Period,
    pub better: Better,
    pub target: Option<&'a Target>,
    pub computed: Verdict,
    pub basis: Basis,
    /// The manual verdict that overrode the computed one.
    pub manual: Option<&'a ManualVerdict>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct IndicatorAssessment<'a> {
    pub verdict: Verdict,
    pub explanation: IndicatorExplanation<'a>,
}

/// Assesses an indicator at a month (`Period::month(2025, 10)`); any other period is assessed
/// at its last month.
pub fn assess_indicator<'a>(series: &IndicatorSeries<'a>, at: Period) -> IndicatorAssessment<'a> {
    let year = at.year();
    let target = series.targets.iter().rev().find(|(y, _)| *y == year).map(|(_, t)| t);
    let (computed, basis) = compute(series, target, year, at.months().1);
    let manual = series.manual.filter(|manual| manual.applies_to(at));
    IndicatorAssessment {
        verdict: manual.map_or(computed, |manual| manual.verdict),
        explanation: IndicatorExplanation {
            at,
            better: series.better,
            target,
            computed,
            basis,
            manual,
        },
    }
}

fn grey(reason: GreyReason) -> (Verdict, Basis) {
    (Verdict::Grey, Basis::NotAssessable { reason })
}

fn compute(series: &IndicatorSeries<'_>, target: Option<&Target>, year: i32, month: u8) -> (Verdict, Basis) {
    if series.method == Method::Manual {
        return grey(GreyReason::ManualMethod);
    }
    let margin = series.method.margin();
    let target = match target {
        None => return grey(GreyReason::NoTarget),
        Some(Target::NotEvaluated) => return grey(GreyReason::NotEvaluated),
        Some(Target::Statement { .. }) => return grey(GreyReason::Statement),
        Some(Target::Direction { direction }) => return directional(series, *direction, margin, year, month),
        Some(numeric) => numeric,
    };
    let graded = match series.method {
        Method::Pace { .. } => match to_date(series, year, month) {
            Ok(Some(to_date)) => pace(series, target, to_date, margin, year),
            Ok(None) => threshold(series, target, None, margin, year),
            Err(overflow) => Err(overflow),
        },
        _ if series.cumulative => match to_date(series, year, month) {
            Ok(observed) => threshold(series, target, observed.map(Observed::ToDate), margin, year),
            Err(overflow) => Err(overflow),
        },
        _ => threshold(
            series,
            target,
            latest_outcome(series.outcomes, year, month),
            margin,
            year,
        ),
    };
    graded.unwrap_or_else(|Overflow| grey(GreyReason::OutOfRange))
}

/// Grades `observed` (or, when there is none, the year's forecast) against the full target.
fn threshold(
    series: &IndicatorSeries<'_>,
    target: &Target,
    observed: Option<Observed>,
    margin: Margin,
    year: i32,
) -> Result<(Verdict, Basis), Overflow> {
    let forecast = forecast(series.forecasts, year);
    let Some(observed) = observed.or(forecast) else {
        return Ok(grey(GreyReason::NoValue));
    };
    let value = observed.value().ok_or(Overflow)?;
    let verdict = numeric(value, target, series.better, margin, Decimal::ONE)?;
    let (verdict, rescued_by) = rescue(series, target, &observed, forecast, verdict, margin)?;
    Ok((
        verdict,
        Basis::Threshold {
            observed,
            margin,
            rescued_by,
        },
    ))
}

/// Compares the year to date with what the annual target needs by now, in scaled units: a
/// cumulative sum times 12 against `target × months`, a rate's sum against `target × periods`.
fn pace(
    series: &IndicatorSeries<'_>,
    target: &Target,
    to_date: ToDate,
    margin: Margin,
    year: i32,
) -> Result<(Verdict, Basis), Overflow> {
    let (value, scale) = if to_date.cumulative {
        let twelve = Decimal::from(12u8);
        (
            to_date.sum.checked_mul(twelve).ok_or(Overflow)?,
            Decimal::from(to_date.months),
        )
    } else {
        (to_date.sum, Decimal::from(to_date.periods))
    };
    let verdict = numeric(value, target, series.better, margin, scale)?;
    let observed = Observed::ToDate(to_date);
    let forecast = forecast(series.forecasts, year);
    let (verdict, rescued_by) = rescue(series, target, &observed, forecast, verdict, margin)?;
    Ok((
        verdict,
        Basis::Pace {
            to_date,
            margin,
            rescued_by,
        },
    ))
}

fn numeric(
    value: Decimal,
    target: &Target,
    better: Better,
    margin: Margin,
    scale: Decimal,
) -> Result<Verdict, Overflow> {
    // `compute` only passes numeric targets; anything else is not assessable.
    grade::against_target(value, target, better, margin, scale).unwrap_or(Ok(Verdict::Grey))
}

/// 004, Bilaga 1: red is "not met and not expected to be". A red outcome whose year forecast
/// meets the target is therefore yellow.
fn rescue(
    series: &IndicatorSeries<'_>,
    target: &Target,
    observed: &Observed,
    forecast: Option<Observed>,
    verdict: Verdict,
    margin: Margin,
) -> Result<(Verdict, Option<Observed>), Overflow> {
    if verdict != Verdict::Red || observed.is_forecast() || observed.is_final() {
        return Ok((verdict, None));
    }
    let Some(Observed::Forecast { value, .. }) = forecast else {
        return Ok((verdict, None));
    };
    if numeric(value, target, series.better, margin, Decimal::ONE)? == Verdict::Green {
        Ok((Verdict::Yellow, forecast))
    } else {
        Ok((verdict, None))
    }
}

fn directional(
    series: &IndicatorSeries<'_>,
    direction: Direction,
    margin: Margin,
    year: i32,
    month: u8,
) -> (Verdict, Basis) {
    let Some(observed) = latest_outcome(series.outcomes, year, month).or_else(|| forecast(series.forecasts, year))
    else {
        return grey(GreyReason::NoValue);
    };
    let (Observed::Outcome { period, value } | Observed::Forecast { period, value }) = observed else {
        return grey(GreyReason::NoValue);
    };
    let previous =
        previous_outcome(series.outcomes, period).or_else(|| series.baseline.map(|value| Previous::Baseline { value }));
    let Some(previous) = previous else {
        return grey(GreyReason::NoPrevious);
    };
    match grade::against_previous(value, previous.value(), direction, series.better, margin) {
        Ok(verdict) => (
            verdict,
            Basis::Directional {
                observed,
                direction,
                previous,
                margin,
            },
        ),
        Err(Overflow) => grey(GreyReason::OutOfRange),
    }
}
