use leptos::prelude::*;

use crate::domain::ImportJobId;
use crate::model::{AppError, ImportStatus};

/// How an outcome import into the signed-in user's tenant is going (started by uploading
/// the file to the REST API, which reports upload progress to the browser).
#[server]
pub async fn outcome_import_status(id: ImportJobId) -> Result<ImportStatus, AppError> {
    let state = super::context::state()?;
    let ctx = super::context::tenant().await?;
    super::context::reply(
        state
            .imports
            .status(&state.db, &ctx, id, crate::domain::ImportKind::Outcomes),
    )
    .await
}
