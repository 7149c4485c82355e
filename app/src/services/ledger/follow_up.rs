//! A council's year month by month: the ledger's outcomes per department and verksamhet
//! and for the whole council, the budget of the same months spread by a profile (the year's
//! budget from the published tables), the deviation, the year's forecast by every method
//! side by side, and the forecasts saved with their method, author and comment.

use std::collections::BTreeMap;

use engine::economy::{
    Figure, ForecastMethod, MoneyUnit, MonthlyProfile, Role as RowRole, Table, YearToDate, check_tables, year_to_date,
};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use sea_orm::{ConnectionTrait, DatabaseConnection, TransactionTrait};
use uuid::Uuid;

use crate::db::TenantScope;
use crate::db::entities::{economy_forecast, ledger_outcome};
use crate::db::repo::audit::{self, AuditEntry};
use crate::db::repo::{ledger, rows, tenants};
use crate::domain::UnitKind;
use crate::exchange::import::json_text;
use crate::model::{
    ChartPoint, FollowUpLine, ForecastInput, ForecastView, Message, MonthlyFollowUp, Role, SavedForecast,
};
use crate::services::context::TenantContext;
use crate::services::economy::{Stored, stored, year_summary};
use crate::services::{ServiceError, validate};

pub const PROFILE_EVEN: &str = "even";
pub const PROFILE_LAST_YEAR: &str = "last_year";
const MAX_COMMENT: usize = 2000;

/// Twelve months of net outcome, in kronor.
type Months = [Option<Decimal>; 12];

/// Each unit's (the council's first, keyed `(Council, "")`) net per month of one year.
fn nets(outcomes: &[ledger_outcome::Model], year: i32) -> Result<BTreeMap<(UnitKind, String), Months>, ServiceError> {
    let mut lines: BTreeMap<(UnitKind, String), Months> = BTreeMap::new();
    for row in outcomes.iter().filter(|o| o.year == year) {
        let amount: Decimal =
            (row.amount.parse()).map_err(|_| ServiceError::Corrupt(format!("ledger amount {}", row.amount)))?;
        let month = usize::try_from(row.month - 1)
            .ok()
            .filter(|m| *m < 12)
            .ok_or_else(|| ServiceError::Corrupt(format!("ledger month {}", row.month)))?;
        for key in [(UnitKind::Council, String::new()), (row.unit_kind, row.unit.clone())] {
            let slot = &mut lines.entry(key).or_insert([None; 12])[month];
            let sum = slot.unwrap_or_default().checked_add(amount);
            *slot = Some(sum.ok_or_else(|| ServiceError::Corrupt("ledger sum overflows".into()))?);
        }
    }
    Ok(lines)
}

/// The year's net budget of a unit in kronor and the table it is from: the council's from
/// the table no check doubts, a unit's from a table that splits the net by it.
fn budget_of(stored: &Stored, kind: UnitKind, name: &str, year: i32) -> Option<(Decimal, String)> {
    if kind == UnitKind::Council {
        let findings = check_tables(&stored.tables);
        let budget = year_summary(&stored.tables, &findings, stored.unit, year).budget?;
        return Some((budget.value.checked_mul(stored.unit.factor())?, budget.source));
    }
    let matches = |t: &Table| t.kind.splits_net();
    stored.tables.iter().filter(|t| matches(t)).find_map(|table| {
        let column = table.year_column(Figure::Budget, year)?;
        let row = (table.rows.iter())
            .find(|r| r.role == RowRole::Part && r.label.trim().eq_ignore_ascii_case(name.trim()))?;
        Some((table.in_kr(row.value(column)?)?, table.title.clone()))
    })
}

fn complete(months: &Months) -> Option<[Decimal; 12]> {
    let all: Vec<Decimal> = months.iter().copied().collect::<Option<_>>()?;
    all.try_into().ok()
}

fn in_unit(value: Option<Decimal>, unit: MoneyUnit) -> Option<Decimal> {
    value.and_then(|v| Some(v.checked_div(unit.factor())?.normalize()))
}

/// The council's year month by month (`year`: the newest with outcomes by default;
/// `until`: only months up to it; `profile`: `even` by default). Any role of the tenant;
/// another tenant's council is not found.
pub async fn follow_up(
    db: &impl ConnectionTrait,
    scope: TenantScope,
    council: &str,
    year: Option<i32>,
    until: Option<u8>,
    profile: Option<&str>,
) -> Result<MonthlyFollowUp, ServiceError> {
    let stored = stored(db, scope, council).await?;
    let years = ledger::years_of(db, scope, stored.council_id).await?;
    let year = year
        .or(years.first().copied())
        .unwrap_or_else(|| chrono::Datelike::year(&chrono::Utc::now()));
    let mut outcomes = ledger::outcomes_of(db, scope, stored.council_id, &[year, year - 1]).await?;
    if let Some(until) = until {
        outcomes.retain(|o| o.year != year || o.month <= i16::from(until));
    }
    let this_year = nets(&outcomes, year)?;
    let last_year = nets(&outcomes, year - 1)?;
    let council_last = last_year.get(&(UnitKind::Council, String::new())).and_then(complete);
    let mut profiles = vec![PROFILE_EVEN.to_owned()];
    if council_last.is_some() {
        profiles.push(PROFILE_LAST_YEAR.to_owned());
    }
    let profile = match profile {
        None => PROFILE_EVEN,
        Some(p) if profiles.iter().any(|known| known == p) => p,
        Some(p) => {
            let message = Message::NotOneOf {
                text: crate::model::echo(p),
                allowed: profiles.clone(),
            };
            return Err(ServiceError::invalid("profile", message));
        }
    };
    let saved_rows = ledger::forecasts_of(db, scope, stored.council_id, year).await?;
    let unit = stored.unit;
    let saved: Vec<SavedForecast> = (saved_rows.iter())
        .map(|r| saved_view(r, unit))
        .collect::<Result<_, _>>()?;
    let mut lines = Vec::new();
    let mut council_ytd = None;
    for ((kind, name), months) in &this_year {
        let last = last_year.get(&(*kind, name.clone())).and_then(complete);
        let spread = match (profile, last) {
            (PROFILE_LAST_YEAR, Some(shape)) => MonthlyProfile::LastYear(shape),
            _ => MonthlyProfile::Even,
        };
        let budget = budget_of(&stored, *kind, name, year);
        let manual = (saved.iter())
            .find(|s| s.kind == *kind && s.unit == *name)
            .and_then(|s| s.amount.checked_mul(unit.factor()));
        let Some(ytd) = year_to_date(months, budget.as_ref().map(|b| b.0), &spread, last.as_ref(), manual) else {
            continue;
        };
        lines.push(line_view(*kind, name, budget.map(|b| b.1), months, &ytd, unit));
        if *kind == UnitKind::Council {
            council_ytd = Some(ytd);
        }
    }
    let imported = outcomes.iter().filter(|o| o.year == year).max_by_key(|o| o.imported_at);
    Ok(MonthlyFollowUp {
        council: stored.council.clone(),
        council_slug: stored.council_slug.clone(),
        year,
        unit: unit.as_str().to_owned(),
        profile: profile.to_owned(),
        profiles,
        years,
        through: council_ytd.as_ref().map_or(0, |y| y.through),
        chart: council_ytd.as_ref().map(|y| chart(y, unit)).unwrap_or_default(),
        lines,
        saved,
        imported_by: imported.map(|o| o.imported_by.clone()),
        imported_at: imported.map(|o| o.imported_at),
    })
}

fn line_view(
    kind: UnitKind,
    name: &str,
    budget_source: Option<String>,
    months: &Months,
    ytd: &YearToDate,
    unit: MoneyUnit,
) -> FollowUpLine {
    FollowUpLine {
        kind,
        name: name.to_owned(),
        year_budget: in_unit(ytd.year_budget, unit),
        budget_source,
        months: months.iter().map(|m| in_unit(*m, unit)).collect(),
        outcome_to_date: in_unit(ytd.outcome_to_date, unit),
        budget_to_date: in_unit(ytd.budget_to_date, unit),
        deviation_to_date: in_unit(ytd.deviation_to_date, unit),
        missing: ytd.missing.clone(),
        forecasts: (ytd.forecasts.iter())
            .map(|f| ForecastView {
                method: f.forecast.method.as_str().to_owned(),
                year: in_unit(f.forecast.year, unit),
                deviation: in_unit(f.deviation, unit),
            })
            .collect(),
    }
}

/// The council's outcome and budget summed from January, and the forecast's path from the
/// latest month to December (the saved forecast, else the run rate).
fn chart(ytd: &YearToDate, unit: MoneyUnit) -> Vec<ChartPoint> {
    let f = |v: Option<Decimal>| in_unit(v, unit).and_then(|v| v.to_f64());
    let by = |method| {
        (ytd.forecasts.iter())
            .find(|l| l.forecast.method == method)
            .and_then(|l| l.forecast.year)
    };
    let target = by(ForecastMethod::Manual).or_else(|| by(ForecastMethod::RunRate));
    let through = usize::from(ytd.through);
    let path = |month: usize| -> Option<Decimal> {
        let (from, to) = (ytd.outcome_to_date?, target?);
        let left = Decimal::from(12 - through);
        if month + 1 < through || left.is_zero() {
            return None;
        }
        let step = to.checked_sub(from)?.checked_div(left)?;
        from.checked_add(step.checked_mul(Decimal::from(month + 1 - through))?)
    };
    (ytd.months.iter().enumerate())
        .map(|(i, m)| ChartPoint {
            label: format!("{:02}", i + 1),
            outcome: f(m.outcome_to_date),
            target: f(m.budget_to_date),
            pace: f(path(i)),
        })
        .collect()
}

fn saved_view(row: &economy_forecast::Model, unit: MoneyUnit) -> Result<SavedForecast, ServiceError> {
    let in_kr: Decimal = (row.amount.parse()).map_err(|_| ServiceError::Corrupt(format!("forecast {}", row.amount)))?;
    let amount = in_unit(Some(in_kr), unit).unwrap_or(in_kr);
    Ok(SavedForecast {
        kind: row.unit_kind,
        unit: row.unit.clone(),
        month: u8::try_from(row.month).unwrap_or(0),
        method: row.method.clone(),
        amount,
        comment: row.comment.clone(),
        made_by: row.made_by.clone(),
        made_at: row.made_at,
    })
}

/// Saves a forecast of the year for the council or one of its units (editors): the amount
/// its method gives at the latest booked month, or the amount typed for `manual`, in the
/// view's unit. Kept beside earlier forecasts, audited.
pub async fn save_forecast(
    db: &DatabaseConnection,
    ctx: &TenantContext,
    council: &str,
    input: ForecastInput,
) -> Result<SavedForecast, ServiceError> {
    ctx.require(Role::Editor)?;
    let method = ForecastMethod::parse(&input.method).ok_or_else(|| {
        let allowed = ForecastMethod::ALL.map(|m| m.as_str().to_owned()).to_vec();
        ServiceError::invalid(
            "method",
            Message::NotOneOf {
                text: crate::model::echo(&input.method),
                allowed,
            },
        )
    })?;
    let comment = validate::text("comment", &input.comment, MAX_COMMENT)?.to_owned();
    let view = follow_up(db, ctx.scope(), council, Some(input.year), None, None).await?;
    let unit = MoneyUnit::parse(&view.unit).unwrap_or(MoneyUnit::Tkr);
    let line = (view.lines.iter())
        .find(|l| l.kind == input.kind && l.name == input.unit)
        .ok_or(ServiceError::NotFound)?;
    let amount = match method {
        ForecastMethod::Manual => {
            let typed = input.amount.as_deref().unwrap_or_default();
            if typed.trim().is_empty() {
                return Err(ServiceError::invalid("amount", Message::Required));
            }
            engine::parse_number(typed).map_err(|e| ServiceError::invalid("amount", (&e).into()))?
        }
        _ => (line.forecasts.iter())
            .find(|f| f.method == method.as_str())
            .and_then(|f| f.year)
            .ok_or_else(|| ServiceError::invalid("method", Message::Required))?,
    };
    let in_kr = amount
        .checked_mul(unit.factor())
        .ok_or_else(|| ServiceError::invalid("amount", Message::SumTooLarge))?;
    let scope = ctx.scope();
    let council_id = crate::db::repo::councils::find_by_slug(db, scope, council)
        .await?
        .ok_or(ServiceError::NotFound)?
        .id;
    let row = economy_forecast::Model {
        tenant_id: scope.tenant_id(),
        id: Uuid::now_v7(),
        council_id,
        year: input.year,
        month: i16::from(view.through),
        unit_kind: input.kind,
        unit: input.unit.clone(),
        method: method.as_str().to_owned(),
        amount: in_kr.normalize().to_string(),
        comment,
        made_by: ctx.actor().to_owned(),
        made_at: chrono::Utc::now(),
    };
    let txn = db.begin().await?;
    tenants::touch(&txn, scope).await?;
    rows::insert(&txn, scope, vec![row.clone()]).await?;
    let entry = AuditEntry {
        actor: ctx.actor(),
        action: "create",
        entity_type: "economy_forecast",
        entity_id: Some(row.id.to_string()),
        old_value: None,
        new_value: Some(json_text(&serde_json::json!({
            "council": council, "year": row.year, "month": row.month, "unit": row.unit,
            "method": row.method, "amount": row.amount, "comment": row.comment,
        }))),
    };
    audit::record(&txn, scope, entry).await?;
    txn.commit().await?;
    saved_view(&row, unit)
}
