use leptos::prelude::*;

use crate::model::{AppError, TenantHome, UserSummary};

/// The signed-in user's tenant with its councils and departments.
#[server]
pub async fn home_data() -> Result<TenantHome, AppError> {
    let state = super::context::state()?;
    let auth = super::context::require_auth().await?;
    super::context::reply(crate::services::tenants::home(&state.db, &state.read_cache, &auth).await)
}

/// The tenant's users (admins only; checked in the service).
#[server]
pub async fn tenant_users() -> Result<Vec<UserSummary>, AppError> {
    let state = super::context::state()?;
    let auth = super::context::require_auth().await?;
    let slug = auth.me.tenant.slug.clone();
    super::context::reply(crate::services::users::list(&state.db, &auth, &slug).await)
}
