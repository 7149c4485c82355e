//! Outcome imports started from the browser or the API run in the background, so a large
//! file can show its progress: the client polls [`ImportJobs::status`] until the job is
//! done or failed. The import itself is all-or-nothing (one transaction); the job only
//! reports on it.
//!
//! Jobs are kept in this instance's memory for [`ImportJobs::KEEP`]: with several app
//! instances, polls must reach the instance that took the upload (sticky sessions), and a
//! restart forgets running jobs (their transaction rolls back, so nothing half-written
//! remains).

use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use sea_orm::DatabaseConnection;
use uuid::Uuid;

use super::ServiceError;
use super::auth::AuthContext;
use super::outcomes::{FileFormat, import, read_rows};
use crate::db::TenantScope;
use crate::exchange::Problem;
use crate::model::{ImportPhase, ImportProblem, ImportStatus, Role};

type Shared = Arc<Mutex<ImportStatus>>;

/// Running and recently finished imports, by tenant and job id.
#[derive(Clone)]
pub struct ImportJobs(moka::sync::Cache<(Uuid, Uuid), Shared>);

impl ImportJobs {
    pub const KEEP: Duration = Duration::from_secs(60 * 60);

    pub fn new() -> Self {
        Self(moka::sync::Cache::builder().time_to_live(Self::KEEP).build())
    }

    /// Starts importing a file into the tenant `slug` (its editors and admins). The format
    /// follows the file name.
    pub async fn start(
        &self,
        db: &DatabaseConnection,
        auth: &AuthContext,
        slug: &str,
        file_name: &str,
        bytes: Vec<u8>,
    ) -> Result<ImportStatus, ServiceError> {
        let scope = auth.scope_for_slug(db, slug).await?;
        auth.require(Role::Editor)?;
        let format = FileFormat::from_name(file_name)
            .ok_or_else(|| ServiceError::invalid("file_name", "must end in .csv, .txt or .xlsx"))?;
        let status = ImportStatus::new(Uuid::now_v7(), file_name.to_owned());
        let shared: Shared = Arc::new(Mutex::new(status.clone()));
        self.0.insert((scope.tenant_id(), status.id), shared.clone());
        let actor = auth.me.email.clone();
        tokio::spawn(run(db.clone(), scope, actor, format, bytes, shared));
        Ok(status)
    }

    /// How an import into the tenant `slug` is going. Another tenant's job is not found.
    pub async fn status(
        &self,
        db: &DatabaseConnection,
        auth: &AuthContext,
        slug: &str,
        id: Uuid,
    ) -> Result<ImportStatus, ServiceError> {
        let scope = auth.scope_for_slug(db, slug).await?;
        auth.require(Role::Editor)?;
        self.0
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

fn lock(shared: &Shared) -> std::sync::MutexGuard<'_, ImportStatus> {
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
    let progress = |phase: ImportPhase, done: usize, total: usize| {
        let mut status = lock(&shared);
        (status.phase, status.done, status.total) = (phase, done, total);
    };
    let result = match tokio::task::spawn_blocking(move || read_rows(&bytes, format)).await {
        Ok(Ok(table)) => import(&db, scope, &actor, table, &progress).await,
        Ok(Err(err)) => Err(err),
        Err(join) => Err(ServiceError::Task(join.to_string())),
    };
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
