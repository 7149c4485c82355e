//! Outcome imports started from the browser or the API run in the background, so a large
//! file can show its progress: the client polls [`ImportJobs::status`] until the job is
//! done or failed. The import itself is all-or-nothing (one transaction); the job only
//! reports on it.
//!
//! Jobs are kept in this instance's memory for [`ImportJobs::KEEP`]: with several app
//! instances, polls must reach the instance that took the upload (sticky sessions), and a
//! restart forgets running jobs (their transaction rolls back, so nothing half-written
//! remains).

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use sea_orm::DatabaseConnection;
use uuid::Uuid;

use super::ServiceError;
use super::context::TenantContext;
use super::outcomes::{FileFormat, import};
use crate::db::TenantScope;
use crate::exchange::Problem;
use crate::model::{ImportPhase, ImportProblem, ImportStatus, Role};

type Shared = Arc<Mutex<ImportStatus>>;

/// Running and recently finished imports, by tenant and job id, and how many run per tenant.
#[derive(Clone)]
pub struct ImportJobs {
    jobs: moka::sync::Cache<(Uuid, Uuid), Shared>,
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
            return Err(ServiceError::Busy(format!(
                "{} imports are already running in this municipality; start this one when one of them is done",
                Self::MAX_RUNNING_PER_TENANT
            )));
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
    ) -> Result<ImportStatus, ServiceError> {
        let scope = ctx.scope();
        ctx.require(Role::Editor)?;
        let format = FileFormat::from_name(file_name)
            .ok_or_else(|| ServiceError::invalid("file_name", "must end in .csv, .txt or .xlsx"))?;
        let running = self.claim(scope.tenant_id())?;
        let status = ImportStatus::new(Uuid::now_v7(), file_name.to_owned());
        let shared: Shared = Arc::new(Mutex::new(status.clone()));
        self.jobs.insert((scope.tenant_id(), status.id), shared.clone());
        let (db, actor) = (db.clone(), ctx.actor().to_owned());
        tokio::spawn(async move {
            run(db, scope, actor, format, bytes, shared).await;
            drop(running);
        });
        Ok(status)
    }

    /// How an import into the tenant is going. Another tenant's job is not found.
    pub fn status(&self, ctx: &TenantContext, id: Uuid) -> Result<ImportStatus, ServiceError> {
        let scope = ctx.scope();
        ctx.require(Role::Editor)?;
        self.jobs
            .get(&(scope.tenant_id(), id))
            .map(|shared| lock(&shared).clone())
            .ok_or(ServiceError::NotFound)
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
    shared: Shared,
) {
    let reported = shared.clone();
    let progress = Arc::new(move |phase: ImportPhase, done: usize, total: usize| {
        let mut status = lock(&reported);
        (status.phase, status.done, status.total) = (phase, done, total);
    });
    let result = import(&db, scope, &actor, bytes, format, progress).await;
    let mut status = lock(&shared);
    match result {
        Ok(summary) => {
            status.phase = ImportPhase::Done;
            (status.done, status.total) = (summary.rows, summary.rows);
            status.summary = Some(summary);
        }
        Err(err) => {
            status.phase = ImportPhase::Failed;
            status.problems = match err {
                ServiceError::Rejected(problems) => problems.into_iter().map(ImportProblem::from).collect(),
                other => {
                    tracing::error!(error = %other, job = %status.id, "outcome import failed");
                    vec![ImportProblem {
                        location: "file".to_owned(),
                        message: "the import failed on the server; nothing was written".to_owned(),
                    }]
                }
            };
        }
    }
}

impl From<Problem> for ImportProblem {
    fn from(p: Problem) -> Self {
        ImportProblem {
            location: p.location,
            message: p.message,
        }
    }
}
