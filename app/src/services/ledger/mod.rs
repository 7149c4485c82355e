//! The ledger (huvudbok): a file's first rows to map its columns from, and the import —
//! every row checked against the tenant's departments and verksamheter, summed per council,
//! month, unit and account class, then written in one transaction that replaces each month
//! the file covers. Editors and admins import; the monthly follow-up built on it
//! (`follow_up`) is for any role.

mod follow_up;

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use engine::economy::TableKind;
use sea_orm::{DatabaseConnection, TransactionTrait};
use uuid::Uuid;

use super::ServiceError;
use super::context::TenantContext;
use super::file_check::{self, ProgressFn, rejected};
use crate::db::TenantScope;
use crate::db::entities::ledger_outcome;
use crate::db::repo::audit::{self, AuditEntry};
use crate::db::repo::{councils, ledger, rows, tenants};
use crate::domain::{LedgerClass, UnitKind};
use crate::exchange::economy::table_of;
use crate::exchange::import::json_text;
use crate::exchange::ledger::{LIMITS, LedgerChecker, Sum, SumKey, Unit, Units, completed, suggest};
use crate::exchange::outcome_file::{self, FileFormat, RowSink};
use crate::model::{ImportPhase, LedgerImportSummary, LedgerMapping, LedgerMonth, LedgerPreview, Message, Role};

pub use follow_up::{follow_up, save_forecast};

/// Rows shown of a file before it is mapped.
pub const PREVIEW_ROWS: usize = 5;

/// The departments of every council, then the verksamheter and departments its published
/// tables split its net by: what a ledger row may book on.
pub async fn units(db: &impl sea_orm::ConnectionTrait, scope: TenantScope) -> Result<Units, ServiceError> {
    let councils = councils::all(db, scope).await?;
    let departments = rows::departments(db, scope).await?;
    let mut tables = rows::economy_tables(db, scope).await?;
    // In the council's order: a name in several tables takes the kind of the first.
    tables.sort_by_key(|t| t.position);
    let mut units = Vec::new();
    for council in &councils {
        let unit = |kind, name: &str| Unit {
            council_id: council.id,
            council: council.slug.clone(),
            council_name: council.name.clone(),
            kind,
            name: name.to_owned(),
        };
        for department in departments.iter().filter(|d| d.council_id == council.id) {
            units.push(unit(UnitKind::Department, &department.name));
        }
        for row in tables.iter().filter(|t| t.council_id == council.id) {
            let table = table_of(row)?;
            let kind = match table.kind {
                TableKind::Departments => UnitKind::Department,
                TableKind::Activities => UnitKind::Activity,
                _ => continue,
            };
            for part in table.rows.iter().filter(|r| r.role == engine::economy::Role::Part) {
                units.push(unit(kind, &part.label));
            }
        }
    }
    Ok(Units::new(units))
}

pub(crate) fn format_of(file_name: &str) -> Result<FileFormat, ServiceError> {
    FileFormat::from_name(file_name).ok_or_else(|| {
        let allowed = [".csv", ".txt", ".xlsx"].map(str::to_owned).to_vec();
        ServiceError::invalid("file_name", Message::UnsupportedFileType { allowed })
    })
}

/// Keeps the header and the first rows.
#[derive(Default)]
struct PreviewSink {
    header: Option<Vec<String>>,
    rows: Vec<Vec<String>>,
    /// Data rows with anything in them.
    counted: usize,
}

impl RowSink for PreviewSink {
    fn expect_rows(&mut self, _rows: usize) {}

    fn row(&mut self, _number: usize, cells: &[String]) {
        if self.header.is_none() {
            self.header = Some(cells.to_vec());
            return;
        }
        if cells.iter().any(|c| !c.trim().is_empty()) {
            self.counted += 1;
        }
        if self.rows.len() < PREVIEW_ROWS {
            self.rows.push(cells.to_vec());
        }
    }
}

/// The file's header, first rows and the mapping its headers suggest (editors).
pub async fn preview(ctx: &TenantContext, file_name: &str, bytes: Vec<u8>) -> Result<LedgerPreview, ServiceError> {
    ctx.require(Role::Editor)?;
    let format = format_of(file_name)?;
    let sink = tokio::task::spawn_blocking(move || {
        let mut sink = PreviewSink::default();
        outcome_file::read(&bytes, format, &LIMITS, &mut sink).map(|()| sink)
    })
    .await
    .map_err(|e| ServiceError::Task(e.to_string()))?
    .map_err(|p| ServiceError::Rejected(vec![p]))?;
    let columns = sink
        .header
        .ok_or_else(|| ServiceError::Rejected(vec![crate::exchange::Problem::whole(Message::LedgerFileEmpty)]))?;
    Ok(LedgerPreview {
        file_name: file_name.to_owned(),
        suggested: suggest(&columns),
        columns,
        rows: sink.rows,
        row_count: sink.counted,
    })
}

/// Checks a ledger file row by row and sums it (CPU work: run it off the async workers).
fn check(
    bytes: &[u8],
    format: FileFormat,
    mapping: &LedgerMapping,
    units: &Units,
    progress: &ProgressFn,
) -> Result<(usize, HashMap<SumKey, Sum>), ServiceError> {
    let make = |header: &[String]| LedgerChecker::new(header, &completed(mapping, header), units);
    let checker = file_check::check_file(bytes, format, &LIMITS, make, Message::LedgerFileEmpty, progress)?;
    if checker.problem_count > 0 {
        return Err(rejected(checker.problems, checker.problem_count));
    }
    Ok((checker.rows, checker.sums))
}

/// Checks every row of the file, then writes its sums in one transaction, replacing each
/// month of each council the file covers; `progress` is told as rows are checked and
/// written.
pub async fn import(
    db: &DatabaseConnection,
    scope: TenantScope,
    actor: &str,
    bytes: Vec<u8>,
    format: FileFormat,
    mapping: LedgerMapping,
    progress: Arc<ProgressFn>,
) -> Result<LedgerImportSummary, ServiceError> {
    let units = Arc::new(units(db, scope).await?);
    let checking = (progress.clone(), units.clone());
    let (rows_read, sums) =
        tokio::task::spawn_blocking(move || check(&bytes, format, &mapping, &checking.1, &*checking.0))
            .await
            .map_err(|e| ServiceError::Task(e.to_string()))??;
    write(db, scope, actor, &units, rows_read, sums, &*progress).await
}

/// A month's sums: unit, account class, sum.
type MonthSums = Vec<(usize, LedgerClass, Sum)>;

/// Rows per insert statement.
const ROWS_PER_INSERT: usize = 500;

async fn write(
    db: &DatabaseConnection,
    scope: TenantScope,
    actor: &str,
    units: &Units,
    rows_read: usize,
    sums: HashMap<SumKey, Sum>,
    progress: &ProgressFn,
) -> Result<LedgerImportSummary, ServiceError> {
    // Each council's months (by the council's first unit), each month's sums in order.
    let units_of = &units.units;
    let council_of = |unit: usize| (units_of.iter()).position(|u| u.council_id == units_of[unit].council_id);
    let mut months: BTreeMap<(usize, i32, u8), MonthSums> = BTreeMap::new();
    for ((unit, year, month, class), sum) in sums {
        let council = council_of(unit).unwrap_or(unit);
        months
            .entry((council, year, month))
            .or_default()
            .push((unit, class, sum));
    }
    let total = months.values().map(Vec::len).sum();
    progress(ImportPhase::Writing, 0, total);
    let txn = db.begin().await?;
    // A write first, so the transaction starts as a writer (ARCHITECTURE, "write first").
    tenants::touch(&txn, scope).await?;
    let now = chrono::Utc::now();
    let mut summary = LedgerImportSummary {
        rows: rows_read,
        months: Vec::new(),
    };
    let mut present: HashMap<(Uuid, i32), Vec<i16>> = HashMap::new();
    let mut batch = Vec::with_capacity(ROWS_PER_INSERT);
    let mut written = 0;
    for ((council, year, month), mut cells) in months {
        cells.sort_by(|a, b| {
            (units_of[a.0].kind, &units_of[a.0].name, a.1).cmp(&(units_of[b.0].kind, &units_of[b.0].name, b.1))
        });
        let council_unit = &units_of[council];
        let key = (council_unit.council_id, year);
        if let std::collections::hash_map::Entry::Vacant(slot) = present.entry(key) {
            slot.insert(ledger::months_present(&txn, scope, key.0, year).await?);
        }
        let replaced = present.get(&key).is_some_and(|m| m.contains(&i16::from(month)));
        if replaced {
            ledger::delete_months(&txn, scope, key.0, year, vec![i16::from(month)]).await?;
        }
        let mut line = LedgerMonth {
            council: council_unit.council.clone(),
            council_name: council_unit.council_name.clone(),
            year,
            month,
            units: 0,
            income: Default::default(),
            cost: Default::default(),
            net: Default::default(),
            replaced,
        };
        let mut seen_units = Vec::new();
        for (unit, class, sum) in cells {
            if !seen_units.contains(&unit) {
                seen_units.push(unit);
            }
            let add = |total: &mut rust_decimal::Decimal| -> Result<(), ServiceError> {
                *total = total.checked_add(sum.amount).ok_or_else(|| {
                    ServiceError::Rejected(vec![crate::exchange::Problem::whole(Message::SumTooLarge)])
                })?;
                Ok(())
            };
            match class {
                LedgerClass::Income => add(&mut line.income)?,
                LedgerClass::Cost => add(&mut line.cost)?,
            }
            add(&mut line.net)?;
            batch.push(ledger_outcome::Model {
                tenant_id: scope.tenant_id(),
                id: Uuid::now_v7(),
                council_id: key.0,
                year,
                month: i16::from(month),
                unit_kind: units_of[unit].kind,
                unit: units_of[unit].name.clone(),
                class,
                amount: sum.amount.normalize().to_string(),
                rows: i64::try_from(sum.rows).unwrap_or(i64::MAX),
                imported_by: actor.to_owned(),
                imported_at: now,
            });
            if batch.len() == ROWS_PER_INSERT {
                written += batch.len();
                rows::insert(&txn, scope, std::mem::take(&mut batch)).await?;
                progress(ImportPhase::Writing, written, total);
            }
        }
        line.units = seen_units.len();
        (line.income, line.cost, line.net) = (line.income.normalize(), line.cost.normalize(), line.net.normalize());
        summary.months.push(line);
    }
    rows::insert(&txn, scope, batch).await?;
    progress(ImportPhase::Writing, total, total);
    let entry = AuditEntry {
        actor,
        action: "import",
        entity_type: "ledger_outcomes",
        entity_id: None,
        old_value: None,
        new_value: Some(json_text(&summary)),
    };
    audit::record(&txn, scope, entry).await?;
    txn.commit().await?;
    Ok(summary)
}
