//! Outcome import jobs: started, reported on while they run, read by any instance.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};

use crate::db::TenantScope;
use crate::db::entities::import_job;
use crate::domain::{ImportJobId, ImportPhase};

/// What a job reports: phase, progress and result (JSON text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub phase: ImportPhase,
    pub done: i64,
    pub total: i64,
    pub summary: Option<String>,
    pub problems: String,
}

pub async fn insert(db: &impl ConnectionTrait, row: import_job::Model) -> Result<(), DbErr> {
    let active: import_job::ActiveModel = row.into();
    import_job::Entity::insert(active).exec_without_returning(db).await?;
    Ok(())
}

pub async fn find(
    db: &impl ConnectionTrait,
    scope: TenantScope,
    id: ImportJobId,
) -> Result<Option<import_job::Model>, DbErr> {
    import_job::Entity::find_by_id((scope.tenant_id(), id.uuid()))
        .one(db)
        .await
}

/// Writes the job's report as of `now`. `only_if_running` leaves a job that already
/// reached a final phase as it is, so a late progress report never hides its result.
pub async fn report(
    db: &impl ConnectionTrait,
    scope: TenantScope,
    id: ImportJobId,
    report: Report,
    now: DateTime<Utc>,
    only_if_running: bool,
) -> Result<(), DbErr> {
    use import_job::Column as C;
    let mut update = import_job::Entity::update_many()
        .col_expr(C::Phase, Expr::value(report.phase))
        .col_expr(C::Done, Expr::value(report.done))
        .col_expr(C::Total, Expr::value(report.total))
        .col_expr(C::Summary, Expr::value(report.summary))
        .col_expr(C::Problems, Expr::value(report.problems))
        .col_expr(C::UpdatedAt, Expr::value(now))
        .filter(C::TenantId.eq(scope.tenant_id()))
        .filter(C::Id.eq(id));
    if only_if_running {
        update = update.filter(C::Phase.is_not_in([ImportPhase::Done, ImportPhase::Failed]));
    }
    update.exec(db).await?;
    Ok(())
}

/// Forgets the tenant's jobs started before `cutoff`.
pub async fn forget_started_before(
    db: &impl ConnectionTrait,
    scope: TenantScope,
    cutoff: DateTime<Utc>,
) -> Result<u64, DbErr> {
    use import_job::Column as C;
    let deleted = import_job::Entity::delete_many()
        .filter(C::TenantId.eq(scope.tenant_id()))
        .filter(C::StartedAt.lt(cutoff))
        .exec(db)
        .await?;
    Ok(deleted.rows_affected)
}
