//! The REST API under `/api/v1`: JSON in and out, errors as `{ "error": { "code", "message" } }`,
//! described by the OpenAPI document at `/api/v1/openapi.json` generated from these handlers.

mod assessments;
mod auth;
mod context;
mod economy;
pub mod error;
mod health;
mod json;
mod ledger;
mod outcomes;
mod plans;
mod rules;
mod tenants;

use axum::Json;
use axum::extract::DefaultBodyLimit;
use axum::routing::get;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use app::state::AppState;

#[derive(OpenApi)]
#[openapi(
    info(title = "Målbild API", description = "Goals, indicators and follow-up for Swedish municipalities."),
    tags(
        (name = "health", description = "Whether an instance can serve"),
        (name = "auth", description = "Sessions"),
        (name = "tenants", description = "A tenant's councils and users"),
        (name = "plans", description = "Plans, goals, indicators; the whole tenant's export"),
        (name = "outcomes", description = "Importing outcomes and forecasts"),
        (name = "assessments", description = "Verdicts (traffic lights) and their explanations"),
        (name = "rules", description = "How verdicts are reached: goals' and levels' rules, indicators' methods"),
        (name = "economy", description = "Councils' economies: budget, outcome, forecast, checks, action plans")
    )
)]
struct ApiDoc;

/// The REST routes, and the OpenAPI document describing them.
pub fn api_router() -> axum::Router<AppState> {
    // Files and tenant documents get a larger body limit than the 2 MB default.
    let uploads = OpenApiRouter::new()
        .routes(routes!(outcomes::start_import))
        .routes(routes!(plans::import))
        .layer(DefaultBodyLimit::max(outcomes::MAX_FILE_MB * 1024 * 1024));
    // A year of a large municipality's ledger is some 150 MB of CSV.
    let ledgers = OpenApiRouter::new()
        .routes(routes!(ledger::preview))
        .routes(routes!(ledger::start_import))
        .layer(DefaultBodyLimit::max(ledger::MAX_FILE_MB * 1024 * 1024));
    let (router, openapi) = OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(health::health))
        .routes(routes!(auth::login))
        .routes(routes!(auth::logout))
        .routes(routes!(auth::me))
        .routes(routes!(tenants::create_tenant))
        .routes(routes!(tenants::councils))
        .routes(routes!(tenants::users, tenants::add_user))
        .routes(routes!(plans::plans))
        .routes(routes!(plans::plan))
        .routes(routes!(plans::goals))
        .routes(routes!(plans::indicators))
        .routes(routes!(plans::export))
        .routes(routes!(plans::adopt))
        .routes(routes!(plans::start_draft))
        .routes(routes!(outcomes::import_status))
        .routes(routes!(assessments::assessments))
        .routes(routes!(
            assessments::give_manual_verdict,
            assessments::withdraw_manual_verdict
        ))
        .routes(routes!(rules::goal_rule, rules::set_goal_rule))
        .routes(routes!(rules::preview_goal_rule))
        .routes(routes!(rules::level_rule, rules::set_level_rule))
        .routes(routes!(rules::preview_level_rule))
        .routes(routes!(rules::indicator_method, rules::set_indicator_method))
        .routes(routes!(rules::preview_indicator_method))
        .routes(routes!(rules::indicator_own_method, rules::set_indicator_own_method))
        .routes(routes!(rules::preview_indicator_own_method))
        .routes(routes!(economy::council_economy))
        .routes(routes!(economy::council_year))
        .routes(routes!(economy::scenario))
        .routes(routes!(ledger::import_status))
        .routes(routes!(ledger::months))
        .routes(routes!(ledger::save_forecast))
        .merge(uploads)
        .merge(ledgers)
        .split_for_parts();
    router.route(
        "/api/v1/openapi.json",
        get(move || async move { Json(openapi.clone()) }),
    )
}
