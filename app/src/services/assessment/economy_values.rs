//! Indicators whose values come from the council's economy, replacing what was entered for
//! the year, with the verdict's explanation saying where the figures came from. Yearly
//! indicators only: the figures are of years.
//! - `budget_adherence`: for each year the economy's tables cover, the net outcome (or,
//!   without one, the forecast) against the budget;
//! - `forecast_accuracy`: for each year with a council forecast saved at delår 2 (August),
//!   how far it was from the year's result — the ledger's twelve months, else the tables'
//!   outcome.

use std::collections::BTreeSet;

use engine::assess::Language;
use engine::economy::{MoneyUnit, Table, check_tables, forecast_deviation};
use engine::{Period, Periodicity};
use sea_orm::ConnectionTrait;

use crate::db::TenantScope;
use crate::domain::UnitKind;
use crate::exchange::document::{self as doc, EconomySource};
use crate::format;
use crate::model::{Assessment, VerdictKind};
use crate::services::ServiceError;
use crate::services::economy::{self, Figure, year_summary};
use crate::services::ledger;

/// One year's value taken from the economy, with the figures it came from.
#[derive(Debug, Clone)]
pub struct EconomyValue {
    pub code: String,
    pub year: i32,
    pub from: Source,
    pub unit: MoneyUnit,
}

/// The figures a value came from.
#[derive(Debug, Clone)]
pub enum Source {
    /// The year's result (an outcome, or `outcome: false` a forecast) against its budget.
    Adherence {
        outcome: bool,
        result: Figure,
        budget: Figure,
    },
    /// The forecast saved at delår 2 against the year's result.
    Accuracy { forecast: Figure, result: Figure },
}

/// The month of delår 2 (January to August).
const DELAR2: u8 = 8;

/// Years any table of the economy speaks of.
fn years(tables: &[Table]) -> BTreeSet<i32> {
    let columns = tables.iter().flat_map(|t| t.columns.iter().filter_map(|c| c.year));
    let rows = tables.iter().flat_map(|t| t.rows.iter().filter_map(|r| r.year));
    columns.chain(rows).collect()
}

/// Puts the economy's values into `plan`'s indicators that take them, replacing entered
/// values of the same year and kind; returns what was taken, for the explanations.
pub async fn apply(
    db: &impl ConnectionTrait,
    scope: TenantScope,
    council: &str,
    plan: &mut doc::Plan,
) -> Result<Vec<EconomyValue>, ServiceError> {
    if !plan.content.indicators.iter().any(|i| i.economy.is_some()) {
        return Ok(Vec::new());
    }
    let stored = economy::stored(db, scope, council).await?;
    let findings = check_tables(&stored.tables);
    let mut taken = Vec::new();
    if plan
        .content
        .indicators
        .iter()
        .any(|i| i.economy == Some(EconomySource::ForecastAccuracy))
    {
        for (year, forecast, result) in accuracy_inputs(db, scope, &stored, &findings).await? {
            let Some(value) = forecast_deviation(forecast.value, result.value) else {
                continue;
            };
            let from = Source::Accuracy { forecast, result };
            put(
                plan,
                EconomySource::ForecastAccuracy,
                year,
                doc::ValueKind::Outcome,
                value.round_dp(2),
                &from,
                stored.unit,
                &mut taken,
            );
        }
    }
    for year in years(&stored.tables) {
        let summary = year_summary(&stored.tables, &findings, stored.unit, year);
        let (Some(budget), Some(adherence)) = (summary.budget, summary.adherence_percent) else {
            continue;
        };
        let (outcome, result) = match (summary.outcome, summary.forecast) {
            (Some(outcome), _) => (true, outcome),
            (None, Some(forecast)) => (false, forecast),
            (None, None) => continue,
        };
        let kind = if outcome {
            doc::ValueKind::Outcome
        } else {
            doc::ValueKind::Forecast
        };
        let from = Source::Adherence {
            outcome,
            result,
            budget,
        };
        put(
            plan,
            EconomySource::BudgetAdherence,
            year,
            kind,
            adherence,
            &from,
            stored.unit,
            &mut taken,
        );
    }
    Ok(taken)
}

/// Each year with a council forecast saved at delår 2 and a result: the forecast and the
/// result in the tenant's unit, each with where it is from.
async fn accuracy_inputs(
    db: &impl ConnectionTrait,
    scope: TenantScope,
    stored: &economy::Stored,
    findings: &[engine::economy::Finding],
) -> Result<Vec<(i32, Figure, Figure)>, ServiceError> {
    let (council, tables, unit) = (&stored.council_slug, &stored.tables, stored.unit);
    let mut inputs = Vec::new();
    for year in crate::db::repo::ledger::forecast_years(db, scope, stored.council_id).await? {
        let months = ledger::follow_up(db, scope, council, Some(year), None, None).await?;
        let Some(forecast) = (months.saved.iter()).find(|f| f.kind == UnitKind::Council && f.month == DELAR2) else {
            continue;
        };
        let booked =
            (months.lines.first()).filter(|l| l.kind == UnitKind::Council && l.months.iter().all(Option::is_some));
        let result = match booked.and_then(|l| l.outcome_to_date) {
            Some(value) => Figure {
                value,
                source: "huvudboken jan–dec".to_owned(),
            },
            None => match year_summary(tables, findings, unit, year).outcome {
                Some(outcome) => outcome,
                None => continue,
            },
        };
        let made = forecast.made_at.format("%Y-%m-%d");
        let source = format!("{}, {made}, {}", forecast.method, forecast.made_by);
        inputs.push((
            year,
            Figure {
                value: forecast.amount,
                source,
            },
            result,
        ));
    }
    Ok(inputs)
}

/// Puts `value` for `year` into each yearly indicator of `plan` taking `source`.
#[allow(clippy::too_many_arguments)]
fn put(
    plan: &mut doc::Plan,
    source: EconomySource,
    year: i32,
    kind: doc::ValueKind,
    value: rust_decimal::Decimal,
    from: &Source,
    unit: MoneyUnit,
    taken: &mut Vec<EconomyValue>,
) {
    let Ok(period) = Period::year_of(year) else { return };
    // Yearly figures: an indicator measured by month takes them from the monthly
    // follow-up, not from a year's tables.
    for indicator in
        (plan.content.indicators.iter_mut()).filter(|i| i.economy == Some(source) && i.periodicity == Periodicity::Year)
    {
        indicator.values.retain(|v| !(v.period == period && v.kind == kind));
        indicator.values.push(doc::PeriodValue {
            period,
            kind,
            gender: doc::Gender::Total,
            value,
            comment: None,
        });
        indicator.values.sort_by_key(|v| (v.period, v.kind));
        taken.push(EconomyValue {
            code: indicator.code.clone(),
            year,
            from: from.clone(),
            unit,
        });
    }
}

/// Adds to each indicator's explanation where the value of the year judged at `at` came
/// from, when it came from the economy.
pub fn explain(lines: &mut [Assessment], taken: &[EconomyValue], at: Period, language: Language) {
    for line in lines.iter_mut().filter(|l| l.kind == VerdictKind::Indicator) {
        let notes: Vec<String> = (taken.iter().filter(|t| t.code == line.code && t.year == at.year()))
            .map(|t| {
                let amount = |f: &Figure| {
                    format!(
                        "{} {}",
                        format::number(f.value, f.value.normalize().scale()),
                        t.unit.as_str()
                    )
                };
                match &t.from {
                    Source::Adherence {
                        outcome,
                        result,
                        budget,
                    } => {
                        let what = match (outcome, language) {
                            (true, Language::Swedish) => "utfall",
                            (false, Language::Swedish) => "prognos",
                            (true, _) => "outcome",
                            (false, _) => "forecast",
                        };
                        let against = language.pick("mot budget", "against budget");
                        let (r, b) = (amount(result), amount(budget));
                        format!(
                            "{} {what} {r} ({}) {against} {b} ({})",
                            t.year, result.source, budget.source
                        )
                    }
                    Source::Accuracy { forecast, result } => {
                        let what = language.pick("prognos per delår 2", "forecast at the second interim report");
                        let against = language.pick("mot resultatet", "against the result");
                        let (f, r) = (amount(forecast), amount(result));
                        format!(
                            "{} {what} {f} ({}) {against} {r} ({})",
                            t.year, forecast.source, result.source
                        )
                    }
                }
            })
            .collect();
        if !notes.is_empty() {
            let lead = language.pick(
                "Värdet kommer från nämndens ekonomi:",
                "The value comes from the council's economy:",
            );
            line.explanation = format!("{} {lead} {}.", line.explanation.trim_end(), notes.join("; "));
        }
    }
}
