//! The ledger: a file's first rows to map its columns from, imports that replace the
//! months a file covers (polled as jobs), a council's year month by month, and forecasts.

use axum::Json;
use axum::body::Bytes;
use axum::extract::rejection::QueryRejection;
use axum::extract::{FromRequest, Path, Query, Request, State};
use http::StatusCode;
use serde::Deserialize;

use app::domain::{ImportJobId, ImportKind, LedgerSigns};
use app::model::{ForecastInput, ImportStatus, LedgerMapping, LedgerPreview, MonthlyFollowUp, Role, SavedForecast};
use app::services;
use app::services::import_jobs::ImportWork;
use app::state::AppState;

use super::context::InTenant;
use super::error::{ApiError, ErrorBody};
use super::json::ApiJson;
use super::outcomes::FileName;

/// The largest ledger file accepted.
pub const MAX_FILE_MB: usize = 256;

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LedgerImportQuery {
    /// The file's name; its ending (`.csv`, `.txt`, `.xlsx`) tells the format.
    pub file_name: String,
    /// The header of the column with the month (`2024-07`, `202407` or a date); without
    /// it, the column whose header says so (`Period`, `Månad` …).
    pub period: Option<String>,
    /// The header of the column with the department or verksamhet (`Ansvar`, `Verksamhet` …).
    pub unit: Option<String>,
    /// The header of the column with the account or class (`Konto` …): 3… income, 4…–7… costs.
    pub account: Option<String>,
    /// The header of the column with the amount (`Belopp` …).
    pub amount: Option<String>,
    /// `ledger` (debit +, credit −; the default) or `report` (income +, costs −).
    pub signs: Option<LedgerSigns>,
}

/// Reads the body once its caller is known to be an editor (a refused upload is never
/// buffered).
async fn file_body(request: Request) -> Result<Vec<u8>, ApiError> {
    let body = Bytes::from_request(request, &())
        .await
        .map_err(|_| ApiError::TooLarge { limit_mb: MAX_FILE_MB })?;
    Ok(body.to_vec())
}

/// The file's header row, its first rows and the columns its headers suggest for each
/// field: what the column-mapping step shows. Nothing is written. Editors and admins.
#[utoipa::path(post, path = "/api/v1/tenants/{tenant}/ledger-imports/preview", tag = "economy",
    params(("tenant" = String, Path, description = "Tenant slug"), FileName),
    request_body(content = Vec<u8>, content_type = "application/octet-stream", description = "The CSV or XLSX file"),
    responses(
        (status = 200, body = LedgerPreview),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Viewers cannot import", body = ErrorBody),
        (status = 404, description = "No such tenant, or not yours", body = ErrorBody),
        (status = 413, description = "File larger than 256 MB", body = ErrorBody),
        (status = 422, description = "Unknown file type, or an unreadable file", body = ErrorBody),
    ))]
pub async fn preview(
    InTenant(ctx): InTenant,
    query: Result<Query<FileName>, QueryRejection>,
    request: Request,
) -> Result<Json<LedgerPreview>, ApiError> {
    ctx.require(Role::Editor)?;
    let Query(FileName { file_name }) =
        query.map_err(|_| ApiError::missing_query("file_name", "?file_name=huvudbok.csv"))?;
    let bytes = file_body(request).await?;
    Ok(Json(services::ledger::preview(&ctx, &file_name, bytes).await?))
}

/// Starts importing a ledger file: every row is checked (month, department or verksamhet,
/// operating account, amount) before anything is written; each council's months in the file
/// replace what was imported for them before. Poll the returned job. Editors and admins.
#[utoipa::path(post, path = "/api/v1/tenants/{tenant}/ledger-imports", tag = "economy",
    params(("tenant" = String, Path, description = "Tenant slug"), LedgerImportQuery),
    request_body(content = Vec<u8>, content_type = "application/octet-stream", description = "The CSV or XLSX file"),
    responses(
        (status = 202, description = "Started; poll the job", body = ImportStatus),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Viewers cannot import", body = ErrorBody),
        (status = 404, description = "No such tenant, or not yours", body = ErrorBody),
        (status = 413, description = "File larger than 256 MB", body = ErrorBody),
        (status = 422, description = "Unknown file type", body = ErrorBody),
    ))]
pub async fn start_import(
    State(state): State<AppState>,
    InTenant(ctx): InTenant,
    query: Result<Query<LedgerImportQuery>, QueryRejection>,
    request: Request,
) -> Result<(StatusCode, Json<ImportStatus>), ApiError> {
    ctx.require(Role::Editor)?;
    let Query(q) = query.map_err(|_| ApiError::missing_query("file_name", "?file_name=huvudbok.csv&signs=ledger"))?;
    let mapping = LedgerMapping {
        period: q.period.unwrap_or_default(),
        unit: q.unit.unwrap_or_default(),
        account: q.account.unwrap_or_default(),
        amount: q.amount.unwrap_or_default(),
        signs: q.signs.unwrap_or_default(),
    };
    let bytes = file_body(request).await?;
    let work = ImportWork::Ledger(mapping);
    let status = state.imports.start(&state.db, &ctx, &q.file_name, bytes, work).await?;
    Ok((StatusCode::ACCEPTED, Json(status)))
}

/// How a ledger import is going, and at the end each council's months it wrote or every
/// problem by row and column. Editors and admins.
#[utoipa::path(get, path = "/api/v1/tenants/{tenant}/ledger-imports/{job}", tag = "economy",
    params(("tenant" = String, Path, description = "Tenant slug"), ("job" = Uuid, Path, description = "Import job id")),
    responses(
        (status = 200, body = ImportStatus),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Viewers cannot import", body = ErrorBody),
        (status = 404, description = "No such ledger import in this tenant (jobs are kept an hour)", body = ErrorBody),
    ))]
pub async fn import_status(
    State(state): State<AppState>,
    InTenant(ctx): InTenant,
    Path((_, job)): Path<(String, ImportJobId)>,
) -> Result<Json<ImportStatus>, ApiError> {
    Ok(Json(
        state.imports.status(&state.db, &ctx, job, ImportKind::Ledger).await?,
    ))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ProfileQuery {
    /// How the year's budget is spread over the months: `even` (default) or `last_year`.
    pub profile: Option<String>,
}

/// The council's year month by month from the ledger: per department and verksamhet and
/// for the council, the net booked each month, the budget of the months so far, the
/// deviation, the year's forecast by every method and the saved forecasts. Any role.
#[utoipa::path(get, path = "/api/v1/tenants/{tenant}/councils/{council}/economy/{year}/months", tag = "economy",
    params(("tenant" = String, Path, description = "Tenant slug"), ("council" = String, Path, description = "Council slug"),
        ("year" = i32, Path, description = "The year"), ProfileQuery),
    responses(
        (status = 200, body = MonthlyFollowUp),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 404, description = "No such council in this tenant", body = ErrorBody),
        (status = 422, description = "An unknown profile", body = ErrorBody),
    ))]
pub async fn months(
    State(state): State<AppState>,
    InTenant(ctx): InTenant,
    Path((_, council, year)): Path<(String, String, i32)>,
    query: Result<Query<ProfileQuery>, QueryRejection>,
) -> Result<Json<MonthlyFollowUp>, ApiError> {
    let Query(ProfileQuery { profile }) = query.map_err(|_| ApiError::missing_query("profile", "?profile=even"))?;
    let view =
        services::ledger::follow_up(&state.db, ctx.scope(), &council, Some(year), None, profile.as_deref()).await?;
    Ok(Json(view))
}

/// Saves a forecast of the year for the council (`kind` = `council`) or one of its
/// departments or verksamheter: by a method (`run_rate`, `last_year_shape`,
/// `budget_for_rest`: the amount it gives now) or `manual` with an `amount` in the tenant's
/// unit, with a comment saying why (required). Kept beside earlier forecasts. Editors and
/// admins.
#[utoipa::path(post, path = "/api/v1/tenants/{tenant}/councils/{council}/forecasts", tag = "economy",
    params(("tenant" = String, Path, description = "Tenant slug"), ("council" = String, Path, description = "Council slug")),
    request_body = ForecastInput,
    responses(
        (status = 201, body = SavedForecast),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Viewers cannot forecast", body = ErrorBody),
        (status = 404, description = "No such council, or no outcomes for that unit and year", body = ErrorBody),
        (status = 422, description = "An unknown method, a missing or bad amount, a comment too long", body = ErrorBody),
    ))]
pub async fn save_forecast(
    State(state): State<AppState>,
    InTenant(ctx): InTenant,
    Path((_, council)): Path<(String, String)>,
    request: Request,
) -> Result<(StatusCode, Json<SavedForecast>), ApiError> {
    // Authorised before the body is read: a viewer is told 403 whatever they sent.
    ctx.require(Role::Editor)?;
    let body: ForecastInput = ApiJson::read(request).await?;
    let saved = services::ledger::save_forecast(&state.db, &ctx, &council, body).await?;
    Ok((StatusCode::CREATED, Json(saved)))
}
