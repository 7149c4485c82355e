//! Councils' economies to and from the database. A table is one row: its kind, title,
//! source and unit in columns of their own, its columns and rows as JSON in `content`,
//! every figure an exact decimal as published. An action plan is one row of JSON; ledger
//! sums and forecasts are rows of their own.

use std::collections::HashMap;

use engine::economy::{Column, MoneyUnit, Row, Table, TableKind};
use sea_orm::ConnectionTrait;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::ExchangeError;
use super::document::{ActionPlan, Economy, ForecastEntry, LedgerEntry};
use super::export::{corrupt, from_json};
use super::import::json_text;
use crate::db::TenantScope;
use crate::db::entities::{action_plan, economy_forecast, economy_table, ledger_outcome};
use crate::db::repo::rows;
use crate::model::{Known, Message};

#[derive(Serialize, Deserialize)]
struct Content {
    columns: Vec<Column>,
    rows: Vec<Row>,
}

/// A stored table.
pub fn table_of(row: &economy_table::Model) -> Result<Table, ExchangeError> {
    let content: Content = from_json(&row.content)?;
    Ok(Table {
        key: row.key.clone(),
        kind: TableKind::parse(&row.kind).ok_or_else(|| corrupt(format!("table kind {}", row.kind)))?,
        title: row.title.clone(),
        source: row.source.clone(),
        unit: MoneyUnit::parse(&row.unit).ok_or_else(|| corrupt(format!("table unit {}", row.unit)))?,
        columns: content.columns,
        rows: content.rows,
    })
}

pub fn action_plan_of(row: &action_plan::Model) -> Result<ActionPlan, ExchangeError> {
    from_json(&row.content)
}

/// Every council's economy, councils in the order of `councils` (id, slug), tables and
/// action plans in their order; councils without either are left out.
pub async fn read(
    db: &impl ConnectionTrait,
    scope: TenantScope,
    councils: &[(Uuid, String)],
) -> Result<Vec<Economy>, ExchangeError> {
    let mut tables = rows::economy_tables(db, scope).await?;
    tables.sort_by_key(|t| t.position);
    let mut plans = rows::action_plans(db, scope).await?;
    plans.sort_by_key(|p| p.position);
    let mut ledger = rows::ledger_outcomes(db, scope).await?;
    ledger.sort_by(|a, b| {
        (a.year, a.month, a.unit_kind, &a.unit, a.class).cmp(&(b.year, b.month, b.unit_kind, &b.unit, b.class))
    });
    let mut forecasts = rows::economy_forecasts(db, scope).await?;
    forecasts.sort_by_key(|f| (f.made_at, f.id));
    let mut economies = Vec::new();
    for (id, slug) in councils {
        let economy = Economy {
            council: slug.clone(),
            tables: (tables.iter().filter(|t| t.council_id == *id))
                .map(table_of)
                .collect::<Result<_, _>>()?,
            action_plans: (plans.iter().filter(|p| p.council_id == *id))
                .map(action_plan_of)
                .collect::<Result<_, _>>()?,
            ledger: (ledger.iter().filter(|l| l.council_id == *id))
                .map(ledger_entry_of)
                .collect::<Result<_, _>>()?,
            forecasts: (forecasts.iter().filter(|f| f.council_id == *id))
                .map(forecast_entry_of)
                .collect::<Result<_, _>>()?,
        };
        let empty = economy.tables.is_empty()
            && economy.action_plans.is_empty()
            && economy.ledger.is_empty()
            && economy.forecasts.is_empty();
        if !empty {
            economies.push(economy);
        }
    }
    Ok(economies)
}

/// Writes `economies` (validated) for the councils in `council_ids` by slug.
pub async fn write(
    db: &impl ConnectionTrait,
    scope: TenantScope,
    economies: &[Economy],
    council_ids: &HashMap<String, Uuid>,
) -> Result<(), ExchangeError> {
    let (mut table_rows, mut plan_rows) = (Vec::new(), Vec::new());
    let (mut ledger_rows, mut forecast_rows) = (Vec::new(), Vec::new());
    for economy in economies {
        let council_id = *council_ids.get(&economy.council).ok_or_else(|| {
            let message = Message::Unknown {
                what: Known::Council,
                value: economy.council.clone(),
            };
            ExchangeError::invalid("economies.council", message)
        })?;
        for (position, table) in economy.tables.iter().enumerate() {
            table_rows.push(table_row(scope, council_id, position as i32, table));
        }
        for (position, plan) in economy.action_plans.iter().enumerate() {
            plan_rows.push(action_plan::Model {
                tenant_id: scope.tenant_id(),
                id: Uuid::now_v7(),
                council_id,
                key: plan.key.clone(),
                content: json_text(plan),
                position: position as i32,
                revision: 1,
            });
        }
        for entry in &economy.ledger {
            ledger_rows.push(ledger_outcome::Model {
                tenant_id: scope.tenant_id(),
                id: Uuid::now_v7(),
                council_id,
                year: entry.year,
                month: i16::from(entry.month),
                unit_kind: entry.unit_kind,
                unit: entry.unit.clone(),
                class: entry.class,
                amount: entry.amount.normalize().to_string(),
                rows: i64::try_from(entry.rows).unwrap_or(i64::MAX),
                imported_by: entry.imported_by.clone(),
                imported_at: entry.imported_at,
            });
        }
        for entry in &economy.forecasts {
            forecast_rows.push(economy_forecast::Model {
                tenant_id: scope.tenant_id(),
                id: Uuid::now_v7(),
                council_id,
                year: entry.year,
                month: i16::from(entry.month),
                unit_kind: entry.unit_kind,
                unit: entry.unit.clone(),
                method: entry.method.clone(),
                amount: entry.amount.normalize().to_string(),
                comment: entry.comment.clone(),
                made_by: entry.made_by.clone(),
                made_at: entry.made_at,
            });
        }
    }
    rows::insert(db, scope, table_rows).await?;
    rows::insert(db, scope, plan_rows).await?;
    rows::insert(db, scope, ledger_rows).await?;
    rows::insert(db, scope, forecast_rows).await?;
    Ok(())
}

fn decimal(text: &str, what: &str) -> Result<rust_decimal::Decimal, ExchangeError> {
    text.parse().map_err(|_| corrupt(format!("{what} {text}")))
}

fn month_of(month: i16) -> Result<u8, ExchangeError> {
    u8::try_from(month).map_err(|_| corrupt(format!("month {month}")))
}

fn ledger_entry_of(row: &ledger_outcome::Model) -> Result<LedgerEntry, ExchangeError> {
    Ok(LedgerEntry {
        year: row.year,
        month: month_of(row.month)?,
        unit_kind: row.unit_kind,
        unit: row.unit.clone(),
        class: row.class,
        amount: decimal(&row.amount, "ledger amount")?,
        rows: u64::try_from(row.rows).unwrap_or(0),
        imported_by: row.imported_by.clone(),
        imported_at: row.imported_at,
    })
}

fn forecast_entry_of(row: &economy_forecast::Model) -> Result<ForecastEntry, ExchangeError> {
    Ok(ForecastEntry {
        year: row.year,
        month: month_of(row.month)?,
        unit_kind: row.unit_kind,
        unit: row.unit.clone(),
        method: row.method.clone(),
        amount: decimal(&row.amount, "forecast amount")?,
        comment: row.comment.clone(),
        made_by: row.made_by.clone(),
        made_at: row.made_at,
    })
}

pub fn table_row(scope: TenantScope, council_id: Uuid, position: i32, table: &Table) -> economy_table::Model {
    let content = Content {
        columns: table.columns.clone(),
        rows: table.rows.clone(),
    };
    economy_table::Model {
        tenant_id: scope.tenant_id(),
        id: Uuid::now_v7(),
        council_id,
        key: table.key.clone(),
        kind: table.kind.as_str().to_owned(),
        title: table.title.clone(),
        source: table.source.clone(),
        unit: table.unit.as_str().to_owned(),
        content: json_text(&content),
        position,
        revision: 1,
    }
}
