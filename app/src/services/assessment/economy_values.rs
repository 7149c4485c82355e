//! Indicators whose values come from the council's economy (`economy = "budget_adherence"`):
//! for each year the economy's tables cover, the year's budget adherence from its net
//! outcome (or, without one, its forecast) against its budget replaces what was entered for
//! that year, and the verdict's explanation says where the figures came from. Yearly
//! indicators only: the tables are of years.

use std::collections::BTreeSet;

use engine::assess::Language;
use engine::economy::{MoneyUnit, Table, check_tables};
use engine::{Period, Periodicity};
use sea_orm::ConnectionTrait;

use crate::db::TenantScope;
use crate::exchange::document::{self as doc, EconomySource};
use crate::format;
use crate::model::{Assessment, VerdictKind};
use crate::services::ServiceError;
use crate::services::economy::{self, Figure, year_summary};

/// One year's value taken from the economy, with the figures it came from.
#[derive(Debug, Clone)]
pub struct EconomyValue {
    pub code: String,
    pub year: i32,
    /// Outcome (`false`: forecast).
    pub outcome: bool,
    pub result: Figure,
    pub budget: Figure,
    pub unit: MoneyUnit,
}

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
        let Ok(period) = Period::year_of(year) else { continue };
        let kind = if outcome {
            doc::ValueKind::Outcome
        } else {
            doc::ValueKind::Forecast
        };
        // Yearly figures: an indicator measured by month takes them from the monthly
        // follow-up, not from a year's tables.
        for indicator in (plan.content.indicators.iter_mut())
            .filter(|i| i.economy == Some(EconomySource::BudgetAdherence) && i.periodicity == Periodicity::Year)
        {
            indicator.values.retain(|v| !(v.period == period && v.kind == kind));
            indicator.values.push(doc::PeriodValue {
                period,
                kind,
                gender: doc::Gender::Total,
                value: adherence,
                comment: None,
            });
            indicator.values.sort_by_key(|v| (v.period, v.kind));
            taken.push(EconomyValue {
                code: indicator.code.clone(),
                year,
                outcome,
                result: result.clone(),
                budget: budget.clone(),
                unit: stored.unit,
            });
        }
    }
    Ok(taken)
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
                let what = match (t.outcome, language) {
                    (true, Language::Swedish) => "utfall",
                    (false, Language::Swedish) => "prognos",
                    (true, _) => "outcome",
                    (false, _) => "forecast",
                };
                let against = language.pick("mot budget", "against budget");
                format!(
                    "{} {what} {} ({}) {against} {} ({})",
                    t.year,
                    amount(&t.result),
                    t.result.source,
                    amount(&t.budget),
                    t.budget.source
                )
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
