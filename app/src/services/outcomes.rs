//! Entering outcomes and forecasts in bulk: a CSV or XLSX file (format in
//! `exchange::outcomes`), checked completely, then written in one transaction.

use std::collections::HashMap;
use std::io::Cursor;

use sea_orm::sea_query::OnConflict;
use sea_orm::{ConnectionTrait, DatabaseConnection, EntityTrait, TransactionTrait};

use super::ServiceError;
use super::auth::AuthContext;
use super::value_entry::{VALUE_ENTITY, value_entity_id};
use crate::db::TenantScope;
use crate::db::entities::indicator_value;
use crate::db::repo::audit::{self, AuditEntry};
use crate::db::repo::rows;
use crate::exchange::Problem;
use crate::exchange::import::enum_text;
use crate::exchange::outcomes::{Checker, IndicatorRef, MAX_LISTED_PROBLEMS, OutcomeRow, RowProblem};
use crate::model::{ImportPhase, OutcomeImportSummary, Role};

/// Told how far an import has come: the phase, rows done, rows in all.
pub type Progress<'a> = &'a (dyn Fn(ImportPhase, usize, usize) + Send + Sync);

/// Rows checked between two progress reports.
const ROWS_PER_CHECK_REPORT: usize = 10_000;

/// A stored value's key: indicator, period, kind, gender.
type ValueKey = (uuid::Uuid, String, String, String);

/// Rows per upsert statement (9 columns each).
const ROWS_PER_UPSERT: usize = 1000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileFormat {
    Csv,
    Xlsx,
}

impl FileFormat {
    /// By file name: `.csv`, `.txt` or `.xlsx`.
    pub fn from_name(name: &str) -> Option<Self> {
        let lower = name.to_lowercase();
        if lower.ends_with(".xlsx") {
            Some(Self::Xlsx)
        } else if lower.ends_with(".csv") || lower.ends_with(".txt") {
            Some(Self::Csv)
        } else {
            None
        }
    }
}

fn unreadable(message: impl Into<String>) -> ServiceError {
    ServiceError::Rejected(vec![Problem::new("file", message)])
}

/// The file as rows of text cells. CSV may be separated by commas or semicolons (what a
/// Swedish Excel writes), in UTF-8 with or without a byte order mark; XLSX is read from its
/// first sheet.
pub fn read_rows(bytes: &[u8], format: FileFormat) -> Result<Vec<Vec<String>>, ServiceError> {
    match format {
        FileFormat::Csv => {
            let text = std::str::from_utf8(bytes)
                .map_err(|e| unreadable(format!("is not UTF-8 text ({e}); save it as CSV UTF-8")))?;
            let text = text.trim_start_matches('\u{feff}');
            let first_line = text.lines().next().unwrap_or_default();
            let delimiter = if first_line.contains(';') && !first_line.contains(',') {
                b';'
            } else {
                b','
            };
            let mut reader = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .delimiter(delimiter)
                .from_reader(text.as_bytes());
            reader
                .records()
                .enumerate()
                .map(|(i, record)| {
                    record
                        .map(|r| r.iter().map(str::to_owned).collect())
                        .map_err(|e| unreadable(format!("row {}: {e}", i + 1)))
                })
                .collect()
        }
        FileFormat::Xlsx => {
            use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
            let mut workbook: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes))
                .map_err(|e| unreadable(format!("is not an XLSX workbook: {e}")))?;
            let range = workbook
                .worksheet_range_at(0)
                .ok_or_else(|| unreadable("has no sheets"))?
                .map_err(|e| unreadable(format!("its first sheet cannot be read: {e}")))?;
            Ok(range
                .rows()
                .map(|row| {
                    row.iter()
                        .map(|cell| match cell {
                            Data::Empty => String::new(),
                            Data::String(s) => s.clone(),
                            Data::Float(f) => f.to_string(),
                            Data::Int(i) => i.to_string(),
                            Data::Bool(b) => b.to_string(),
                            other => other.to_string(),
                        })
                        .collect()
                })
                .collect())
        }
    }
}

fn rejected(problems: Vec<RowProblem>, total: usize) -> ServiceError {
    let mut listed: Vec<Problem> = problems
        .into_iter()
        .map(|p| Problem::new(format!("row {}, column {}", p.row, p.column), p.message))
        .collect();
    if total > listed.len() {
        listed.push(Problem::new(
            "file",
            format!(
                "and {} more problems (the first {MAX_LISTED_PROBLEMS} are listed)",
                total - listed.len()
            ),
        ));
    }
    ServiceError::Rejected(listed)
}

/// Checks every row against the tenant's indicators, then writes all of them or none.
/// `progress` is told as rows are checked and written.
pub async fn import(
    db: &DatabaseConnection,
    scope: TenantScope,
    actor: &str,
    table: Vec<Vec<String>>,
    progress: Progress<'_>,
) -> Result<OutcomeImportSummary, ServiceError> {
    let Some((header, data)) = table.split_first() else {
        return Err(unreadable(
            "is empty; the first row must be the header indicator,period,value",
        ));
    };
    let indicators: HashMap<String, IndicatorRef> = rows::indicators(db, scope)
        .await?
        .into_iter()
        .map(|i| {
            let periodicity = crate::exchange::import::enum_from_text(&i.periodicity)?;
            Ok((i.code, IndicatorRef { id: i.id, periodicity }))
        })
        .collect::<Result<_, ServiceError>>()?;
    let mut checker = Checker::new(header, &indicators).map_err(|p| {
        let total = p.len();
        rejected(p, total)
    })?;
    let total = data.len();
    for (i, cells) in data.iter().enumerate() {
        if i % ROWS_PER_CHECK_REPORT == 0 {
            progress(ImportPhase::Checking, i, total);
        }
        checker.row(i + 2, cells);
    }
    if checker.problem_count > 0 {
        return Err(rejected(checker.problems, checker.problem_count));
    }
    write(db, scope, actor, checker.rows, progress).await
}

async fn write(
    db: &DatabaseConnection,
    scope: TenantScope,
    actor: &str,
    rows_to_write: Vec<OutcomeRow>,
    progress: Progress<'_>,
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
            kind: enum_text(&row.kind),
            gender: enum_text(&row.gender),
            value: row.value.to_string(),
            comment: row.comment,
            updated_at: now,
            updated_by: actor.to_owned(),
        };
        let key = (
            model.indicator_id,
            model.period.clone(),
            model.kind.clone(),
            model.gender.clone(),
        );
        match existing.get(&key) {
            None => summary.inserted += 1,
            Some((value, comment)) if *value == model.value && *comment == model.comment => {
                summary.unchanged += 1;
                continue;
            }
            Some((value, _)) => {
                summary.updated += 1;
                changes.push((
                    value_entity_id(key.0, &key.1, &key.2, &key.3),
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

/// The browser's and the API's entry: editors and admins of the tenant.
pub async fn import_for(
    db: &DatabaseConnection,
    auth: &AuthContext,
    bytes: &[u8],
    format: FileFormat,
    progress: Progress<'_>,
) -> Result<OutcomeImportSummary, ServiceError> {
    auth.require(Role::Editor)?;
    let table = read_rows(bytes, format)?;
    import(db, auth.scope(), &auth.me.email, table, progress).await
}
