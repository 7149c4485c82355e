//! Malformed requests get 400/415/422 with a specific message, never a 500; and
//! cross-site state-changing requests are refused.

mod common;

use common::{PASSWORD, TestApp, error_code, json_headers};

async fn post_raw(app: &TestApp, body: &str) -> reqwest::Response {
    app.client()
        .post(app.url("/api/v1/auth/login"))
        .headers(json_headers())
        .body(body.to_owned())
        .send()
        .await
        .expect("request")
}

#[tokio::test]
async fn malformed_json_is_400() {
    let app = TestApp::spawn().await;
    let (code, _) = error_code(post_raw(&app, "{\"tenant\": ").await, 400).await;
    assert_eq!(code, "malformed_json");
}

#[tokio::test]
async fn missing_field_is_422_naming_the_field() {
    let app = TestApp::spawn().await;
    let (code, message) = error_code(post_raw(&app, r#"{"tenant":"norrtalje","email":"a@b.se"}"#).await, 422).await;
    assert_eq!(code, "invalid_input");
    assert!(message.contains("password"), "{message}");
}

#[tokio::test]
async fn wrong_types_and_unknown_fields_are_422() {
    let app = TestApp::spawn().await;
    let (_, message) = error_code(
        post_raw(&app, r#"{"tenant":1,"email":"a@b.se","password":"x"}"#).await,
        422,
    )
    .await;
    assert!(message.contains("tenant"), "{message}");
    let (_, message) = error_code(
        post_raw(&app, r#"{"tenant":"a","email":"a@b.se","password":"x","admin":true}"#).await,
        422,
    )
    .await;
    assert!(message.contains("admin"), "{message}");
}

#[tokio::test]
async fn over_long_strings_are_422_naming_the_field() {
    let app = TestApp::spawn().await;
    let cases = [
        (
            "email",
            format!(
                r#"{{"tenant":"norrtalje","email":"{}@x.se","password":"x"}}"#,
                "a".repeat(300)
            ),
        ),
        (
            "tenant",
            format!(r#"{{"tenant":"{}","email":"a@x.se","password":"x"}}"#, "t".repeat(64)),
        ),
        (
            "password",
            format!(
                r#"{{"tenant":"norrtalje","email":"a@x.se","password":"{}"}}"#,
                "p".repeat(1025)
            ),
        ),
    ];
    for (field, body) in cases {
        let (code, message) = error_code(post_raw(&app, &body).await, 422).await;
        assert_eq!(code, "invalid_input");
        assert!(message.starts_with(field), "{field}: {message}");
    }
}

#[tokio::test]
async fn not_json_is_415() {
    let app = TestApp::spawn().await;
    let res = app
        .client()
        .post(app.url("/api/v1/auth/login"))
        .body("tenant=x")
        .send()
        .await
        .expect("request");
    assert_eq!(error_code(res, 415).await.0, "not_json");
}

#[tokio::test]
async fn cross_site_posts_are_refused_and_change_nothing() {
    let app = TestApp::spawn().await;
    let client = app.login_as("norrtalje", "admin@norrtalje.example").await;
    let forged = [("origin", "https://evil.example"), ("sec-fetch-site", "cross-site")];
    for (header, value) in forged {
        let res = client
            .post(app.url("/api/v1/auth/logout"))
            .header(header, value)
            .send()
            .await
            .expect("logout");
        assert_eq!(error_code(res, 403).await.0, "cross_site_request", "{header}");
    }
    // The session survived both forged logouts.
    assert_eq!(
        client.get(app.url("/api/v1/me")).send().await.expect("me").status(),
        200
    );
    // A same-origin request goes through.
    let same = client
        .post(app.url("/api/v1/auth/logout"))
        .header("origin", app.base.clone())
        .send()
        .await
        .expect("logout");
    assert_eq!(same.status(), 204);
}

#[tokio::test]
async fn cross_site_login_is_refused() {
    let app = TestApp::spawn().await;
    let res = app
        .client()
        .post(app.url("/api/v1/auth/login"))
        .header("origin", "https://evil.example")
        .json(&serde_json::json!({ "tenant": "norrtalje", "email": "admin@norrtalje.example", "password": PASSWORD }))
        .send()
        .await
        .expect("login");
    assert_eq!(res.status(), 403);
    assert!(res.headers().get("set-cookie").is_none());
}
