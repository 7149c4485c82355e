use leptos::prelude::*;
use uuid::Uuid;

use crate::model::{AppError, PlanView};

/// One plan of the signed-in user's tenant, as the council page shows it.
#[server]
pub async fn get_plan(id: Uuid) -> Result<PlanView, AppError> {
    let state = super::context::state()?;
    let auth = super::context::require_auth().await?;
    super::context::reply(crate::services::plans::view(&state.db, &state.read_cache, &auth, id).await)
}
