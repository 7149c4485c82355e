use leptos::prelude::*;
use server_fn::codec::Json;
use uuid::Uuid;

use crate::model::{AppError, IndicatorEditView, IndicatorForm};

/// An indicator's edit page (admins), by its code.
#[server]
pub async fn indicator_for_edit(code: String) -> Result<IndicatorEditView, AppError> {
    let state = super::context::state()?;
    let auth = super::context::require_auth().await?;
    super::context::reply(crate::services::indicator_edit::load(&state.db, &auth, &code).await)
}

/// Saves an indicator if nobody else did since `revision`; returns the new revision.
#[server(input = Json)]
pub async fn save_indicator(id: Uuid, revision: i32, form: IndicatorForm) -> Result<i32, AppError> {
    let state = super::context::state()?;
    let auth = super::context::require_auth().await?;
    super::context::reply(crate::services::indicator_edit::save(&state.db, &auth, id, revision, form).await)
}
