use leptos::prelude::*;
use server_fn::codec::Json;

use crate::model::{AppError, LevelForm, StructureView};

/// The tenant's goal levels with their history (admins).
#[server]
pub async fn goal_structure() -> Result<StructureView, AppError> {
    let state = super::context::state()?;
    let ctx = super::context::tenant().await?;
    super::context::reply(crate::services::structure::load(&state.db, &ctx)).await
}

/// Saves the whole list of goal levels; returns the saved structure.
#[server(input = Json)]
pub async fn save_goal_structure(levels: Vec<LevelForm>) -> Result<StructureView, AppError> {
    let state = super::context::state()?;
    let ctx = super::context::tenant().await?;
    super::context::reply(crate::services::structure::save(&state.db, &ctx, &levels)).await
}
