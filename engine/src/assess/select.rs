//! Which values an indicator's verdict is computed from: the latest outcome, the year to date,
//! the year's forecast, the previous outcome.

use rust_decimal::Decimal;

use super::grade::Overflow;
use super::indicator::{IndicatorSeries, Observed, Previous, ToDate};
use crate::period::{Period, Periodicity};

// These scans run for every verdict (648 000 in the benchmark), so within one year they order
// periods by `(last month, length)` — `Period`'s own order — computed without division.

/// How many months a period of this kind covers.
fn length(kind: Periodicity) -> u8 {
    match kind {
        Periodicity::Year => 12,
        Periodicity::HalfYear => 6,
        Periodicity::Tertial => 4,
        Periodicity::Month => 1,
    }
}

/// The period's last month (1–12).
fn last_month(period: Period) -> u8 {
    length(period.kind()) * period.index()
}

/// `Period`'s order for periods of one year.
fn key_in_year(period: Period) -> (u8, u8) {
    (last_month(period), length(period.kind()))
}

/// Whether `period` lies in `year` and has ended by `month`.
fn reported_by(period: Period, year: i32, month: u8) -> bool {
    period.year() == year && last_month(period) <= month
}

/// The latest outcome of the year that has ended by the month (any periodicity: at month 6 the
/// half-year sorts after June and wins).
pub(super) fn latest_outcome(outcomes: &[(Period, Decimal)], year: i32, month: u8) -> Option<Observed> {
    let mut latest: Option<((u8, u8), Period, Decimal)> = None;
    for &(period, value) in outcomes {
        if !reported_by(period, year, month) {
            continue;
        }
        let key = key_in_year(period);
        if latest.is_none_or(|(best, ..)| key >= best) {
            latest = Some((key, period, value));
        }
    }
    latest.map(|(_, period, value)| Observed::Outcome { period, value })
}

/// The year's forecast: the latest forecast for a period within the year (the year itself
/// sorts last, so a forecast for the whole year wins).
pub(super) fn forecast(forecasts: &[(Period, Decimal)], year: i32) -> Option<Observed> {
    let mut latest: Option<(Period, Decimal)> = None;
    for &(period, value) in forecasts {
        if period.year() == year && latest.is_none_or(|(best, _)| period >= best) {
            latest = Some((period, value));
        }
    }
    latest.map(|(period, value)| Observed::Forecast { period, value })
}

/// The latest outcome of the same periodicity as `period`, before it (across years).
pub(super) fn previous_outcome(outcomes: &[(Period, Decimal)], period: Period) -> Option<Previous> {
    // Same kind: (year, index) is the order.
    let before = (period.year(), period.index());
    let mut latest: Option<((i32, u8), Period, Decimal)> = None;
    for &(candidate, value) in outcomes {
        if candidate.kind() != period.kind() {
            continue;
        }
        let key = (candidate.year(), candidate.index());
        if key < before && latest.is_none_or(|(best, ..)| key >= best) {
            latest = Some((key, candidate, value));
        }
    }
    latest.map(|(_, period, value)| Previous::Outcome { period, value })
}

/// The year's outcomes of the indicator's periodicity that have ended by the month.
pub(super) fn to_date(series: &IndicatorSeries<'_>, year: i32, month: u8) -> Result<Option<ToDate>, Overflow> {
    let mut found: Option<ToDate> = None;
    for &(period, value) in series.outcomes {
        if period.kind() != series.periodicity || !reported_by(period, year, month) {
            continue;
        }
        let months = length(period.kind());
        match &mut found {
            None => {
                found = Some(ToDate {
                    sum: value,
                    periods: 1,
                    months,
                    first: period,
                    last: period,
                    cumulative: series.cumulative,
                });
            }
            Some(to_date) => {
                to_date.sum = to_date.sum.checked_add(value).ok_or(Overflow)?;
                to_date.periods = to_date.periods.saturating_add(1);
                to_date.months = to_date.months.saturating_add(months);
                // Same kind and year: the index orders them.
                if period.index() < to_date.first.index() {
                    to_date.first = period;
                }
                if period.index() > to_date.last.index() {
                    to_date.last = period;
                }
            }
        }
    }
    Ok(found)
}
