//! Volume × price scenarios on a council's published volumes and à-priser: the lines of a
//! year are the kinds of care both tables print for it (matched by label), costed at
//! volume × price; the user's changes are applied by the budget engine.

use engine::economy::{Figure, Role, ScenarioChange, ScenarioError, Table, TableKind, VolumePrice, scenario};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use sea_orm::DatabaseConnection;

use super::{Stored, stored};
use crate::db::TenantScope;
use crate::model::{Message, ScenarioInput, ScenarioLineView, ScenarioView};
use crate::services::ServiceError;

/// The whole-year column of `table` for `year`: budget, else plan, else outcome.
fn column(table: &Table, year: i32) -> Option<usize> {
    [Figure::Budget, Figure::Plan, Figure::Outcome]
        .into_iter()
        .find_map(|figure| table.year_column(figure, year))
}

fn tables(stored: &Stored) -> Option<(&Table, &Table)> {
    let of = |kind| stored.tables.iter().find(|t| t.kind == kind);
    Some((of(TableKind::Volumes)?, of(TableKind::Prices)?))
}

/// The year's lines: volume and price in kronor for each label both tables print.
fn base(volumes: &Table, prices: &Table, year: i32) -> Option<Vec<VolumePrice>> {
    let (v, p) = (column(volumes, year)?, column(prices, year)?);
    let lines = (volumes.rows.iter().filter(|r| r.role == Role::Part))
        .filter_map(|row| {
            let price_row = prices.rows.iter().find(|r| r.label == row.label)?;
            Some(VolumePrice {
                label: row.label.clone(),
                volume: row.value(v)?,
                price: prices.in_kr(price_row.value(p)?)?,
            })
        })
        .collect();
    Some(lines)
}

fn amount(field: &'static str, text: &str) -> Result<Option<Decimal>, ServiceError> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    let value = engine::parse_number(text).map_err(|e| ServiceError::invalid(field, (&e).into()))?;
    if value.is_sign_negative() {
        let value = value.floor().to_i64().unwrap_or(i64::MIN);
        return Err(ServiceError::invalid(field, Message::AtLeast { min: 0, value }));
    }
    Ok(Some(value))
}

/// The council's `year` (by default the latest it budgets) with `changes` (any role of the
/// tenant: nothing is saved). No lines where the council publishes no volumes and prices;
/// not found for a year they do not cover.
pub async fn volume_scenario(
    db: &DatabaseConnection,
    scope: TenantScope,
    council: &str,
    year: Option<i32>,
    changes: &[ScenarioInput],
) -> Result<ScenarioView, ServiceError> {
    const MAX_CHANGES: usize = 1000;
    if changes.len() > MAX_CHANGES {
        let message = Message::AtMost {
            max: MAX_CHANGES as i64,
            value: i64::try_from(changes.len()).unwrap_or(i64::MAX),
        };
        return Err(ServiceError::invalid("changes", message));
    }
    let stored = stored(db, scope, council).await?;
    let Some((volumes, prices)) = tables(&stored) else {
        return Ok(ScenarioView {
            council: stored.council.clone(),
            council_slug: stored.council_slug.clone(),
            year: year.unwrap_or_default(),
            years: Vec::new(),
            unit: stored.unit.as_str().to_owned(),
            volume_source: String::new(),
            price_source: String::new(),
            lines: Vec::new(),
            base_cost: Decimal::ZERO,
            cost: Decimal::ZERO,
            effect: Decimal::ZERO,
        });
    };
    let years = (volumes.columns.iter())
        .filter_map(|c| c.year)
        .filter(|y| column(prices, *y).is_some() && column(volumes, *y).is_some())
        .fold(Vec::new(), |mut years, y| {
            if !years.contains(&y) {
                years.push(y);
            }
            years
        });
    let budgeted = |y: &&i32| volumes.year_column(Figure::Budget, **y).is_some();
    let year = year
        .or_else(|| years.iter().rev().find(budgeted).or(years.last()).copied())
        .ok_or(ServiceError::NotFound)?;
    let base = base(volumes, prices, year).ok_or(ServiceError::NotFound)?;
    let changes = (changes.iter())
        .map(|c| {
            Ok(ScenarioChange {
                line: c.line,
                volume: amount("volume", &c.volume)?,
                price: amount("price", &c.price)?,
            })
        })
        .collect::<Result<Vec<_>, ServiceError>>()?;
    let result = scenario(&base, &changes).map_err(|e| match e {
        ScenarioError::NoSuchLine(line) => ServiceError::invalid(
            "line",
            Message::AtMost {
                max: base.len() as i64 - 1,
                value: line as i64,
            },
        ),
        ScenarioError::Overflow(_) => ServiceError::invalid("volume", Message::SumTooLarge),
    })?;
    let unit = stored.unit;
    let shown = |kr: Decimal| kr.checked_div(unit.factor()).unwrap_or_default().normalize();
    let source = |table: &Table| {
        let label = column(table, year)
            .map(|c| table.columns[c].label.clone())
            .unwrap_or_default();
        format!("{} › {label}", table.title)
    };
    Ok(ScenarioView {
        council: stored.council.clone(),
        council_slug: stored.council_slug.clone(),
        year,
        years,
        unit: unit.as_str().to_owned(),
        volume_source: source(volumes),
        price_source: source(prices),
        lines: (result.lines.iter().zip(&base))
            .map(|(line, before)| ScenarioLineView {
                label: line.label.clone(),
                base_volume: before.volume,
                base_price: before.price,
                volume: line.volume,
                price: line.price,
                base_cost: shown(line.base_cost),
                cost: shown(line.cost),
                effect: shown(line.effect),
            })
            .collect(),
        base_cost: shown(result.base_cost),
        cost: shown(result.cost),
        effect: shown(result.effect),
    })
}
