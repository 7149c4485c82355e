//! Server-rendered pages and server functions, as a browser without JavaScript sees them.

use crate::common::{PASSWORD, STYLESHEET, TestApp};

const HTML: &str = "text/html,application/xhtml+xml";

async fn page(client: &reqwest::Client, url: String) -> (u16, String) {
    let res = client.get(url).header("accept", HTML).send().await.expect("page");
    let status = res.status().as_u16();
    (status, res.text().await.expect("body"))
}

/// The `action` of the form whose action starts with `prefix` (server function URLs carry a hash).
fn form_action(html: &str, prefix: &str) -> String {
    let start = html.find(&format!("action=\"{prefix}")).expect("form present") + "action=\"".len();
    let end = start + html[start..].find('"').expect("closing quote");
    html[start..end].to_owned()
}

async fn login_with_form(app: &TestApp, client: &reqwest::Client, email: &str) -> reqwest::Response {
    let (_, html) = page(client, app.url("/login")).await;
    let action = form_action(&html, "/api/login");
    client
        .post(app.url(&action))
        .header("accept", HTML)
        .header("origin", app.base.clone())
        .form(&[("tenant", "norrtalje"), ("email", email), ("password", PASSWORD)])
        .send()
        .await
        .expect("login form")
}

#[tokio::test]
async fn signed_out_home_redirects_to_login_which_lists_municipalities() {
    let app = TestApp::spawn().await;
    let client = app.client();
    let res = client
        .get(app.url("/"))
        .header("accept", HTML)
        .send()
        .await
        .expect("home");
    assert_eq!(res.status(), 302);
    assert_eq!(res.headers()["location"], "/login");
    let (status, html) = page(&client, app.url("/login")).await;
    assert_eq!(status, 200);
    assert!(html.contains(r#"<html lang="sv""#), "Swedish first");
    assert!(html.contains("<title>Logga in – Målbild</title>"));
    assert!(html.contains(r#"<option value="norrtalje">Norrtälje kommun</option>"#));
    assert!(html.contains(r#"<option value="sodertalje">Södertälje kommun</option>"#));
    assert!(
        html.contains(r#"<label for="login-email">E-postadress</label>"#),
        "inputs are labelled"
    );
}

#[tokio::test]
async fn login_form_signs_in_and_home_lists_councils_and_departments() {
    let app = TestApp::spawn().await;
    let client = app.client();
    let res = login_with_form(&app, &client, "editor@norrtalje.example").await;
    assert_eq!(res.status(), 302);
    assert_eq!(res.headers()["location"], "/");
    assert!(
        res.headers()["set-cookie"]
            .to_str()
            .expect("ascii")
            .contains("HttpOnly")
    );

    let (status, html) = page(&client, app.url("/")).await;
    assert_eq!(status, 200);
    for text in [
        "<h1>Norrtälje kommun</h1>",
        "Socialnämnden",
        "Barn och unga",
        "Vuxna",
        "Förvaltningsledning",
        "Redigerare",
    ] {
        assert!(html.contains(text), "{text} missing");
    }
    assert!(!html.contains("/admin/users"), "no admin link for editors");
}

#[tokio::test]
async fn users_page_is_for_admins_only() {
    let app = TestApp::spawn().await;
    let viewer = app.client();
    login_with_form(&app, &viewer, "viewer@norrtalje.example").await;
    let (status, html) = page(&viewer, app.url("/admin/users")).await;
    assert_eq!(status, 403);
    assert!(html.contains("Du har inte behörighet"), "viewer sees a refusal");
    assert!(!html.contains("admin@norrtalje.example"), "and no user data");

    let admin = app.client();
    login_with_form(&app, &admin, "admin@norrtalje.example").await;
    let (_, html) = page(&admin, app.url("/admin/users")).await;
    for email in [
        "admin@norrtalje.example",
        "editor@norrtalje.example",
        "viewer@norrtalje.example",
    ] {
        assert!(html.contains(email), "{email}");
    }
    assert!(!html.contains("@sodertalje.example"), "only this tenant's users");
    assert!(html.contains("Antal användare: 3"));
}

#[tokio::test]
async fn english_is_available() {
    let app = TestApp::spawn().await;
    let jar = std::sync::Arc::new(reqwest::cookie::Jar::default());
    jar.add_cookie_str("malbild_lang=en", &app.base.parse().expect("url"));
    let client = crate::common::client_builder()
        .cookie_provider(jar)
        .build()
        .expect("client");
    login_with_form(&app, &client, "viewer@norrtalje.example").await;
    let (status, html) = page(&client, app.url("/")).await;
    assert_eq!(status, 200);
    assert!(html.contains(r#"<html lang="en""#));
    assert!(
        html.contains("Councils") && html.contains("Departments"),
        "English headings"
    );
}

#[tokio::test]
async fn unknown_page_is_a_404_page() {
    let app = TestApp::spawn().await;
    let (status, html) = page(&app.client(), app.url("/no/such/page")).await;
    assert_eq!(status, 404);
    assert!(html.contains("Sidan finns inte."));
}

#[tokio::test]
async fn logout_server_function_ends_the_session() {
    let app = TestApp::spawn().await;
    let client = app.client();
    login_with_form(&app, &client, "admin@norrtalje.example").await;
    let (_, html) = page(&client, app.url("/")).await;
    let action = form_action(&html, "/api/logout");
    // As the hydrated page calls it: no text/html in Accept, so a redirect header, not a 302.
    let res = client
        .post(app.url(&action))
        .header("origin", app.base.clone())
        .form(&[("", "")])
        .send()
        .await
        .expect("logout");
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["location"], "/login");
    assert_eq!(
        client.get(app.url("/api/v1/me")).send().await.expect("me").status(),
        401
    );
}

#[tokio::test]
async fn cross_site_server_function_calls_are_refused() {
    let app = TestApp::spawn().await;
    let client = app.client();
    let (_, html) = page(&client, app.url("/login")).await;
    let action = form_action(&html, "/api/login");
    let res = client
        .post(app.url(&action))
        .header("origin", "https://evil.example")
        .form(&[
            ("tenant", "norrtalje"),
            ("email", "admin@norrtalje.example"),
            ("password", PASSWORD),
        ])
        .send()
        .await
        .expect("login");
    assert_eq!(res.status(), 403);
    assert!(res.headers().get("set-cookie").is_none());
}

#[tokio::test]
async fn hashed_assets_are_linked_precompressed_and_cached_for_a_year() {
    let app = TestApp::spawn().await;
    let (_, html) = page(&app.client(), app.url("/login")).await;
    assert!(
        html.contains(&format!(r#"<link rel="stylesheet" href="/pkg/{STYLESHEET}">"#)),
        "page links the hashed name"
    );

    let res = app
        .client()
        .get(app.url(&format!("/pkg/{STYLESHEET}")))
        .header("accept-encoding", "br")
        .send()
        .await
        .expect("css");
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-encoding"], "br");
    assert_eq!(res.headers()["cache-control"], "public, max-age=31536000, immutable");
    assert_eq!(res.text().await.expect("body"), "pretend brotli");

    let plain = app
        .client()
        .get(app.url(&format!("/pkg/{STYLESHEET}")))
        .send()
        .await
        .expect("css");
    assert!(plain.headers().get("content-encoding").is_none());
    assert_eq!(plain.text().await.expect("body"), "body { margin: 0 }");

    let missing = app
        .client()
        .get(app.url("/pkg/missing.css"))
        .send()
        .await
        .expect("asset");
    assert_eq!(missing.status(), 404, "no HTML fallback for missing assets");
}

/// Pages are compressed for browsers that accept it: the plan page (about 224 KB of HTML)
/// to well under half its size (brotli to a fifth, gzip and zstd at the fastest level to
/// 40 %). A browser that accepts them all gets zstd, the cheapest to compress.
#[tokio::test]
async fn pages_are_compressed_when_the_browser_accepts_it() {
    let app = TestApp::spawn().await;
    let client = app.login_as("norrtalje", "viewer@norrtalje.example").await;
    let plan = app.url(&format!("/planer/{}", app.first_plan(&client, "norrtalje").await));
    let plain = client.get(&plan).send().await.expect("plan page");
    assert!(plain.headers().get("content-encoding").is_none());
    let plain_len = plain.bytes().await.expect("body").len();
    for (accepted, encoding) in [
        ("br", "br"),
        ("gzip", "gzip"),
        ("zstd", "zstd"),
        ("gzip, deflate, br, zstd", "zstd"),
    ] {
        let res = client
            .get(&plan)
            .header("accept-encoding", accepted)
            .send()
            .await
            .expect("plan page");
        assert_eq!(res.status(), 200);
        assert_eq!(
            res.headers().get("content-encoding").and_then(|v| v.to_str().ok()),
            Some(encoding)
        );
        let packed = res.bytes().await.expect("body").len();
        assert!(packed * 2 < plain_len, "{accepted}: {packed} of {plain_len} bytes");
    }
}
