//! A year's forecast from its months so far, by each method a controller chooses between —
//! run rate, last year's monthly shape, budget for the remaining months, or a figure given
//! by hand — and a year's budget spread over its months by a profile.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// How a year's budget is spread over its months.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "months")]
pub enum MonthlyProfile {
    /// A twelfth a month.
    Even,
    /// In proportion to last year's outcome per month.
    LastYear([Decimal; 12]),
    /// Given per month, as 004's bistånd budget of 11 700 tkr a month.
    Given([Decimal; 12]),
}

/// The budget of months 1..=`through` of a year budgeted `year` under `profile`. `None`
/// where it can't be computed (a last year summing to zero, an overflow). With a given
/// profile the year's figure is not used: the months are the budget.
pub fn monthly_budget(year: Decimal, profile: &MonthlyProfile, through: u8) -> Option<Decimal> {
    let through = usize::from(through.min(12));
    match profile {
        MonthlyProfile::Even => year.checked_mul(Decimal::from(through))?.checked_div(Decimal::from(12)),
        MonthlyProfile::LastYear(shape) => {
            let whole = sum(shape)?;
            if whole.is_zero() {
                return None;
            }
            year.checked_mul(sum(&shape[..through])?)?.checked_div(whole)
        }
        MonthlyProfile::Given(months) => sum(&months[..through]),
    }
}

fn sum(values: &[Decimal]) -> Option<Decimal> {
    values.iter().try_fold(Decimal::ZERO, |a, v| a.checked_add(*v))
}

/// How a forecast was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ForecastMethod {
    /// The months so far, at the same pace for the rest of the year.
    RunRate,
    /// The months so far, scaled by how last year's months so far relate to its whole year.
    LastYearShape,
    /// The months so far, plus the budget of the months left.
    BudgetForRest,
    /// A figure given by hand.
    Manual,
}

impl ForecastMethod {
    pub const ALL: [ForecastMethod; 4] = [Self::RunRate, Self::LastYearShape, Self::BudgetForRest, Self::Manual];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::RunRate => "run_rate",
            Self::LastYearShape => "last_year_shape",
            Self::BudgetForRest => "budget_for_rest",
            Self::Manual => "manual",
        }
    }

    pub fn parse(text: &str) -> Option<ForecastMethod> {
        Self::ALL.into_iter().find(|m| m.as_str() == text)
    }
}

/// One method's forecast of the year; `None` where the method has too little to go on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Forecast {
    pub method: ForecastMethod,
    pub year: Option<Decimal>,
}

/// The year's forecast by every method, side by side, from the `outcome` of months
/// 1..=`through` (each `None` until booked), this year's monthly `budget`, last year's
/// monthly outcome where known, and a `manual` figure where given.
pub fn forecasts(
    outcome: &[Option<Decimal>; 12],
    through: u8,
    budget: &[Decimal; 12],
    last_year: Option<&[Decimal; 12]>,
    manual: Option<Decimal>,
) -> Vec<Forecast> {
    let through = usize::from(through.clamp(1, 12));
    let so_far: Option<Decimal> = outcome[..through]
        .iter()
        .try_fold(Decimal::ZERO, |a, v| a.checked_add((*v)?));
    let run_rate = so_far.and_then(|s| s.checked_mul(Decimal::from(12))?.checked_div(Decimal::from(through)));
    let shape = so_far.zip(last_year).and_then(|(s, last)| {
        let last_so_far = sum(&last[..through])?;
        if last_so_far.is_zero() {
            return None;
        }
        s.checked_mul(sum(last)?)?.checked_div(last_so_far)
    });
    let rest = so_far.and_then(|s| s.checked_add(sum(&budget[through..])?));
    vec![
        Forecast {
            method: ForecastMethod::RunRate,
            year: run_rate,
        },
        Forecast {
            method: ForecastMethod::LastYearShape,
            year: shape,
        },
        Forecast {
            method: ForecastMethod::BudgetForRest,
            year: rest,
        },
        Forecast {
            method: ForecastMethod::Manual,
            year: manual,
        },
    ]
}
