//! A council's economy: its published tables with money in the tenant's unit, the
//! consistency report and its action plans; and one year of it (what `malbild budget`
//! prints). Any role of the tenant.

use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use serde::Deserialize;

use app::model::{EconomyView, ScenarioInput, ScenarioView};
use app::services;
use app::services::economy::EconomyYear;
use app::state::AppState;

use super::context::InTenant;
use super::error::{ApiError, ErrorBody};
use super::json::ApiJson;

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MonthQuery {
    /// Only periods and months up to this month (1–12).
    pub month: Option<u8>,
}

/// The council's economy: every published table (money in the tenant's unit, `unit`), what
/// does not add up in them (`findings`), its action plans and monthly series.
#[utoipa::path(get, path = "/api/v1/tenants/{tenant}/councils/{council}/economy", tag = "economy",
    params(("tenant" = String, Path, description = "Tenant slug"), ("council" = String, Path, description = "Council slug")),
    responses(
        (status = 200, body = EconomyView),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 404, description = "No such council in this tenant", body = ErrorBody),
    ))]
pub async fn council_economy(
    State(state): State<AppState>,
    InTenant(ctx): InTenant,
    Path((_, council)): Path<(String, String)>,
) -> Result<Json<EconomyView>, ApiError> {
    Ok(Json(
        services::economy::council_economy(&state.db, ctx.scope(), &council).await?,
    ))
}

/// One year of the council's economy: its net budget, outcome and forecast with the tables
/// they are from, the deviation and budget adherence, the year's budget changes and
/// investments, the tables narrowed to the year, the action plans and the findings.
#[utoipa::path(get, path = "/api/v1/tenants/{tenant}/councils/{council}/economy/{year}", tag = "economy",
    params(("tenant" = String, Path, description = "Tenant slug"), ("council" = String, Path, description = "Council slug"),
        ("year" = i32, Path, description = "The year"), MonthQuery),
    responses(
        (status = 200, body = EconomyYear),
        (status = 400, description = "Not a year or month", body = ErrorBody),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 404, description = "No such council in this tenant", body = ErrorBody),
        (status = 422, description = "A year or month out of range", body = ErrorBody),
    ))]
pub async fn council_year(
    State(state): State<AppState>,
    InTenant(ctx): InTenant,
    Path((_, council, year)): Path<(String, String, i32)>,
    query: Result<Query<MonthQuery>, QueryRejection>,
) -> Result<Json<EconomyYear>, ApiError> {
    let Query(MonthQuery { month }) = query.map_err(|_| ApiError::missing_query("month", "?month=7"))?;
    Ok(Json(
        services::economy::council_year(&state.db, ctx.scope(), &council, year, month).await?,
    ))
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct ScenarioChanges {
    /// Lines by their index in the year's lines, each with a new `volume` and/or `price`
    /// (kronor), written as numbers (`8 700`, `6062,5`); an empty one keeps the published.
    #[serde(default)]
    pub changes: Vec<ScenarioInput>,
}

/// Volumes × à-priser of the council's year: each kind of care both tables print, at its
/// published volume and price, with `changes` applied; costs and the cost effect in the
/// tenant's unit. Nothing is saved. Any role.
#[utoipa::path(post, path = "/api/v1/tenants/{tenant}/councils/{council}/economy/{year}/scenario", tag = "economy",
    params(("tenant" = String, Path, description = "Tenant slug"), ("council" = String, Path, description = "Council slug"),
        ("year" = i32, Path, description = "The year")),
    request_body = ScenarioChanges,
    responses(
        (status = 200, body = ScenarioView),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 404, description = "No such council, or no volumes and prices for the year", body = ErrorBody),
        (status = 422, description = "A line that does not exist, a volume or price that is not a number or negative", body = ErrorBody),
    ))]
pub async fn scenario(
    State(state): State<AppState>,
    InTenant(ctx): InTenant,
    Path((_, council, year)): Path<(String, String, i32)>,
    ApiJson(body): ApiJson<ScenarioChanges>,
) -> Result<Json<ScenarioView>, ApiError> {
    let view = services::economy::volume_scenario(&state.db, ctx.scope(), &council, Some(year), &body.changes).await?;
    Ok(Json(view))
}
