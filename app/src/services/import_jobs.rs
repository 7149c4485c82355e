//! Imports started from the browser or the API (outcomes, a ledger) run in the background, so a large
//! file can show its progress: the client polls [`ImportJobs::status`] until the job is
//! done or failed. The import itself is all-or-nothing (one transaction); the job only
//! reports on it.
//!
//! A job's state lives in the database (`import_jobs`), so any instance behind a load
//! balancer answers a poll: the instance running the job writes its progress there every
//! [`ImportJobs::HEARTBEAT`] and its result when the import's transaction has ended, and
//! answers its own polls from memory. A job whose instance stopped (no report for
//! [`ImportJobs::STALE_AFTER`]) reads as failed: its transaction rolled back, so nothing
//! half-written remains. Jobs are forgotten [`ImportJobs::KEEP`] after they started.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use chrono::{DateTime, Utc};
use sea_orm::DatabaseConnection;
use uuid::Uuid;

use super::ServiceError;
use super::context::TenantContext;
use super::outcomes::FileFormat;
use super::{ledger, outcomes};
use crate::db::TenantScope;
use crate::db::entities::import_job;
use crate::db::repo::import_jobs::{self as repo, Report};
use crate::domain::{ImportJobId, ImportKind};
use crate::exchange::Problem;
use crate::exchange::import::json_text;
use crate::model::{ImportPhase, ImportStatus, LedgerMapping, Message, Role};

/// What a job imports.
#[derive(Debug, Clone)]
pub enum ImportWork {
    Outcomes,
    /// A ledger file with its columns mapped.
    Ledger(LedgerMapping),
}

impl ImportWork {
    fn kind(&self) -> ImportKind {
        match self {
            ImportWork::Outcomes => ImportKind::Outcomes,
            ImportWork::Ledger(_) => ImportKind::Ledger,
        }
    }
}

type Shared = Arc<Mutex<ImportStatus>>;

/// Running and recently finished imports, by tenant and job id, and how many run per tenant.
#[derive(Clone)]
pub struct ImportJobs {
    jobs: moka::sync::Cache<(Uuid, ImportJobId), Shared>,
    running: Arc<Mutex<HashMap<Uuid, usize>>>,
}

/// Counts a tenant's import as running until dropped, however the import ends.
struct Running {
    running: Arc<Mutex<HashMap<Uuid, usize>>>,
    tenant: Uuid,
}

impl Drop for Running {
    fn drop(&mut self) {
        let mut running = lock(&self.running);
        if let Some(count) = running.get_mut(&self.tenant) {
            *count = count.saturating_sub(1);
            if *count == 0 {
                running.remove(&self.tenant);
            }
        }
    }
}

impl ImportJobs {
    pub const KEEP: Duration = Duration::from_secs(60 * 60);
    /// How often a running job's progress is written for other instances to read.
    pub const HEARTBEAT: Duration = Duration::from_millis(500);
    /// A job not reported on for this long has lost its instance.
    pub const STALE_AFTER: Duration = Duration::from_secs(120);
    /// Imports one tenant may run at once: each holds its file and checked rows in memory.
    pub const MAX_RUNNING_PER_TENANT: usize = 2;

    pub fn new() -> Self {
        Self {
            jobs: moka::sync::Cache::builder().time_to_live(Self::KEEP).build(),
            running: Arc::default(),
        }
    }

    fn claim(&self, tenant: Uuid) -> Result<Running, ServiceError> {
        let mut running = lock(&self.running);
        let count = running.entry(tenant).or_default();
        if *count >= Self::MAX_RUNNING_PER_TENANT {
            return Err(ServiceError::busy(Message::BusyImports {
                max: Self::MAX_RUNNING_PER_TENANT,
            }));
        }
        *count += 1;
        Ok(Running {
            running: self.running.clone(),
            tenant,
        })
    }

    /// Starts importing a file into the tenant (its editors and admins). The format
    /// follows the file name.
    pub async fn start(
        &self,
        db: &DatabaseConnection,
        ctx: &TenantContext,
        file_name: &str,
        bytes: Vec<u8>,
        work: ImportWork,
    ) -> Result<ImportStatus, ServiceError> {
        let scope = ctx.scope();
        ctx.require(Role::Editor)?;
        let format = ledger::format_of(file_name)?;
        let running = self.claim(scope.tenant_id())?;
        let now = Utc::now();
        repo::forget_started_before(db, scope, now - chrono_duration(Self::KEEP)).await?;
        let status = ImportStatus::new(ImportJobId::generate(), work.kind(), file_name.to_owned());
        repo::insert(db, row(scope, &status, ctx.actor(), now)).await?;
        let shared: Shared = Arc::new(Mutex::new(status.clone()));
        self.jobs.insert((scope.tenant_id(), status.id), shared.clone());
        let (db, actor) = (db.clone(), ctx.actor().to_owned());
        tokio::spawn(async move {
            run(db, scope, actor, format, bytes, work, shared).await;
            drop(running);
        });
        Ok(status)
    }

    /// How an import of `kind` into the tenant is going, whichever instance runs it.
    /// Another tenant's job, or one of another kind, is not found.
    pub async fn status(
        &self,
        db: &DatabaseConnection,
        ctx: &TenantContext,
        id: ImportJobId,
        kind: ImportKind,
    ) -> Result<ImportStatus, ServiceError> {
        let scope = ctx.scope();
        ctx.require(Role::Editor)?;
        let status = match self.jobs.get(&(scope.tenant_id(), id)) {
            Some(shared) => lock(&shared).clone(),
            None => status_of(
                repo::find(db, scope, id).await?.ok_or(ServiceError::NotFound)?,
                Utc::now(),
            ),
        };
        if status.kind != kind {
            return Err(ServiceError::NotFound);
        }
        Ok(status)
    }
}

impl Default for ImportJobs {
    fn default() -> Self {
        Self::new()
    }
}

fn lock<T>(shared: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    shared.lock().unwrap_or_else(PoisonError::into_inner)
}

async fn run(
    db: DatabaseConnection,
    scope: TenantScope,
    actor: String,
    format: FileFormat,
    bytes: Vec<u8>,
    work: ImportWork,
    shared: Shared,
) {
    let reported = shared.clone();
    let progress = Arc::new(move |phase: ImportPhase, done: usize, total: usize| {
        let mut status = lock(&reported);
        (status.phase, status.done, status.total) = (phase, done, total);
    });
    let heartbeat = tokio::spawn(report_while_running(db.clone(), scope, shared.clone()));
    let result = match work {
        ImportWork::Outcomes => (outcomes::import(&db, scope, &actor, bytes, format, progress).await)
            .map(|summary| (summary.rows, Some(summary), None)),
        ImportWork::Ledger(mapping) => (ledger::import(&db, scope, &actor, bytes, format, mapping, progress).await)
            .map(|summary| (summary.rows, None, Some(summary))),
    };
    let finished = {
        let mut status = lock(&shared);
        match result {
            Ok((rows, summary, ledger)) => {
                status.phase = ImportPhase::Done;
                (status.done, status.total) = (rows, rows);
                (status.summary, status.ledger) = (summary, ledger);
            }
            Err(err) => {
                status.phase = ImportPhase::Failed;
                status.problems = match err {
                    ServiceError::Rejected(problems) => problems,
                    other => {
                        tracing::error!(error = %other, job = %status.id, "import failed");
                        vec![Problem::whole(Message::ImportFailed)]
                    }
                };
            }
        }
        status.clone()
    };
    heartbeat.abort();
    if let Err(err) = repo::report(&db, scope, finished.id, report(&finished), Utc::now(), false).await {
        tracing::error!(error = %err, job = %finished.id, "could not record an outcome import's result");
    }
}

/// Writes the job's progress every [`ImportJobs::HEARTBEAT`] until it is aborted.
async fn report_while_running(db: DatabaseConnection, scope: TenantScope, shared: Shared) {
    let mut ticks = tokio::time::interval(ImportJobs::HEARTBEAT);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticks.tick().await;
        let status = lock(&shared).clone();
        if let Err(err) = repo::report(&db, scope, status.id, report(&status), Utc::now(), true).await {
            // On SQLite the import's own transaction holds the write lock while it writes.
            tracing::debug!(error = %err, job = %status.id, "progress not recorded this time");
        }
    }
}

fn row(scope: TenantScope, status: &ImportStatus, actor: &str, now: DateTime<Utc>) -> import_job::Model {
    let report = report(status);
    import_job::Model {
        tenant_id: scope.tenant_id(),
        id: status.id.uuid(),
        kind: status.kind,
        file_name: status.file_name.clone(),
        phase: report.phase,
        done: report.done,
        total: report.total,
        summary: report.summary,
        problems: report.problems,
        started_by: actor.to_owned(),
        started_at: now,
        updated_at: now,
    }
}

fn report(status: &ImportStatus) -> Report {
    Report {
        phase: status.phase,
        done: i64::try_from(status.done).unwrap_or(i64::MAX),
        total: i64::try_from(status.total).unwrap_or(i64::MAX),
        summary: match status.kind {
            ImportKind::Outcomes => status.summary.as_ref().map(json_text),
            ImportKind::Ledger => status.ledger.as_ref().map(json_text),
        },
        problems: json_text(&status.problems),
    }
}

/// A stored job as the client sees it at `now`: failed if its instance stopped reporting.
fn status_of(job: import_job::Model, now: DateTime<Utc>) -> ImportStatus {
    let mut status = ImportStatus::new(ImportJobId::from_uuid(job.id), job.kind, job.file_name);
    status.phase = job.phase;
    status.done = usize::try_from(job.done).unwrap_or(0);
    status.total = usize::try_from(job.total).unwrap_or(0);
    match job.kind {
        ImportKind::Outcomes => status.summary = job.summary.and_then(|text| serde_json::from_str(&text).ok()),
        ImportKind::Ledger => status.ledger = job.summary.and_then(|text| serde_json::from_str(&text).ok()),
    }
    // Rows written before problems were coded hold English text: say so instead of
    // dropping them.
    status.problems =
        serde_json::from_str(&job.problems).unwrap_or_else(|_| vec![Problem::whole(Message::EarlierProblems)]);
    let silent = now.signed_duration_since(job.updated_at);
    if !status.phase.is_final() && silent > chrono_duration(ImportJobs::STALE_AFTER) {
        status.phase = ImportPhase::Failed;
        status.problems = vec![Problem::whole(Message::ImportAbandoned)];
    }
    status
}

fn chrono_duration(duration: Duration) -> chrono::Duration {
    chrono::Duration::from_std(duration).unwrap_or(chrono::Duration::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Location, OutcomeImportSummary};

    fn job(phase: ImportPhase, silent_for: chrono::Duration, now: DateTime<Utc>) -> import_job::Model {
        let mut status = ImportStatus::new(
            ImportJobId::from_uuid(Uuid::nil()),
            ImportKind::Outcomes,
            "utfall.csv".to_owned(),
        );
        (status.phase, status.done, status.total) = (phase, 40, 100);
        let mut row = row(TenantScope::new(Uuid::nil()), &status, "a@b.se", now - silent_for);
        row.updated_at = now - silent_for;
        row
    }

    #[test]
    fn a_job_reported_on_lately_reads_as_its_instance_wrote_it() {
        let now = Utc::now();
        let status = status_of(job(ImportPhase::Writing, chrono::Duration::seconds(5), now), now);
        assert_eq!(
            (status.phase, status.done, status.total),
            (ImportPhase::Writing, 40, 100)
        );
        assert!(status.problems.is_empty());
    }

    #[test]
    fn a_running_job_whose_instance_went_silent_reads_as_failed() {
        let now = Utc::now();
        let status = status_of(job(ImportPhase::Checking, chrono::Duration::minutes(3), now), now);
        assert_eq!(status.phase, ImportPhase::Failed);
        assert_eq!(status.problems[0].message, Message::ImportAbandoned, "{status:?}");
    }

    #[test]
    fn a_finished_job_keeps_its_result_however_old() {
        let now = Utc::now();
        let mut stored = job(ImportPhase::Done, chrono::Duration::minutes(50), now);
        let summary = OutcomeImportSummary {
            rows: 100,
            inserted: 60,
            updated: 40,
            unchanged: 0,
        };
        stored.summary = Some(json_text(&summary));
        let status = status_of(stored, now);
        assert_eq!((status.phase, status.summary), (ImportPhase::Done, Some(summary)));
    }

    #[test]
    fn problems_stored_as_text_by_an_earlier_version_are_said_to_be_so() {
        let now = Utc::now();
        let mut stored = job(ImportPhase::Failed, chrono::Duration::minutes(5), now);
        stored.problems = r#"[{"location":"row 2, column value","message":"\"tre\" is not a number"}]"#.into();
        let status = status_of(stored, now);
        assert_eq!(status.problems.len(), 1);
        assert_eq!(status.problems[0].message, Message::EarlierProblems);

        let mut stored = job(ImportPhase::Failed, chrono::Duration::minutes(5), now);
        let coded = vec![Problem::new(
            Location::cell(2, "value"),
            Message::NotANumber { text: "tre".into() },
        )];
        stored.problems = json_text(&coded);
        assert_eq!(
            status_of(stored, now).problems,
            coded,
            "coded problems read back as written"
        );
    }
}
