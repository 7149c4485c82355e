//! The figures a controller reads off an economy: deviation, change, budget adherence and
//! the accuracy of a forecast. Amounts are signed as the documents sign them (costs
//! negative in a net), so a deviation below zero is a deficit.

use rust_decimal::Decimal;

const HUNDRED: Decimal = Decimal::ONE_HUNDRED;

/// Avvikelse: `outcome` (or a forecast) minus `budget`; below zero is worse than budget
/// when costs are negative.
pub fn deviation(budget: Decimal, outcome: Decimal) -> Option<Decimal> {
    outcome.checked_sub(budget)
}

/// Förändring from `before` to `now`.
pub fn change(before: Decimal, now: Decimal) -> Option<Decimal> {
    now.checked_sub(before)
}

/// Förändring i %: the change in percent of `before`, signed by `before` as the documents
/// compute it (a net of −372 965 after −415 390 is −10,21 %); `None` when `before` is zero.
pub fn change_percent(before: Decimal, now: Decimal) -> Option<Decimal> {
    change(before, now)?.checked_mul(HUNDRED)?.checked_div(before)
}

/// Budgetföljsamhet, "grad av budgetavvikelse i %": the deviation of `outcome` from `budget`
/// in percent of the budget's size; below zero is a deficit. `None` for a zero budget.
pub fn budget_adherence(budget: Decimal, outcome: Decimal) -> Option<Decimal> {
    if budget.is_zero() {
        return None;
    }
    deviation(budget, outcome)?
        .checked_mul(HUNDRED)?
        .checked_div(budget.abs())
}

/// How far a forecast was from the year's result, in percent of the result's size
/// (Norrtälje's "avvikelse mellan prognos per delår 2 och fastställt resultat"), always
/// zero or above. `None` for a zero result.
pub fn forecast_deviation(forecast: Decimal, result: Decimal) -> Option<Decimal> {
    if result.is_zero() {
        return None;
    }
    deviation(result, forecast)?
        .abs()
        .checked_mul(HUNDRED)?
        .checked_div(result.abs())
}
