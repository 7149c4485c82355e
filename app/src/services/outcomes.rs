//! Entering outcomes and forecasts in bulk: a CSV or XLSX file (format in
//! `exchange::outcomes`), checked completely, then written in one transaction.

use std::collections::HashMap;
use std::sync::Arc;

use sea_orm::sea_query::OnConflict;
use sea_orm::{ConnectionTrait, DatabaseConnection, EntityTrait, TransactionTrait};

use super::ServiceError;
use super::context::TenantContext;
use super::file_check::{self, ProgressFn, rejected};
use super::value_entry::{VALUE_ENTITY, stored_periodicity, value_entity_id};
use crate::db::TenantScope;
use crate::db::entities::indicator_value;
use crate::db::repo::audit::{self, AuditEntry};
use crate::db::repo::rows;
use crate::domain::{Gender, ValueKind};
pub use crate::exchange::outcome_file::FileFormat;
use crate::exchange::outcome_file::Limits;
use crate::exchange::outcomes::{Checker, IndicatorRef, OutcomeRow};
use crate::model::{ImportPhase, Message, OutcomeImportSummary, Role};

/// Told how far an import has come: the phase, rows done, rows in all.
pub type Progress = Arc<dyn Fn(ImportPhase, usize, usize) + Send + Sync>;

/// A stored value's key: indicator, period, kind, gender.
type ValueKey = (uuid::Uuid, String, ValueKind, Gender);

/// Rows per upsert statement (9 columns each).
const ROWS_PER_UPSERT: usize = 1000;

/// Reads and checks a whole file (CPU work: run it off the async workers). The rows to
/// write, or every problem (the first `MAX_LISTED_PROBLEMS` listed).
fn check_file(
    bytes: &[u8],
    format: FileFormat,
    indicators: &HashMap<String, IndicatorRef>,
    progress: &ProgressFn,
) -> Result<Vec<OutcomeRow>, ServiceError> {
    let make = |header: &[String]| Checker::new(header, indicators);
    let checker = file_check::check_file(bytes, format, &Limits::DEFAULT, make, Message::FileEmpty, progress)?;
    if checker.problem_count > 0 {
        return Err(rejected(checker.problems, checker.problem_count));
    }
    Ok(checker.rows)
}

/// Checks every row of the file against the tenant's indicators, then writes all of them
/// or none. `progress` is told as rows are checked and written.
pub async fn import(
    db: &DatabaseConnection,
    scope: TenantScope,
    actor: &str,
    bytes: Vec<u8>,
    format: FileFormat,
    progress: Progress,
) -> Result<OutcomeImportSummary, ServiceError> {
    let indicators: HashMap<String, IndicatorRef> = rows::indicators(db, scope)
        .await?
        .into_iter()
        .map(|i| {
            let periodicity = stored_periodicity(&i)?;
            Ok((i.code, IndicatorRef { id: i.id, periodicity }))
        })
        .collect::<Result<_, ServiceError>>()?;
    let checking = progress.clone();
    let rows_to_write = tokio::task::spawn_blocking(move || check_file(&bytes, format, &indicators, &*checking))
        .await
        .map_err(|e| ServiceError::Task(e.to_string()))??;
    write(db, scope, actor, rows_to_write, &*progress).await
}

async fn write(
    db: &DatabaseConnection,
    scope: TenantScope,
    actor: &str,
    rows_to_write: Vec<OutcomeRow>,
    progress: &ProgressFn,
) -> Result<OutcomeImportSummary, ServiceError> {
    progress(ImportPhase::Writing, 0, rows_to_write.len());
    let txn = db.begin().await?;
    // A write first, so the transaction starts as a writer (see plan_decisions::lock_draft).
    crate::db::repo::tenants::touch(&txn, scope).await?;
    let mut ids: Vec<uuid::Uuid> = rows_to_write.iter().map(|r| r.indicator_id).collect();
    ids.sort();
    ids.dedup();
    let existing: HashMap<ValueKey, (String, Option<String>)> = rows::values_of(&txn, scope, ids)
        .await?
        .into_iter()
        .map(|v| ((v.indicator_id, v.period, v.kind, v.gender), (v.value, v.comment)))
        .collect();
    let now = chrono::Utc::now();
    let total = rows_to_write.len();
    let mut summary = OutcomeImportSummary {
        rows: total,
        ..Default::default()
    };
    let mut batch = Vec::with_capacity(ROWS_PER_UPSERT);
    let mut changes = Vec::new();
    for (done, row) in rows_to_write.into_iter().enumerate() {
        let model = indicator_value::Model {
            tenant_id: scope.tenant_id(),
            indicator_id: row.indicator_id,
            period: row.period.to_string(),
            kind: row.kind,
            gender: row.gender,
            value: row.value.to_string(),
            comment: row.comment,
            updated_at: now,
            updated_by: actor.to_owned(),
        };
        let key = (model.indicator_id, model.period.clone(), model.kind, model.gender);
        match existing.get(&key) {
            None => summary.inserted += 1,
            Some((value, comment)) if *value == model.value && *comment == model.comment => {
                summary.unchanged += 1;
                continue;
            }
            Some((value, _)) => {
                summary.updated += 1;
                changes.push((
                    value_entity_id(key.0, &key.1, key.2, key.3),
                    value.clone(),
                    model.value.clone(),
                ));
            }
        }
        batch.push(indicator_value::ActiveModel::from(model));
        if batch.len() == ROWS_PER_UPSERT {
            upsert(&txn, std::mem::take(&mut batch)).await?;
            progress(ImportPhase::Writing, done + 1, total);
        }
    }
    if !batch.is_empty() {
        upsert(&txn, batch).await?;
    }
    progress(ImportPhase::Writing, total, total);
    // Changed values keep their old value in the log; new ones are summarised.
    for (entity_id, old, new) in changes {
        let entry = AuditEntry {
            actor,
            action: "update",
            entity_type: VALUE_ENTITY,
            entity_id: Some(entity_id),
            old_value: Some(old),
            new_value: Some(new),
        };
        audit::record(&txn, scope, entry).await?;
    }
    let entry = AuditEntry {
        actor,
        action: "import",
        entity_type: "indicator_values",
        entity_id: None,
        old_value: None,
        new_value: Some(crate::exchange::import::json_text(&summary)),
    };
    audit::record(&txn, scope, entry).await?;
    txn.commit().await?;
    Ok(summary)
}

async fn upsert(db: &impl ConnectionTrait, batch: Vec<indicator_value::ActiveModel>) -> Result<(), ServiceError> {
    use indicator_value::Column;
    indicator_value::Entity::insert_many(batch)
        .on_conflict(
            OnConflict::columns([
                Column::TenantId,
                Column::IndicatorId,
                Column::Period,
                Column::Kind,
                Column::Gender,
            ])
            .update_columns([Column::Value, Column::Comment, Column::UpdatedAt, Column::UpdatedBy])
            .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    Ok(())
}

/// An import by a signed-in user: editors and admins of the tenant.
pub async fn import_for(
    db: &DatabaseConnection,
    ctx: &TenantContext,
    bytes: Vec<u8>,
    format: FileFormat,
    progress: Progress,
) -> Result<OutcomeImportSummary, ServiceError> {
    ctx.require(Role::Editor)?;
    import(db, ctx.scope(), ctx.actor(), bytes, format, progress).await
}
