//! The whole site as one axum router: REST API, server functions, pages, static assets.

use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;
use axum::extract::{Request, State};
use axum::middleware::{from_fn, from_fn_with_state};
use axum::response::{IntoResponse, Response};
use http::HeaderValue;
use http::header::CACHE_CONTROL;
use leptos::prelude::*;
use leptos_axum::{LeptosRoutes, generate_route_list};
use tower::ServiceBuilder;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

use app::state::{AppState, Settings};
use app::{App, shell};

use crate::http::{api_router, error::ApiError};
use crate::middleware;

/// Leptos settings for a site built by `scripts/build.sh` into `<site_root>/pkg/malbild.*`.
pub fn leptos_options(site_root: &str, addr: SocketAddr) -> LeptosOptions {
    LeptosOptions::builder()
        .output_name("malbild")
        .site_root(site_root)
        .site_pkg_dir("pkg")
        .site_addr(addr)
        .env(leptos::config::Env::PROD)
        .build()
}

pub fn app_state(db: sea_orm::DatabaseConnection, leptos_options: LeptosOptions, settings: Settings) -> AppState {
    AppState {
        db,
        leptos_options,
        settings: Arc::new(settings),
    }
}

pub fn build(state: AppState) -> Router {
    let routes = generate_route_list(App);
    let pkg_dir = format!(
        "{}/{}",
        state.leptos_options.site_root, state.leptos_options.site_pkg_dir
    );
    // Asset names are not content-hashed yet: let browsers cache but revalidate
    // (Last-Modified makes that a cheap 304). Precompressed .gz/.br are served when present.
    let assets = ServiceBuilder::new()
        .layer(SetResponseHeaderLayer::overriding(
            CACHE_CONTROL,
            HeaderValue::from_static("public, no-cache"),
        ))
        .service(ServeDir::new(pkg_dir).precompressed_br().precompressed_gzip());
    let context_state = state.clone();
    let shell_options = state.leptos_options.clone();

    Router::new()
        .merge(api_router())
        .leptos_routes_with_context(
            &state,
            routes,
            move || provide_context(context_state.clone()),
            move || shell(shell_options.clone()),
        )
        .fallback(not_found)
        .layer(from_fn_with_state(state.clone(), middleware::resolve_session))
        .layer(from_fn(middleware::reject_cross_site))
        .nest_service("/pkg", assets)
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

/// Unknown API paths get a JSON 404; anything else the app's own "page not found".
async fn not_found(State(state): State<AppState>, req: Request) -> Response {
    if req.uri().path().starts_with("/api/") {
        return ApiError::NoSuchRoute.into_response();
    }
    let context_state = state.clone();
    let options = state.leptos_options.clone();
    let render = leptos_axum::render_app_to_stream_with_context(
        move || provide_context(context_state.clone()),
        move || shell(options.clone()),
    );
    render(req).await.into_response()
}
