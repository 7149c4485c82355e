use leptos::prelude::*;
use server_fn::codec::Json;

use crate::domain::ImportJobId;
use crate::model::{
    AppError, ForecastInput, ImportStatus, MonthlyFollowUp, SavedForecast, ScenarioInput, ScenarioView,
};

/// How a ledger import into the signed-in user's tenant is going (started by uploading the
/// file to the REST API).
#[server]
pub async fn ledger_import_status(id: ImportJobId) -> Result<ImportStatus, AppError> {
    let state = super::context::state()?;
    let ctx = super::context::tenant().await?;
    super::context::reply(
        state
            .imports
            .status(&state.db, &ctx, id, crate::domain::ImportKind::Ledger),
    )
    .await
}

/// A council's year month by month from the ledger (any role of the tenant).
#[server]
pub async fn council_months(
    council: String,
    year: Option<i32>,
    profile: Option<String>,
) -> Result<MonthlyFollowUp, AppError> {
    let state = super::context::state()?;
    let ctx = super::context::tenant().await?;
    super::context::reply(crate::services::ledger::follow_up(
        &state.db,
        ctx.scope(),
        &council,
        year,
        None,
        profile.as_deref(),
    ))
    .await
}

/// Saves a forecast of the year (editors).
#[server(input = Json)]
pub async fn save_forecast(council: String, forecast: ForecastInput) -> Result<SavedForecast, AppError> {
    let state = super::context::state()?;
    let ctx = super::context::tenant().await?;
    super::context::reply(crate::services::ledger::save_forecast(
        &state.db, &ctx, &council, forecast,
    ))
    .await
}

/// A council's volumes × à-priser for a year (by default the latest budgeted) with
/// `changes` applied; nothing is saved (any role of the tenant).
#[server(input = Json)]
pub async fn volume_scenario(
    council: String,
    year: Option<i32>,
    changes: Vec<ScenarioInput>,
) -> Result<ScenarioView, AppError> {
    let state = super::context::state()?;
    let ctx = super::context::tenant().await?;
    super::context::reply(crate::services::economy::volume_scenario(
        &state.db,
        ctx.scope(),
        &council,
        year,
        &changes,
    ))
    .await
}
