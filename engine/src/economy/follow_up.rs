//! A year followed up month by month: the outcome booked so far against the budget of the
//! same months (spread by a [`MonthlyProfile`]), the deviation, and the year's forecast by
//! every method side by side, each with its deviation from the year's budget.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::forecast::{Forecast, MonthlyProfile, forecasts, monthly_budget};

/// One month: its outcome (where booked) and its budget (where there is one to spread),
/// and both summed from January.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthFigures {
    pub outcome: Option<Decimal>,
    pub budget: Option<Decimal>,
    pub outcome_to_date: Option<Decimal>,
    pub budget_to_date: Option<Decimal>,
}

/// A forecast and how far it lands from the year's budget (forecast less budget).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ForecastLine {
    pub forecast: Forecast,
    pub deviation: Option<Decimal>,
}

/// A year followed up through its latest booked month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearToDate {
    /// The latest month with a booked outcome.
    pub through: u8,
    /// Months before `through` with nothing booked: the forecasts from months so far need
    /// every one of them and are left out.
    pub missing: Vec<u8>,
    pub months: [MonthFigures; 12],
    pub year_budget: Option<Decimal>,
    pub outcome_to_date: Option<Decimal>,
    pub budget_to_date: Option<Decimal>,
    /// Outcome less budget, months 1 to `through`.
    pub deviation_to_date: Option<Decimal>,
    pub forecasts: Vec<ForecastLine>,
}

/// The year's months so far. `year_budget` is spread by `profile` (a given profile's months
/// are the budget whatever the year's figure); `last_year` is last year's outcome per month
/// where all twelve are known; `manual` a forecast given by hand. `None` where nothing is
/// booked yet.
pub fn year_to_date(
    outcome: &[Option<Decimal>; 12],
    year_budget: Option<Decimal>,
    profile: &MonthlyProfile,
    last_year: Option<&[Decimal; 12]>,
    manual: Option<Decimal>,
) -> Option<YearToDate> {
    let through = u8::try_from(outcome.iter().rposition(Option::is_some)? + 1).ok()?;
    let missing = (1..through)
        .filter(|m| outcome[usize::from(*m) - 1].is_none())
        .collect();
    let spread = |budget: Decimal, to: u8| monthly_budget(budget, profile, to);
    let year_budget = match profile {
        MonthlyProfile::Given(_) => spread(Decimal::ZERO, 12),
        _ => year_budget,
    };
    let budget_through = |to: u8| year_budget.and_then(|b| spread(b, to));
    let mut months = [MonthFigures {
        outcome: None,
        budget: None,
        outcome_to_date: None,
        budget_to_date: None,
    }; 12];
    let mut booked = Some(Decimal::ZERO);
    for (index, month) in months.iter_mut().enumerate() {
        let number = index as u8 + 1;
        month.outcome = outcome[index];
        month.budget_to_date = budget_through(number);
        month.budget = month
            .budget_to_date
            .zip(if number == 1 {
                Some(Decimal::ZERO)
            } else {
                budget_through(number - 1)
            })
            .and_then(|(to, before)| to.checked_sub(before));
        if number <= through {
            booked = booked.zip(month.outcome).and_then(|(a, v)| a.checked_add(v));
            month.outcome_to_date = booked;
        }
    }
    let last = months[usize::from(through) - 1];
    let monthly_budgets: Option<[Decimal; 12]> = (months.iter().map(|m| m.budget))
        .collect::<Option<Vec<_>>>()
        .and_then(|v| v.try_into().ok());
    let forecasts = forecasts(
        outcome,
        through,
        &monthly_budgets.unwrap_or([Decimal::ZERO; 12]),
        last_year,
        manual,
    )
    .into_iter()
    .map(|mut forecast| {
        if monthly_budgets.is_none() && forecast.method == super::ForecastMethod::BudgetForRest {
            forecast.year = None;
        }
        let deviation = forecast.year.zip(year_budget).and_then(|(f, b)| f.checked_sub(b));
        ForecastLine { forecast, deviation }
    })
    .collect();
    Some(YearToDate {
        through,
        missing,
        months,
        year_budget,
        outcome_to_date: last.outcome_to_date,
        budget_to_date: last.budget_to_date,
        deviation_to_date: (last.outcome_to_date.zip(last.budget_to_date)).and_then(|(o, b)| o.checked_sub(b)),
        forecasts,
    })
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::economy::ForecastMethod;

    fn months(values: &[i64]) -> [Option<Decimal>; 12] {
        let mut out = [None; 12];
        for (slot, v) in out.iter_mut().zip(values) {
            *slot = Some(Decimal::from(*v));
        }
        out
    }

    fn forecast(ytd: &YearToDate, method: ForecastMethod) -> Option<Decimal> {
        (ytd.forecasts.iter())
            .find(|f| f.forecast.method == method)
            .and_then(|f| f.forecast.year)
    }

    /// 004, Tabell 1: utbetalt bistånd 2024, tkr, January to October booked, against the
    /// budget given as 11 700 a month.
    #[test]
    fn paid_out_economic_aid_in_2024_against_its_monthly_budget() {
        let outcome = months(&[
            11_071, 11_429, 11_650, 11_493, 11_467, 9_613, 12_972, 11_599, 9_930, 12_094,
        ]);
        let profile = MonthlyProfile::Given([Decimal::from(11_700); 12]);
        let ytd = year_to_date(&outcome, None, &profile, None, Some(Decimal::from(136_518))).expect("booked");
        assert_eq!(ytd.through, 10);
        assert!(ytd.missing.is_empty());
        assert_eq!(ytd.year_budget, Some(Decimal::from(140_400)));
        assert_eq!(ytd.outcome_to_date, Some(Decimal::from(113_318)));
        assert_eq!(ytd.budget_to_date, Some(Decimal::from(117_000)));
        assert_eq!(ytd.deviation_to_date, Some(Decimal::from(-3_682)));
        assert_eq!(ytd.months[5].outcome_to_date, Some(Decimal::from(66_723)));
        assert_eq!(ytd.months[11].budget, Some(Decimal::from(11_700)));
        assert_eq!(ytd.months[10].outcome_to_date, None, "November is not booked");
        // 113 318 × 12 / 10, and 113 318 + 2 × 11 700; the published 136 518 (prognos nov–dec
        // of 11 600 a month) entered by hand lands 3 882 under the year's budget.
        assert_eq!(
            forecast(&ytd, ForecastMethod::RunRate),
            Some("135981.6".parse().expect("d"))
        );
        assert_eq!(
            forecast(&ytd, ForecastMethod::BudgetForRest),
            Some(Decimal::from(136_718))
        );
        assert_eq!(
            forecast(&ytd, ForecastMethod::LastYearShape),
            None,
            "no last year given"
        );
        let manual = ytd
            .forecasts
            .iter()
            .find(|f| f.forecast.method == ForecastMethod::Manual);
        assert_eq!(manual.and_then(|f| f.deviation), Some(Decimal::from(-3_882)));
    }

    #[test]
    fn an_even_profile_spreads_a_twelfth_a_month_and_a_gap_leaves_out_forecasts_from_months() {
        let mut outcome = months(&[-100, -100, -100]);
        outcome[1] = None;
        let ytd =
            year_to_date(&outcome, Some(Decimal::from(-1_200)), &MonthlyProfile::Even, None, None).expect("booked");
        assert_eq!((ytd.through, ytd.missing.clone()), (3, vec![2]));
        assert_eq!(ytd.budget_to_date, Some(Decimal::from(-300)));
        assert_eq!(ytd.outcome_to_date, None, "February is missing");
        assert_eq!(forecast(&ytd, ForecastMethod::RunRate), None);
        assert_eq!(forecast(&ytd, ForecastMethod::BudgetForRest), None);
    }

    #[test]
    fn without_a_budget_there_is_no_deviation_and_nothing_booked_gives_nothing() {
        let ytd = year_to_date(&months(&[-50, -70]), None, &MonthlyProfile::Even, None, None).expect("booked");
        assert_eq!((ytd.budget_to_date, ytd.deviation_to_date), (None, None));
        assert_eq!(forecast(&ytd, ForecastMethod::RunRate), Some(Decimal::from(-720)));
        assert_eq!(
            forecast(&ytd, ForecastMethod::BudgetForRest),
            None,
            "no budget for the rest"
        );
        assert!(year_to_date(&[None; 12], Some(Decimal::ONE), &MonthlyProfile::Even, None, None).is_none());
    }

    #[test]
    fn last_years_shape_scales_the_months_so_far_by_last_years_share() {
        // Last year: a quarter of the year's cost in January and February.
        let last: [Decimal; 12] = [30, 20, 15, 15, 15, 15, 10, 10, 15, 15, 20, 20].map(Decimal::from);
        let ytd = year_to_date(
            &months(&[-60, -40]),
            Some(Decimal::from(-240)),
            &MonthlyProfile::LastYear(last),
            Some(&last),
            None,
        )
        .expect("booked");
        assert_eq!(ytd.budget_to_date, Some(Decimal::from(-60)));
        assert_eq!(forecast(&ytd, ForecastMethod::LastYearShape), Some(Decimal::from(-400)));
    }

    proptest! {
        /// Months' budgets add up to the year's budget, and the to-date figures are sums.
        #[test]
        fn months_add_up(budget in -10_000_000i64..10_000_000, booked in proptest::collection::vec(-1_000_000i64..1_000_000, 1..=12)) {
            let ytd = year_to_date(&months(&booked), Some(Decimal::from(budget)), &MonthlyProfile::Even, None, None).expect("booked");
            let spread: Decimal = ytd.months.iter().map(|m| m.budget.expect("budget")).sum();
            prop_assert_eq!(spread, Decimal::from(budget));
            prop_assert_eq!(ytd.outcome_to_date, Some(Decimal::from(booked.iter().sum::<i64>())));
            prop_assert_eq!(usize::from(ytd.through), booked.len());
        }
    }
}
