//! The whole site as one axum router: REST API, server functions, pages, static assets.

use std::any::Any;
use std::net::SocketAddr;
use std::path::Path;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use axum::Router;
use axum::extract::{Request, State};
use axum::middleware::{Next, from_fn, from_fn_with_state};
use axum::response::{IntoResponse, Response};
use http::header::CACHE_CONTROL;
use http::{HeaderValue, StatusCode};
use leptos::prelude::*;
use leptos_axum::{AxumRouteListing, LeptosRoutes, generate_route_list};
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::{CompressionLayer, CompressionLevel};
use tower_http::services::ServeDir;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

use app::state::{AppState, Settings};
use app::{App, SiteAssets, shell};

use crate::http::{api_router, error::ApiError};
use crate::middleware;

/// The built site: Leptos options naming the current (content-hashed) bundle, and the
/// stylesheet and icon names. Found in `<site_root>/pkg/` at start; unhashed names are the
/// fallback, so a site built without hashes still serves.
#[derive(Debug, Clone)]
pub struct Site {
    pub options: LeptosOptions,
    pub assets: SiteAssets,
}

pub fn site(site_root: &str, addr: SocketAddr) -> Site {
    let pkg = Path::new(site_root).join("pkg");
    let names: Vec<String> = std::fs::read_dir(&pkg)
        .map(|dir| {
            dir.filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    let find = |prefix: &str, suffix: &str, fallback: &str| {
        names
            .iter()
            .filter(|n| n.starts_with(prefix) && n.ends_with(suffix) && is_hashed(n))
            .max()
            .cloned()
            .unwrap_or_else(|| fallback.to_owned())
    };
    let bundle = find("malbild.", ".js", "malbild.js");
    let options = LeptosOptions::builder()
        .output_name(bundle.trim_end_matches(".js"))
        .site_root(site_root)
        .site_pkg_dir("pkg")
        .site_addr(addr)
        .env(leptos::config::Env::PROD)
        .build();
    let assets = SiteAssets {
        stylesheet: find("malbild.", ".css", "malbild.css"),
        favicon: find("favicon.", ".svg", "favicon.svg"),
    };
    Site { options, assets }
}

/// Whether a file name carries a 16-hex-digit content hash (`malbild.0123456789abcdef.js`,
/// `malbild.0123456789abcdef_bg.wasm`), as `scripts/build.sh` names them.
pub fn is_hashed(name: &str) -> bool {
    name.split('.').any(|part| {
        let stem = part.split('_').next().unwrap_or_default();
        stem.len() == 16 && stem.bytes().all(|b| b.is_ascii_hexdigit())
    })
}

/// Read models each cache keeps (a council page's plan view is the largest, some 100 KB).
const READ_MODELS_KEPT: u64 = 10_000;

pub fn app_state(db: sea_orm::DatabaseConnection, site: Site, settings: Settings) -> AppState {
    AppState {
        db,
        leptos_options: site.options,
        assets: site.assets,
        settings: Arc::new(settings),
        sessions: app::auth::session_cache::SessionCache::new(),
        imports: app::services::import_jobs::ImportJobs::new(),
        homes: app::services::versioned_cache::VersionedCache::new(READ_MODELS_KEPT),
        plan_views: app::services::versioned_cache::VersionedCache::new(READ_MODELS_KEPT),
        plan_inputs: app::services::versioned_cache::VersionedCache::new(READ_MODELS_KEPT),
    }
}

/// No request takes longer than this: the last line against anything that would hang one.
/// An upload of the largest outcome file needs about 1 MB/s to arrive in time.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(60);

/// The app's page routes, generated once per process, before anything is served.
///
/// Generating them renders the app while `leptos_server` suppresses resource loading for
/// the whole process (`SuppressResourceLoad`, Leptos issue #4773): a page rendering on
/// another thread meanwhile creates resources that never load, and its response waits
/// forever. Built once, no render can overlap it: every router is built from this list
/// before it serves.
pub fn route_list() -> &'static [AxumRouteListing] {
    static ROUTES: OnceLock<Vec<AxumRouteListing>> = OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App))
}

pub fn build(state: AppState) -> Router {
    let routes = route_list().to_vec();
    let pkg_dir = format!(
        "{}/{}",
        state.leptos_options.site_root, state.leptos_options.site_pkg_dir
    );
    let assets = Router::new()
        .nest_service("/pkg", ServeDir::new(pkg_dir).precompressed_br().precompressed_gzip())
        .layer(from_fn(asset_cache_control));
    let context_state = state.clone();
    let shell_options = state.leptos_options.clone();
    let shell_assets = state.assets.clone();

    let site = Router::new()
        .merge(api_router())
        .leptos_routes_with_context(
            &state,
            routes,
            move || provide_context(context_state.clone()),
            move || shell(shell_options.clone(), shell_assets.clone()),
        )
        .fallback(not_found)
        .layer(from_fn_with_state(state.clone(), middleware::resolve_session))
        .layer(from_fn_with_state(state.clone(), middleware::reject_cross_site))
        // API errors in the language the request asks for.
        .layer(from_fn(crate::http::error::localize))
        // Pages and JSON; `/pkg` is compressed ahead of time. The fastest level: the default
        // (brotli 4, gzip 6) cut the plan page from 1 200 to 370 requests a second. Browsers
        // that accept zstd (Chromium, Firefox) get it: the cheapest to compress.
        .layer(CompressionLayer::new().quality(CompressionLevel::Fastest))
        .merge(assets);
    last_lines(site, REQUEST_TIMEOUT)
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

/// What ends every request however its handler behaves: a panic answers 500 (the panic is
/// logged) instead of dropping the connection, and nothing outlives `timeout` (503).
fn last_lines<S: Clone + Send + Sync + 'static>(router: Router<S>, timeout: Duration) -> Router<S> {
    router
        .layer(CatchPanicLayer::custom(panic_response))
        .layer(TimeoutLayer::with_status_code(StatusCode::SERVICE_UNAVAILABLE, timeout))
}

/// A handler or render that panicked ends its response with a 500 (the panic is logged),
/// instead of dropping the connection.
fn panic_response(panic: Box<dyn Any + Send + 'static>) -> Response {
    tracing::error!(panic = %app::state::panic_message(&*panic), "a request handler panicked");
    ApiError::Internal.into_response()
}

/// Unknown API paths get a JSON 404; anything else the app's own "page not found".
async fn not_found(State(state): State<AppState>, req: Request) -> Response {
    if req.uri().path().starts_with("/api/") {
        return ApiError::NoSuchRoute.into_response();
    }
    let context_state = state.clone();
    let options = state.leptos_options.clone();
    let assets = state.assets.clone();
    let render = leptos_axum::render_app_to_stream_with_context(
        move || provide_context(context_state.clone()),
        move || shell(options.clone(), assets.clone()),
    );
    render(req).await.into_response()
}

/// Content-hashed assets never change: cache them for a year. Anything else revalidates
/// (Last-Modified makes that a cheap 304).
async fn asset_cache_control(req: Request, next: Next) -> Response {
    let hashed = req.uri().path().rsplit('/').next().is_some_and(is_hashed);
    let mut res = next.run(req).await;
    if res.status().is_success() {
        let value = if hashed {
            "public, max-age=31536000, immutable"
        } else {
            "public, no-cache"
        };
        res.headers_mut().insert(CACHE_CONTROL, HeaderValue::from_static(value));
    }
    res
}

#[cfg(test)]
mod tests {
    use super::{is_hashed, last_lines};
    use axum::Router;
    use axum::body::Body;
    use axum::routing::get;
    use http::{Request, StatusCode};
    use std::time::Duration;
    use tower::ServiceExt;

    #[tokio::test]
    async fn a_handler_that_panics_answers_500() {
        async fn buggy() -> &'static str {
            panic!("a bug in a handler")
        }
        let router: Router = last_lines(Router::new().route("/", get(buggy)), Duration::from_secs(5));
        let res = router
            .oneshot(Request::get("/").body(Body::empty()).expect("request"))
            .await
            .expect("an answer");
        assert_eq!(res.status(), StatusCode::INTERNAL_SERVER_ERROR);
    }

    #[tokio::test]
    async fn a_request_that_never_finishes_ends_at_the_timeout() {
        async fn hangs() -> &'static str {
            std::future::pending().await
        }
        let router: Router = last_lines(Router::new().route("/", get(hangs)), Duration::from_millis(50));
        let res = router
            .oneshot(Request::get("/").body(Body::empty()).expect("request"))
            .await
            .expect("an answer");
        assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
    }

    #[test]
    fn recognises_content_hashed_names() {
        for name in [
            "malbild.0123456789abcdef.js",
            "malbild.0123456789abcdef_bg.wasm",
            "favicon.0123456789abcdef.svg.br",
        ] {
            assert!(is_hashed(name), "{name}");
        }
        for name in ["malbild.js", "malbild_bg.wasm", "malbild.css", "deadbeef.js"] {
            assert!(!is_hashed(name), "{name}");
        }
    }
}
