//! How verdicts are reached: a goal's `rule`, a level's `rule`, an indicator's `method` and
//! the municipality's `indicator_method`, read and changed with the names and JSON shapes
//! of the tenant document (`docs/EXPORT_FORMAT.md`), each write checked against the
//! revision last read and audited; and for each, a preview of today's verdicts under the
//! change before it is saved.

use app::domain::PlanId;
use axum::Json;
use axum::extract::{Path, State};
use chrono::Utc;
use engine::assess::{Method, Rule};
use serde::{Deserialize, Serialize};

use app::model::RulePreview;
use app::services;
use app::state::AppState;

use super::context::InTenant;
use super::error::{ApiError, ErrorBody};
use super::json::ApiJson;

/// A rule or method with the revision it was read at, and what is in force in words.
#[derive(Serialize, utoipa::ToSchema)]
pub struct RuleState {
    /// The goal's or level's own rule, as in the tenant document (`{"kind": "count_green",
    /// "green": {"kind": "count", "value": 3}, "mandatory": ["budgetfoljsamhet"]}`); `null`
    /// when it follows its level's (a goal) or the built-in default (a level).
    #[schema(value_type = Option<Object>, example = json!({"kind": "count_green", "green": {"kind": "count", "value": 3}, "mandatory": ["budgetfoljsamhet"]}))]
    pub rule: Option<Rule>,
    /// Send it back with a change.
    pub revision: i32,
    /// The rule in force, in words, in the language of `Accept-Language`.
    pub in_force: String,
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RuleChange {
    /// The new rule as in the tenant document; `null` to follow the level's or the default.
    #[schema(value_type = Option<Object>, example = json!({"kind": "count_green", "green": {"kind": "count", "value": 3}, "mandatory": ["budgetfoljsamhet"]}))]
    pub rule: Option<Rule>,
    /// The revision as last read.
    pub revision: i32,
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RuleToPreview {
    #[schema(value_type = Option<Object>, example = json!({"kind": "count_green", "green": {"kind": "count", "value": 3}, "mandatory": ["budgetfoljsamhet"]}))]
    pub rule: Option<Rule>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct MethodState {
    /// The method as in the tenant document (`{"kind": "directional", "margin": {"kind":
    /// "percent", "value": "0"}}`); `null` for the default.
    #[schema(value_type = Option<Object>, example = json!({"kind": "pace", "margin": {"kind": "percent", "value": "5"}}))]
    pub method: Option<Method>,
    pub revision: i32,
    pub in_force: String,
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MethodChange {
    #[schema(value_type = Option<Object>, example = json!({"kind": "pace", "margin": {"kind": "percent", "value": "5"}}))]
    pub method: Option<Method>,
    pub revision: i32,
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MethodToPreview {
    #[schema(value_type = Option<Object>, example = json!({"kind": "pace", "margin": {"kind": "percent", "value": "5"}}))]
    pub method: Option<Method>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct Revision {
    pub revision: i32,
}

/// A goal's rule. Any role.
#[utoipa::path(get, path = "/api/v1/tenants/{tenant}/plans/{plan}/goals/{goal}/rule", tag = "rules",
    params(("tenant" = String, Path, description = "Tenant slug"), ("plan" = Uuid, Path, description = "Plan id"),
        ("goal" = String, Path, description = "The goal's code in the plan")),
    responses(
        (status = 200, body = RuleState),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 404, description = "No such plan or goal in this tenant", body = ErrorBody),
    ))]
pub async fn goal_rule(
    State(state): State<AppState>,
    InTenant(ctx): InTenant,
    Path((_, plan, goal)): Path<(String, PlanId, String)>,
) -> Result<Json<RuleState>, ApiError> {
    let (rule, revision, editor) =
        services::goal_edit::rule::current(&state.db, &state.plan_inputs, &ctx, plan, &goal).await?;
    Ok(Json(RuleState {
        rule,
        revision,
        in_force: editor.current,
    }))
}

/// Sets a goal's rule. It may name only the goal's own inputs (its indicators' and
/// sub-goals' codes). The plan must be a draft. Audited. Admins.
#[utoipa::path(put, path = "/api/v1/tenants/{tenant}/plans/{plan}/goals/{goal}/rule", tag = "rules",
    request_body = RuleChange,
    params(("tenant" = String, Path, description = "Tenant slug"), ("plan" = Uuid, Path, description = "Plan id"),
        ("goal" = String, Path, description = "The goal's code in the plan")),
    responses(
        (status = 200, body = Revision),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Not an admin", body = ErrorBody),
        (status = 404, description = "No such plan or goal in this tenant", body = ErrorBody),
        (status = 409, description = "Changed since `revision`, or the plan is adopted", body = ErrorBody),
        (status = 422, description = "Not a rule, or it names something that is not the goal's input", body = ErrorBody),
    ))]
pub async fn set_goal_rule(
    State(state): State<AppState>,
    InTenant(ctx): InTenant,
    Path((_, plan, goal)): Path<(String, PlanId, String)>,
    ApiJson(body): ApiJson<RuleChange>,
) -> Result<Json<Revision>, ApiError> {
    let revision = services::goal_edit::rule::save(
        &state.db,
        &state.plan_inputs,
        &ctx,
        plan,
        &goal,
        body.revision,
        body.rule,
    )
    .await?;
    Ok(Json(Revision { revision }))
}

/// The verdicts at the month the follow-up opens on if the goal had `rule`: the goal first,
/// then every other verdict of the plan that would change. Nothing is saved. Admins.
#[utoipa::path(post, path = "/api/v1/tenants/{tenant}/plans/{plan}/goals/{goal}/rule-preview", tag = "rules",
    request_body = RuleToPreview,
    params(("tenant" = String, Path, description = "Tenant slug"), ("plan" = Uuid, Path, description = "Plan id"),
        ("goal" = String, Path, description = "The goal's code in the plan")),
    responses(
        (status = 200, body = RulePreview),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Not an admin", body = ErrorBody),
        (status = 404, description = "No such plan or goal in this tenant", body = ErrorBody),
        (status = 422, description = "Not a rule, or it names something that is not the goal's input", body = ErrorBody),
    ))]
pub async fn preview_goal_rule(
    State(state): State<AppState>,
    InTenant(ctx): InTenant,
    Path((_, plan, goal)): Path<(String, PlanId, String)>,
    ApiJson(body): ApiJson<RuleToPreview>,
) -> Result<Json<RulePreview>, ApiError> {
    let today = Utc::now().date_naive();
    let preview =
        services::goal_edit::rule::preview(&state.db, &state.plan_inputs, &ctx, plan, &goal, body.rule, today).await?;
    Ok(Json(preview))
}

/// A level's default rule, for its goals without one of their own, by the level's key.
/// Admins.
#[utoipa::path(get, path = "/api/v1/tenants/{tenant}/levels/{level}/rule", tag = "rules",
    params(("tenant" = String, Path, description = "Tenant slug"), ("level" = String, Path, description = "The level's key")),
    responses(
        (status = 200, body = RuleState),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Not an admin", body = ErrorBody),
        (status = 404, description = "No such level in this tenant", body = ErrorBody),
    ))]
pub async fn level_rule(
    State(state): State<AppState>,
    InTenant(ctx): InTenant,
    Path((_, level)): Path<(String, String)>,
) -> Result<Json<RuleState>, ApiError> {
    let (rule, revision, in_force) = services::structure::rule_of(&state.db, &ctx, &level).await?;
    Ok(Json(RuleState {
        rule,
        revision,
        in_force,
    }))
}

/// Sets a level's default rule; checked against every plan like any change of the
/// structure, audited. A combined rule (`all`) is set through the tenant document. Admins.
#[utoipa::path(put, path = "/api/v1/tenants/{tenant}/levels/{level}/rule", tag = "rules",
    request_body = RuleChange,
    params(("tenant" = String, Path, description = "Tenant slug"), ("level" = String, Path, description = "The level's key")),
    responses(
        (status = 200, body = Revision),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Not an admin", body = ErrorBody),
        (status = 404, description = "No such level in this tenant", body = ErrorBody),
        (status = 409, description = "Changed since `revision`", body = ErrorBody),
        (status = 422, description = "Not a rule the level can have", body = ErrorBody),
    ))]
pub async fn set_level_rule(
    State(state): State<AppState>,
    InTenant(ctx): InTenant,
    Path((_, level)): Path<(String, String)>,
    ApiJson(body): ApiJson<RuleChange>,
) -> Result<Json<Revision>, ApiError> {
    let saved = services::structure::set_rule(&state.db, &ctx, &level, body.revision, body.rule.as_ref()).await?;
    let revision = (saved.levels.iter().find(|l| l.key == level))
        .map(|l| l.revision)
        .ok_or(ApiError::NotFound)?;
    Ok(Json(Revision { revision }))
}

/// The verdicts at the month each plan's follow-up opens on if the level had `rule` as its
/// default: every verdict that would change, in every plan with goals on the level.
/// Nothing is saved. Admins.
#[utoipa::path(post, path = "/api/v1/tenants/{tenant}/levels/{level}/rule-preview", tag = "rules",
    request_body = RuleToPreview,
    params(("tenant" = String, Path, description = "Tenant slug"), ("level" = String, Path, description = "The level's key")),
    responses(
        (status = 200, body = RulePreview),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Not an admin", body = ErrorBody),
        (status = 404, description = "No such level in this tenant", body = ErrorBody),
        (status = 422, description = "Not a rule", body = ErrorBody),
    ))]
pub async fn preview_level_rule(
    State(state): State<AppState>,
    InTenant(ctx): InTenant,
    Path((_, level)): Path<(String, String)>,
    ApiJson(body): ApiJson<RuleToPreview>,
) -> Result<Json<RulePreview>, ApiError> {
    let today = Utc::now().date_naive();
    let preview =
        services::structure::preview_rule(&state.db, &state.plan_inputs, &ctx, &level, body.rule, today).await?;
    Ok(Json(preview))
}

/// The municipality's method for indicators without one of their own. Any role.
#[utoipa::path(get, path = "/api/v1/tenants/{tenant}/indicator-method", tag = "rules",
    params(("tenant" = String, Path, description = "Tenant slug")),
    responses(
        (status = 200, body = MethodState),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 404, description = "No such tenant, or not yours", body = ErrorBody),
    ))]
pub async fn indicator_method(
    State(state): State<AppState>,
    InTenant(ctx): InTenant,
) -> Result<Json<MethodState>, ApiError> {
    let (method, revision, in_force) = services::tenant_method::current(&state.db, &ctx).await?;
    Ok(Json(MethodState {
        method,
        revision,
        in_force,
    }))
}

/// Sets the municipality's method for indicators; audited. Admins.
#[utoipa::path(put, path = "/api/v1/tenants/{tenant}/indicator-method", tag = "rules",
    request_body = MethodChange,
    params(("tenant" = String, Path, description = "Tenant slug")),
    responses(
        (status = 200, body = Revision),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Not an admin", body = ErrorBody),
        (status = 409, description = "Changed since `revision`", body = ErrorBody),
        (status = 422, description = "Not a method", body = ErrorBody),
    ))]
pub async fn set_indicator_method(
    State(state): State<AppState>,
    InTenant(ctx): InTenant,
    ApiJson(body): ApiJson<MethodChange>,
) -> Result<Json<Revision>, ApiError> {
    let saved = services::tenant_method::save(&state.db, &ctx, body.revision, body.method).await?;
    Ok(Json(Revision {
        revision: saved.revision,
    }))
}

/// Every verdict of every plan, each at the month its follow-up opens on, that `method` as
/// the municipality's would change. Nothing is saved. Admins.
#[utoipa::path(post, path = "/api/v1/tenants/{tenant}/indicator-method-preview", tag = "rules",
    request_body = MethodToPreview,
    params(("tenant" = String, Path, description = "Tenant slug")),
    responses(
        (status = 200, body = RulePreview),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Not an admin", body = ErrorBody),
        (status = 422, description = "Not a method", body = ErrorBody),
    ))]
pub async fn preview_indicator_method(
    State(state): State<AppState>,
    InTenant(ctx): InTenant,
    ApiJson(body): ApiJson<MethodToPreview>,
) -> Result<Json<RulePreview>, ApiError> {
    let today = Utc::now().date_naive();
    let preview = services::tenant_method::preview(&state.db, &state.plan_inputs, &ctx, body.method, today).await?;
    Ok(Json(preview))
}

/// An indicator's own method, by its code. Any role.
#[utoipa::path(get, path = "/api/v1/tenants/{tenant}/indicators/{indicator}/method", tag = "rules",
    params(("tenant" = String, Path, description = "Tenant slug"), ("indicator" = String, Path, description = "The indicator's code")),
    responses(
        (status = 200, body = MethodState),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 404, description = "No such indicator in this tenant", body = ErrorBody),
    ))]
pub async fn indicator_own_method(
    State(state): State<AppState>,
    InTenant(ctx): InTenant,
    Path((_, indicator)): Path<(String, String)>,
) -> Result<Json<MethodState>, ApiError> {
    let (method, revision, in_force) = services::indicator_method::current(&state.db, &ctx, &indicator).await?;
    Ok(Json(MethodState {
        method,
        revision,
        in_force,
    }))
}

/// Sets an indicator's own method (`null`: the municipality's), with its margin. The plan
/// must be a draft. Audited. Admins.
#[utoipa::path(put, path = "/api/v1/tenants/{tenant}/indicators/{indicator}/method", tag = "rules",
    request_body = MethodChange,
    params(("tenant" = String, Path, description = "Tenant slug"), ("indicator" = String, Path, description = "The indicator's code")),
    responses(
        (status = 200, body = Revision),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Not an admin", body = ErrorBody),
        (status = 404, description = "No such indicator in this tenant", body = ErrorBody),
        (status = 409, description = "Changed since `revision`, or the plan is adopted", body = ErrorBody),
        (status = 422, description = "Not a method", body = ErrorBody),
    ))]
pub async fn set_indicator_own_method(
    State(state): State<AppState>,
    InTenant(ctx): InTenant,
    Path((_, indicator)): Path<(String, String)>,
    ApiJson(body): ApiJson<MethodChange>,
) -> Result<Json<Revision>, ApiError> {
    let revision =
        services::indicator_method::set(&state.db, &ctx, &indicator, body.revision, body.method.as_ref()).await?;
    Ok(Json(Revision { revision }))
}

/// The verdicts if the indicator had `method` (`null`: the municipality's): the indicator
/// first, then every other verdict that would change, in its plan and in the municipality's
/// plan its goal contributes to. Nothing is saved. Admins.
#[utoipa::path(post, path = "/api/v1/tenants/{tenant}/indicators/{indicator}/method-preview", tag = "rules",
    request_body = MethodToPreview,
    params(("tenant" = String, Path, description = "Tenant slug"), ("indicator" = String, Path, description = "The indicator's code")),
    responses(
        (status = 200, body = RulePreview),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Not an admin", body = ErrorBody),
        (status = 404, description = "No such indicator in this tenant", body = ErrorBody),
        (status = 422, description = "Not a method", body = ErrorBody),
    ))]
pub async fn preview_indicator_own_method(
    State(state): State<AppState>,
    InTenant(ctx): InTenant,
    Path((_, indicator)): Path<(String, String)>,
    ApiJson(body): ApiJson<MethodToPreview>,
) -> Result<Json<RulePreview>, ApiError> {
    let today = Utc::now().date_naive();
    let preview =
        services::indicator_method::preview(&state.db, &state.plan_inputs, &ctx, &indicator, body.method, today)
            .await?;
    Ok(Json(preview))
}
