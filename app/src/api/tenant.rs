use leptos::prelude::*;

use crate::model::{AppError, TenantHome, UserSummary};

/// The signed-in user's tenant with its councils and departments.
#[server]
pub async fn home_data() -> Result<TenantHome, AppError> {
    let state = super::context::state()?;
    let ctx = super::context::tenant().await?;
    super::context::reply(crate::services::tenants::home(&state.db, &state.homes, &ctx)).await
}

/// The tenant's users (admins only; checked in the service).
#[server]
pub async fn tenant_users() -> Result<Vec<UserSummary>, AppError> {
    let state = super::context::state()?;
    let ctx = super::context::tenant().await?;
    super::context::reply(crate::services::users::list(&state.db, &ctx)).await
}

/// Adds a user to the signed-in admin's tenant; returns the tenant's users.
#[server(input = server_fn::codec::Json)]
pub async fn add_user(user: crate::model::NewUserForm) -> Result<Vec<UserSummary>, AppError> {
    let state = super::context::state()?;
    let ctx = super::context::tenant().await?;
    let input = crate::services::users::NewUserInput {
        email: &user.email,
        name: &user.name,
        role: user.role,
        password: &user.password,
        is_demo: false,
    };
    super::context::reply(crate::services::users::add_for(&state.db, &ctx, input)).await?;
    super::context::reply(crate::services::users::list(&state.db, &ctx)).await
}

/// Every municipality (platform admins).
#[server]
pub async fn municipalities() -> Result<Vec<crate::model::TenantSummary>, AppError> {
    let state = super::context::state()?;
    let ctx = super::context::tenant().await?;
    super::context::reply(crate::services::tenants::list_for_platform(&state.db, &ctx)).await
}

/// Adds a municipality with its first admin (platform admins).
#[server(input = server_fn::codec::Json)]
pub async fn create_municipality(tenant: crate::model::NewTenantForm) -> Result<crate::model::TenantSummary, AppError> {
    let state = super::context::state()?;
    let ctx = super::context::tenant().await?;
    super::context::reply(crate::services::tenants::create_with_admin(&state.db, &ctx, &tenant)).await
}
