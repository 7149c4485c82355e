//! Editors enter outcomes, forecasts and comments for one indicator in a sheet: a row per
//! period, columns for the total and women/men outcome and the forecast. Each changed cell
//! carries what the sheet showed; if someone changed it since, the save is a conflict and
//! nothing is written. Every change is audited with its old and new value.

use std::collections::HashMap;

use rust_decimal::Decimal;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, TransactionTrait,
};
use uuid::Uuid;

use super::ServiceError;
use super::context::TenantContext;
use crate::db::TenantScope;
use crate::db::entities::indicator;
use crate::db::entities::indicator_value::{self, Column};
use crate::db::repo::audit::{self, AuditEntry};
use crate::db::repo::{indicators, rows};
use crate::domain::{Gender, IndicatorId, PlanId, ValueKind};
use crate::exchange::Problem;
use crate::exchange::validate::period_mismatch;
use crate::model::{
    FieldChange, HistoryEntry, Known, Location, Message, Place, Role, SHEET_COLUMNS, Thing, ValueEdit, ValueRow,
    ValueSheet, echo,
};
use engine::{Period, Periodicity, parse_number};

pub(super) const VALUE_ENTITY: &str = "indicator_value";
const MAX_COMMENT: usize = 2000;
const HISTORY_LENGTH: u64 = 50;

/// The audit log's id for one stored value.
pub(super) fn value_entity_id(indicator: Uuid, period: &str, kind: ValueKind, gender: Gender) -> String {
    format!("{indicator}/{period}/{kind}/{gender}")
}

/// The sheet for an indicator, by code. Editors and admins; another tenant's code is not
/// found.
pub async fn load(db: &DatabaseConnection, ctx: &TenantContext, code: &str) -> Result<ValueSheet, ServiceError> {
    ctx.require(Role::Editor)?;
    let scope = ctx.scope();
    let indicator = indicators::find_by_code(db, scope, code)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let plan = rows::find_plan(db, scope, PlanId::from_uuid(indicator.plan_id))
        .await?
        .ok_or_else(|| ServiceError::Corrupt(format!("indicator {code} without plan")))?;
    let periodicity = stored_periodicity(&indicator)?;
    let stored = rows::values_of(db, scope, vec![indicator.id]).await?;

    let mut periods: Vec<Period> = (plan.first_year..=plan.last_year)
        .flat_map(|year| periods_of_year(year, periodicity))
        .collect();
    for value in &stored {
        let period: Period = value
            .period
            .parse()
            .map_err(|e| ServiceError::Corrupt(format!("stored period {}: {e}", value.period)))?;
        periods.push(period);
    }
    periods.sort();
    periods.dedup();

    let rows = value_rows(periods, &stored);
    let prefix = format!("{}/", indicator.id);
    let history = audit::for_entity_prefix(db, scope, VALUE_ENTITY, &prefix, HISTORY_LENGTH)
        .await?
        .into_iter()
        .map(|e| HistoryEntry {
            at: e.at.format("%Y-%m-%d %H:%M").to_string(),
            changes: vec![FieldChange {
                field: e
                    .entity_id
                    .as_deref()
                    .and_then(|id| id.strip_prefix(&prefix))
                    .unwrap_or_default()
                    .to_owned(),
                old: e.old_value.unwrap_or_default(),
                new: e.new_value.unwrap_or_default(),
            }],
            actor: e.actor,
            action: e.action,
        })
        .collect();
    Ok(ValueSheet {
        indicator_id: IndicatorId::from_uuid(indicator.id),
        code: indicator.code,
        name: indicator.name,
        unit: indicator.unit,
        plan_id: PlanId::from_uuid(plan.id),
        plan_name: plan.name,
        rows,
        history,
    })
}

/// One row per period with the stored values and comments in [`SHEET_COLUMNS`] order.
pub(super) fn value_rows(periods: Vec<Period>, stored: &[indicator_value::Model]) -> Vec<ValueRow> {
    let by_key: HashMap<(&str, ValueKind, Gender), &indicator_value::Model> = stored
        .iter()
        .map(|v| ((v.period.as_str(), v.kind, v.gender), v))
        .collect();
    periods
        .into_iter()
        .map(|period| {
            let period = period.to_string();
            let cell = |(kind, gender): (ValueKind, Gender)| by_key.get(&(period.as_str(), kind, gender)).copied();
            ValueRow {
                values: SHEET_COLUMNS
                    .iter()
                    .map(|c| cell(*c).map(|v| v.value.clone()))
                    .collect(),
                comments: SHEET_COLUMNS
                    .iter()
                    .map(|c| cell(*c).and_then(|v| v.comment.clone()))
                    .collect(),
                period,
            }
        })
        .collect()
}

/// An indicator's stored periodicity; a name the engine does not know is corrupt data.
pub(super) fn stored_periodicity(indicator: &indicator::Model) -> Result<Periodicity, ServiceError> {
    (indicator.periodicity())
        .map_err(|e| ServiceError::Corrupt(format!("indicator {}: periodicity: {e}", indicator.code)))
}

pub(super) fn periods_of_year(year: i32, periodicity: Periodicity) -> Vec<Period> {
    match periodicity {
        Periodicity::Year => Period::year_of(year).into_iter().collect(),
        _ => (1..=periodicity.per_year())
            .filter_map(|index| Period::new(year, periodicity, index).ok())
            .collect(),
    }
}

/// A checked edit: the cell, what it held when the sheet was loaded, what it gets.
struct Change {
    period: String,
    kind: ValueKind,
    gender: Gender,
    expected: Option<String>,
    expected_comment: Option<String>,
    /// `None` removes the value.
    new: Option<(Decimal, Option<String>)>,
}

fn check(edits: Vec<ValueEdit>, periodicity: Periodicity) -> Result<Vec<Change>, ServiceError> {
    let mut problems = Vec::new();
    let mut changes = Vec::new();
    for edit in edits {
        let Some(&(kind, gender)) = SHEET_COLUMNS.iter().find(|(k, g)| *k == edit.kind && *g == edit.gender) else {
            let message = Message::Unknown {
                what: Known::Column,
                value: format!("{}/{}", edit.kind, edit.gender),
            };
            problems.push(Problem::new(
                Place::Period {
                    period: echo(&edit.period),
                },
                message,
            ));
            continue;
        };
        let location = Location::of(Place::Value {
            period: echo(&edit.period),
            kind,
            gender,
        });
        let before = problems.len();
        match edit.period.parse::<Period>() {
            Ok(period) => {
                if let Some(message) = period_mismatch(periodicity, period) {
                    problems.push(Problem::new(location.clone(), message));
                }
            }
            Err(e) => problems.push(Problem::new(location.clone(), (&e).into())),
        }
        let comment_set = edit.comment.is_some();
        let typed_comment = edit.comment.map(|c| c.trim().to_owned()).filter(|c| !c.is_empty());
        let length = typed_comment.as_ref().map_or(0, |c| c.chars().count());
        if length > MAX_COMMENT {
            let message = Message::TooLong {
                max: MAX_COMMENT,
                length,
            };
            problems.push(Problem::new(location.field("comment"), message));
        }
        let comment_given = typed_comment.is_some();
        let comment = if comment_set {
            typed_comment
        } else {
            edit.expected_comment.clone()
        };
        let new = if edit.text.trim().is_empty() {
            if comment_given {
                problems.push(Problem::new(location.clone(), Message::CommentNeedsValue));
            }
            None
        } else {
            match parse_number(&edit.text) {
                Ok(value) => Some((value, comment)),
                Err(e) => {
                    problems.push(Problem::new(location.clone(), (&e).into()));
                    None
                }
            }
        };
        if problems.len() == before {
            changes.push(Change {
                period: edit.period,
                kind,
                gender,
                expected: edit.expected,
                expected_comment: edit.expected_comment,
                new,
            });
        }
    }
    if problems.is_empty() {
        Ok(changes)
    } else {
        Err(ServiceError::Rejected(problems))
    }
}

/// Saves changed cells of an indicator's sheet, all or none, and returns the sheet anew.
pub async fn save(
    db: &DatabaseConnection,
    ctx: &TenantContext,
    code: &str,
    edits: Vec<ValueEdit>,
) -> Result<ValueSheet, ServiceError> {
    write_edits(db, ctx, code, edits).await?;
    load(db, ctx, code).await
}

/// Saves one cell of a plan's sheet (see [`save`]); returns its period's row as now stored.
pub async fn save_cell(
    db: &DatabaseConnection,
    ctx: &TenantContext,
    code: &str,
    edit: ValueEdit,
) -> Result<ValueRow, ServiceError> {
    let period: Period = (edit.period.parse()).map_err(|_| {
        ServiceError::invalid(
            "period",
            Message::NotAPeriod {
                text: echo(&edit.period),
            },
        )
    })?;
    let indicator = write_edits(db, ctx, code, vec![edit]).await?;
    let stored = rows::values_of(db, ctx.scope(), vec![indicator.id]).await?;
    let own: Vec<_> = stored.into_iter().filter(|v| v.period == period.to_string()).collect();
    Ok(value_rows(vec![period], &own).remove(0))
}

/// Checks and writes the edits, all or none; returns the indicator.
async fn write_edits(
    db: &DatabaseConnection,
    ctx: &TenantContext,
    code: &str,
    edits: Vec<ValueEdit>,
) -> Result<indicator::Model, ServiceError> {
    ctx.require(Role::Editor)?;
    let scope = ctx.scope();
    let indicator = indicators::find_by_code(db, scope, code)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let changes = check(edits, stored_periodicity(&indicator)?)?;

    let txn = db.begin().await?;
    // A write first, so the transaction starts as a writer (see plan_decisions::lock_draft).
    crate::db::repo::tenants::touch(&txn, scope).await?;
    let current: HashMap<(String, ValueKind, Gender), (String, Option<String>)> =
        rows::values_of(&txn, scope, vec![indicator.id])
            .await?
            .into_iter()
            .map(|v| ((v.period, v.kind, v.gender), (v.value, v.comment)))
            .collect();
    // Sorted and once each: a period changed in several columns is named once.
    let stale: std::collections::BTreeSet<&str> = changes
        .iter()
        .filter(|c| {
            let now = current.get(&(c.period.clone(), c.kind, c.gender));
            now.map(|(v, _)| v) != c.expected.as_ref()
                || now.and_then(|(_, comment)| comment.as_ref()) != c.expected_comment.as_ref()
        })
        .map(|c| c.period.as_str())
        .collect();
    if !stale.is_empty() {
        let periods: Vec<&str> = stale.into_iter().collect();
        return Err(ServiceError::stale(Thing::Values, Some(&periods.join(", "))));
    }
    for change in &changes {
        write(&txn, scope, indicator.id, change, ctx.actor()).await?;
    }
    txn.commit().await?;
    Ok(indicator)
}

/// Writes one cell only if it still holds what the sheet showed (so a save racing another
/// cannot overwrite it), and audits the change.
async fn write(
    txn: &impl ConnectionTrait,
    scope: TenantScope,
    indicator: Uuid,
    change: &Change,
    actor: &str,
) -> Result<(), ServiceError> {
    let unchanged = Condition::all()
        .add(Column::TenantId.eq(scope.tenant_id()))
        .add(Column::IndicatorId.eq(indicator))
        .add(Column::Period.eq(change.period.as_str()))
        .add(Column::Kind.eq(change.kind))
        .add(Column::Gender.eq(change.gender))
        .add(Column::Value.eq(change.expected.clone().unwrap_or_default()))
        .add(match &change.expected_comment {
            Some(comment) => Column::Comment.eq(comment.as_str()),
            None => Column::Comment.is_null(),
        });
    let now = chrono::Utc::now();
    let new_value = change.new.as_ref().map(|(value, _)| value.to_string());
    let affected = match (&change.expected, &change.new) {
        (None, None) => return Ok(()),
        (None, Some((value, comment))) => {
            let row = indicator_value::Model {
                tenant_id: scope.tenant_id(),
                indicator_id: indicator,
                period: change.period.clone(),
                kind: change.kind,
                gender: change.gender,
                value: value.to_string(),
                comment: comment.clone(),
                updated_at: now,
                updated_by: actor.to_owned(),
            };
            indicator_value::Entity::insert(indicator_value::ActiveModel::from(row))
                .exec_without_returning(txn)
                .await
                .map_err(|_| {
                    ServiceError::conflict(Message::StaleAdded {
                        what: Thing::Values,
                        period: change.period.clone(),
                    })
                })?
        }
        (Some(_), None) => {
            indicator_value::Entity::delete_many()
                .filter(unchanged)
                .exec(txn)
                .await?
                .rows_affected
        }
        (Some(_), Some((value, comment))) => {
            indicator_value::Entity::update_many()
                .col_expr(Column::Value, Expr::value(value.to_string()))
                .col_expr(Column::Comment, Expr::value(comment.clone()))
                .col_expr(Column::UpdatedAt, Expr::value(now))
                .col_expr(Column::UpdatedBy, Expr::value(actor.to_owned()))
                .filter(unchanged)
                .exec(txn)
                .await?
                .rows_affected
        }
    };
    if affected != 1 {
        return Err(ServiceError::stale(Thing::Values, Some(&change.period)));
    }
    let action = match (&change.expected, &new_value) {
        (None, _) => "create",
        (_, None) => "delete",
        _ => "update",
    };
    audit::record(
        txn,
        scope,
        AuditEntry {
            actor,
            action,
            entity_type: VALUE_ENTITY,
            entity_id: Some(value_entity_id(indicator, &change.period, change.kind, change.gender)),
            old_value: change.expected.clone(),
            new_value,
        },
    )
    .await?;
    Ok(())
}
