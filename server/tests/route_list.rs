//! The cause of the page-render hang once seen when two apps served in one test process.
//!
//! `leptos_server` suppresses resource loading for the whole process while a route list is
//! generated (`SuppressResourceLoad`, Leptos issue #4773). A page rendered meanwhile, on any
//! thread, creates resources that never load, and its response waits forever. Every test
//! app used to generate its routes while other tests' apps were rendering; now the list is
//! made once per process (`server::router::route_list`), before anything is served.
//!
//! A binary of its own: this test holds that process-wide switch.

#[allow(dead_code)]
#[path = "it/common/mod.rs"]
mod common;

use std::time::Duration;

use common::TestApp;

async fn login_page(app: &TestApp, wait: Duration) -> Option<String> {
    let request = app.client().get(app.url("/login")).send();
    let res = tokio::time::timeout(wait, request).await.ok()?.expect("login page");
    assert_eq!(res.status(), 200);
    tokio::time::timeout(wait, res.text())
        .await
        .ok()
        .map(|text| text.expect("html"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_page_rendered_while_resource_loading_is_suppressed_never_answers() {
    let app = TestApp::spawn().await;
    // The login page lists the municipalities through a resource.
    let html = login_page(&app, common::STEP_LIMIT).await.expect("answers");
    assert!(html.contains("Norrtälje kommun"), "the resource loaded");

    let suppressed = leptos::server::SuppressResourceLoad::new();
    assert_eq!(
        login_page(&app, Duration::from_secs(3)).await,
        None,
        "a page rendered while routes are generated waits on its resource"
    );
    drop(suppressed);

    let html = login_page(&app, common::STEP_LIMIT).await.expect("answers again");
    assert!(html.contains("Norrtälje kommun"));
}

#[tokio::test]
async fn the_route_list_is_generated_once_per_process() {
    let first = server::router::route_list();
    let again = server::router::route_list();
    assert!(std::ptr::eq(first, again));
    let paths: Vec<&str> = first.iter().map(|route| route.path()).collect();
    assert!(paths.contains(&"/login"), "{paths:?}");
}
