//! Councils' economies to and from the database. A table is one row: its kind, title,
//! source and unit in columns of their own, its columns and rows as JSON in `content`,
//! every figure an exact decimal as published. An action plan is one row of JSON.

use std::collections::HashMap;

use engine::economy::{Column, MoneyUnit, Row, Table, TableKind};
use sea_orm::ConnectionTrait;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::ExchangeError;
use super::document::{ActionPlan, Economy};
use super::export::{corrupt, from_json};
use super::import::json_text;
use crate::db::TenantScope;
use crate::db::entities::{action_plan, economy_table};
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
        };
        if !economy.tables.is_empty() || !economy.action_plans.is_empty() {
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
    let mut table_rows = Vec::new();
    let mut plan_rows = Vec::new();
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
    }
    rows::insert(db, scope, table_rows).await?;
    rows::insert(db, scope, plan_rows).await?;
    Ok(())
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
