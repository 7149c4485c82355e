//! `/api/v1/tenants/{tenant}/plans…` and `/export`: shapes, tenancy walls, role limits,
//! and their place in the OpenAPI document.

use crate::common::{TestApp, error_code};
use serde_json::Value;

async fn get(client: &reqwest::Client, app: &TestApp, path: &str) -> reqwest::Response {
    client.get(app.url(path)).send().await.expect("request")
}

async fn plan_id(client: &reqwest::Client, app: &TestApp, tenant: &str, name: &str) -> String {
    let plans: Value = get(client, app, &format!("/api/v1/tenants/{tenant}/plans"))
        .await
        .json()
        .await
        .expect("json");
    plans
        .as_array()
        .expect("array")
        .iter()
        .find(|p| p["name"] == name)
        .and_then(|p| p["id"].as_str())
        .expect("plan id")
        .to_owned()
}

#[tokio::test]
async fn plans_goals_and_indicators_read_by_code() {
    let app = TestApp::spawn().await;
    let client = app.login_as("norrtalje", "viewer@norrtalje.example").await;
    let plans: Value = get(&client, &app, "/api/v1/tenants/norrtalje/plans")
        .await
        .json()
        .await
        .expect("json");
    let names: Vec<&str> = plans
        .as_array()
        .expect("array")
        .iter()
        .map(|p| p["name"].as_str().expect("name"))
        .collect();
    assert_eq!(
        names,
        ["Verksamhetsplan 2026–2028", "Verksamhetsplan 2024"],
        "newest first"
    );

    let id = plan_id(&client, &app, "norrtalje", "Verksamhetsplan 2026–2028").await;
    let goals: Value = get(&client, &app, &format!("/api/v1/tenants/norrtalje/plans/{id}/goals"))
        .await
        .json()
        .await
        .expect("json");
    let codes: Vec<&str> = goals
        .as_array()
        .expect("array")
        .iter()
        .take(4)
        .map(|g| g["code"].as_str().expect("code"))
        .collect();
    assert_eq!(codes, ["1", "1.1", "1.2", "2"]);

    let indicators: Value = get(
        &client,
        &app,
        &format!("/api/v1/tenants/norrtalje/plans/{id}/indicators"),
    )
    .await
    .json()
    .await
    .expect("json");
    let budget = indicators
        .as_array()
        .expect("array")
        .iter()
        .find(|i| i["code"] == "budgetfoljsamhet")
        .expect("found");
    assert_eq!(budget["values"][1]["period"], "2024");
    assert_eq!(budget["values"][1]["value"], "-4.1");
    assert_eq!(budget["targets"][0]["target"]["kind"], "value");

    let plan: Value = get(&client, &app, &format!("/api/v1/tenants/norrtalje/plans/{id}"))
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(plan["council"], "socialnamnden");
    assert_eq!(plan["content"]["goals"].as_array().map(Vec::len), Some(26));
}

#[tokio::test]
async fn plan_ids_of_another_tenant_answer_404() {
    let app = TestApp::spawn().await;
    let norrtalje = app.login_as("norrtalje", "admin@norrtalje.example").await;
    let id = plan_id(&norrtalje, &app, "norrtalje", "Verksamhetsplan 2024").await;
    let sodertalje = app.login_as("sodertalje", "admin@sodertalje.example").await;
    for path in [
        format!("/api/v1/tenants/sodertalje/plans/{id}"),
        format!("/api/v1/tenants/sodertalje/plans/{id}/goals"),
        format!("/api/v1/tenants/norrtalje/plans/{id}/indicators"),
        "/api/v1/tenants/norrtalje/plans".to_owned(),
        "/api/v1/tenants/norrtalje/export".to_owned(),
    ] {
        assert_eq!(
            error_code(get(&sodertalje, &app, &path).await, 404).await.0,
            "not_found",
            "{path}"
        );
    }
    let res = get(&app.client(), &app, "/api/v1/tenants/norrtalje/plans").await;
    assert_eq!(error_code(res, 401).await.0, "unauthenticated");
}

#[tokio::test]
async fn export_is_for_admins_and_is_the_versioned_document() {
    let app = TestApp::spawn().await;
    let editor = app.login_as("sodertalje", "editor@sodertalje.example").await;
    assert_eq!(
        error_code(get(&editor, &app, "/api/v1/tenants/sodertalje/export").await, 403)
            .await
            .0,
        "forbidden"
    );
    let admin = app.login_as("sodertalje", "admin@sodertalje.example").await;
    let doc: Value = get(&admin, &app, "/api/v1/tenants/sodertalje/export")
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(
        (doc["format"].as_str(), doc["format_version"].as_u64()),
        (Some("malbild-tenant"), Some(6))
    );
    assert_eq!(doc["levels"][1]["name"], "KF-mål");
}

#[tokio::test]
async fn the_openapi_document_describes_the_plan_routes() {
    let app = TestApp::spawn().await;
    let doc: Value = get(&app.client(), &app, "/api/v1/openapi.json")
        .await
        .json()
        .await
        .expect("json");
    for path in [
        "/api/v1/tenants/{tenant}/plans",
        "/api/v1/tenants/{tenant}/plans/{plan}",
        "/api/v1/tenants/{tenant}/plans/{plan}/goals",
        "/api/v1/tenants/{tenant}/plans/{plan}/indicators",
        "/api/v1/tenants/{tenant}/export",
    ] {
        assert!(doc["paths"][path]["get"].is_object(), "{path} is documented");
    }
    for schema in [
        "TenantDocument",
        "Plan",
        "Goal",
        "Indicator",
        "YearTarget",
        "PeriodValue",
        "Gender",
        "PlanStatus",
    ] {
        assert!(doc["components"]["schemas"][schema].is_object(), "{schema} schema");
    }
    assert_eq!(
        doc["components"]["schemas"]["PlanSummary"]["properties"]["status"]["$ref"], "#/components/schemas/PlanStatus",
        "a plan's status is one of the domain's, not any text"
    );
}
