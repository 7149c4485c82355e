//! Outcome imports: upload a CSV or XLSX file, then poll the job until it is done.

use app::domain::{ImportJobId, ImportKind};
use app::services::import_jobs::ImportWork;
use axum::Json;
use axum::body::Bytes;
use axum::extract::rejection::QueryRejection;
use axum::extract::{FromRequest, Path, Query, Request, State};
use http::StatusCode;
use serde::Deserialize;

use app::model::{ImportStatus, Role};
use app::state::AppState;

use super::context::InTenant;
use super::error::{ApiError, ErrorBody};

/// The largest file accepted (a million rows of CSV fit).
pub const MAX_FILE_MB: usize = 64;

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FileName {
    /// The file's name; its ending (`.csv`, `.txt`, `.xlsx`) tells the format.
    pub file_name: String,
}

/// Starts importing outcomes and forecasts from the file in the body (header
/// `indicator,period,value` and optional `kind`, `gender`, `comment`). Every row is checked
/// before anything is written; poll the returned job for progress and the result.
/// Editors and admins.
#[utoipa::path(post, path = "/api/v1/tenants/{tenant}/outcome-imports", tag = "outcomes",
    params(("tenant" = String, Path, description = "Tenant slug"), FileName),
    request_body(content = Vec<u8>, content_type = "application/octet-stream", description = "The CSV or XLSX file"),
    responses(
        (status = 202, description = "Started; poll the job", body = ImportStatus),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Viewers cannot import", body = ErrorBody),
        (status = 404, description = "No such tenant, or not yours", body = ErrorBody),
        (status = 413, description = "File larger than 64 MB", body = ErrorBody),
        (status = 422, description = "Unknown file type", body = ErrorBody),
    ))]
pub async fn start_import(
    State(state): State<AppState>,
    InTenant(ctx): InTenant,
    query: Result<Query<FileName>, QueryRejection>,
    request: Request,
) -> Result<(StatusCode, Json<ImportStatus>), ApiError> {
    // Authorised before the file is read: a refused caller's upload is never buffered.
    ctx.require(Role::Editor)?;
    let Query(FileName { file_name }) =
        query.map_err(|_| ApiError::missing_query("file_name", "?file_name=utfall.csv"))?;
    let body = Bytes::from_request(request, &())
        .await
        .map_err(|_| ApiError::TooLarge { limit_mb: MAX_FILE_MB })?;
    let status = state
        .imports
        .start(&state.db, &ctx, &file_name, body.to_vec(), ImportWork::Outcomes)
        .await?;
    Ok((StatusCode::ACCEPTED, Json(status)))
}

/// How an import is going: its phase, rows done of all, and at the end what was written
/// or, if nothing was, every problem by row and column. Editors and admins.
#[utoipa::path(get, path = "/api/v1/tenants/{tenant}/outcome-imports/{job}", tag = "outcomes",
    params(("tenant" = String, Path, description = "Tenant slug"), ("job" = Uuid, Path, description = "Import job id")),
    responses(
        (status = 200, body = ImportStatus),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Viewers cannot import", body = ErrorBody),
        (status = 404, description = "No such job in this tenant (jobs are kept an hour)", body = ErrorBody),
    ))]
pub async fn import_status(
    State(state): State<AppState>,
    InTenant(ctx): InTenant,
    Path((_, job)): Path<(String, ImportJobId)>,
) -> Result<Json<ImportStatus>, ApiError> {
    Ok(Json(
        state.imports.status(&state.db, &ctx, job, ImportKind::Outcomes).await?,
    ))
}
