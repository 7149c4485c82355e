//! `/api/v1/tenants/{tenant}/…`: tenancy walls and role limits.

use crate::common::{TestApp, error_code};
use serde_json::Value;

#[tokio::test]
async fn councils_of_own_tenant_with_departments() {
    let app = TestApp::spawn().await;
    let client = app.login_as("sodertalje", "viewer@sodertalje.example").await;
    let res = client
        .get(app.url("/api/v1/tenants/sodertalje/councils"))
        .send()
        .await
        .expect("councils");
    assert_eq!(res.status(), 200);
    let councils: Value = res.json().await.expect("json");
    assert_eq!(councils[0]["name"], "Socialnämnden");
    let departments: Vec<&str> = councils[0]["departments"]
        .as_array()
        .expect("array")
        .iter()
        .map(|d| d["name"].as_str().expect("name"))
        .collect();
    assert_eq!(
        departments,
        [
            "Arbete och försörjning",
            "Barn och ungdom",
            "Första linjens stöd",
            "Vuxen missbruk",
            "Vuxen socialpsykiatri",
            "Stab socialkontoret",
            "Tillståndsenheten"
        ]
    );
}

#[tokio::test]
async fn councils_need_a_session() {
    let app = TestApp::spawn().await;
    let res = app
        .client()
        .get(app.url("/api/v1/tenants/norrtalje/councils"))
        .send()
        .await
        .expect("councils");
    assert_eq!(error_code(res, 401).await.0, "unauthenticated");
}

#[tokio::test]
async fn another_tenants_slug_is_404_like_a_missing_one() {
    let app = TestApp::spawn().await;
    let client = app.login_as("norrtalje", "admin@norrtalje.example").await;
    for path in [
        "/api/v1/tenants/sodertalje/councils",
        "/api/v1/tenants/sodertalje/users",
        "/api/v1/tenants/nowhere/councils",
    ] {
        let res = client.get(app.url(path)).send().await.expect("request");
        assert_eq!(error_code(res, 404).await.0, "not_found", "{path}");
    }
}

#[tokio::test]
async fn only_admins_list_users() {
    let app = TestApp::spawn().await;
    for (email, status) in [("viewer@norrtalje.example", 403), ("editor@norrtalje.example", 403)] {
        let client = app.login_as("norrtalje", email).await;
        let res = client
            .get(app.url("/api/v1/tenants/norrtalje/users"))
            .send()
            .await
            .expect("users");
        assert_eq!(error_code(res, status).await.0, "forbidden", "{email}");
    }
    let admin = app.login_as("norrtalje", "admin@norrtalje.example").await;
    let users: Value = admin
        .get(app.url("/api/v1/tenants/norrtalje/users"))
        .send()
        .await
        .expect("users")
        .json()
        .await
        .expect("json");
    let emails: Vec<&str> = users
        .as_array()
        .expect("array")
        .iter()
        .map(|u| u["email"].as_str().expect("email"))
        .collect();
    assert_eq!(
        emails,
        [
            "admin@norrtalje.example",
            "editor@norrtalje.example",
            "viewer@norrtalje.example"
        ]
    );
    assert!(users[0].get("password_hash").is_none(), "never expose hashes");
}

#[tokio::test]
async fn platform_admin_reads_every_tenant() {
    let app = TestApp::spawn().await;
    let client = app.login_as("norrtalje", "platform@malbild.example").await;
    let res = client
        .get(app.url("/api/v1/tenants/sodertalje/users"))
        .send()
        .await
        .expect("users");
    assert_eq!(res.status(), 200);
    let users: Value = res.json().await.expect("json");
    assert!(
        users
            .as_array()
            .expect("array")
            .iter()
            .all(|u| u["email"].as_str().expect("email").ends_with("@sodertalje.example"))
    );
}

#[tokio::test]
async fn openapi_document_describes_every_route() {
    let app = TestApp::spawn().await;
    let doc: Value = app
        .client()
        .get(app.url("/api/v1/openapi.json"))
        .send()
        .await
        .expect("openapi")
        .json()
        .await
        .expect("json");
    assert!(doc["openapi"].as_str().expect("version").starts_with("3."));
    for path in [
        "/api/v1/auth/login",
        "/api/v1/auth/logout",
        "/api/v1/me",
        "/api/v1/tenants/{tenant}/councils",
        "/api/v1/tenants/{tenant}/users",
    ] {
        assert!(doc["paths"].get(path).is_some(), "{path} missing from OpenAPI");
    }
    assert!(doc["components"]["schemas"].get("Me").is_some());
}

#[tokio::test]
async fn unknown_api_route_is_a_json_404() {
    let app = TestApp::spawn().await;
    let res = app
        .client()
        .get(app.url("/api/v1/nothing-here"))
        .send()
        .await
        .expect("request");
    assert_eq!(error_code(res, 404).await.0, "not_found");
}
