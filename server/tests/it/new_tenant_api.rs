//! A new municipality with its own goal structure, set up through the API alone: a
//! platform admin adds the tenant and its first admin, who loads the configuration and a
//! plan as a tenant document. Roles and tenancy walls hold at each step.

use crate::common::{TestApp, error_code, error_field};
use serde_json::{Value, json};

async fn post(client: &reqwest::Client, app: &TestApp, path: &str, body: &Value) -> reqwest::Response {
    client.post(app.url(path)).json(body).send().await.expect("request")
}

fn uppsala_document() -> Value {
    json!({
        "format": "malbild-tenant",
        "format_version": 1,
        "tenant": { "slug": "whatever", "name": "Uppsala kommun", "vision_title": "Vision", "vision": "Uppsala – en stad för alla.", "values": "" },
        "levels": [
            { "key": "inriktning", "name": "Inriktningsmål", "plural": "Inriktningsmål", "numbering": "sequence",
              "sections": ["Beskrivning"], "carries": [] },
            { "key": "effektmal", "name": "Effektmål", "plural": "Effektmål", "numbering": "nested",
              "sections": ["Analys"], "carries": ["indicators"] }
        ],
        "councils": [{ "slug": "kulturnamnden", "name": "Kulturnämnden", "departments": ["Bibliotek", "Fritid"] }],
        "plans": [{
            "council": "kulturnamnden", "name": "Verksamhetsplan 2027", "first_year": 2027, "last_year": 2027,
            "status": "draft", "version": 1, "adopted": [],
            "content": {
                "sections": [],
                "goals": [
                    { "code": "1", "level": "inriktning", "number": "1", "title": "Kultur för alla", "sections": [] },
                    { "code": "1.1", "parent": "1", "level": "effektmal", "number": "1.1", "title": "Fler besöker biblioteken",
                      "sections": [{ "title": "Analys", "text": "Besöken ökar efter nya öppettider." }] }
                ],
                "indicators": [{
                    "code": "biblioteksbesok", "goal": "1.1", "name": "Besök per invånare", "definition": "",
                    "kind": "namnd", "unit": "st", "decimals": 1, "direction": "higher", "periodicity": "year",
                    "cumulative": false, "department": "Bibliotek", "source": "Egen statistik",
                    "footnotes": [],
                    "targets": [{ "year": 2027, "target": { "kind": "value", "value": "5.5" } }],
                    "values": [{ "period": "2026", "kind": "outcome", "gender": "T", "value": "4.9" }]
                }],
                "assignments": [], "focus_areas": [], "activities": []
            }
        }]
    })
}

#[tokio::test]
async fn a_platform_admin_sets_up_a_municipality_through_the_api() {
    let app = TestApp::spawn().await;
    let platform = app.login_as("norrtalje", "platform@malbild.example").await;

    let res = post(
        &platform,
        &app,
        "/api/v1/tenants",
        &json!({ "slug": "uppsala", "name": "Uppsala kommun" }),
    )
    .await;
    assert_eq!(res.status(), 201);
    assert_eq!(res.json::<Value>().await.expect("json")["slug"], "uppsala");

    let res = post(&platform, &app, "/api/v1/tenants/uppsala/users", &json!({ "email": "admin@uppsala.example", "name": "Ada Admin", "role": "admin", "password": "ett-langt-losenord" })).await;
    assert_eq!(res.status(), 201);
    assert_eq!(res.json::<Value>().await.expect("json")["role"], "admin");

    // Uppsala's own admin loads the structure and the plan.
    let admin = app.client();
    let login = post(
        &admin,
        &app,
        "/api/v1/auth/login",
        &json!({ "tenant": "uppsala", "email": "admin@uppsala.example", "password": "ett-langt-losenord" }),
    )
    .await;
    assert_eq!(login.status(), 200);
    let res = post(&admin, &app, "/api/v1/tenants/uppsala/import", &uppsala_document()).await;
    assert_eq!(res.status(), 201);
    let summary: Value = res.json().await.expect("json");
    assert_eq!(
        (summary["plans"].as_u64(), summary["goals"].as_u64()),
        (Some(1), Some(2))
    );

    // It reads back as loaded, under the slug of the path.
    let export: Value = admin
        .get(app.url("/api/v1/tenants/uppsala/export"))
        .send()
        .await
        .expect("request")
        .json()
        .await
        .expect("json");
    let mut expected = uppsala_document();
    expected["tenant"]["slug"] = json!("uppsala");
    assert_eq!(export["levels"], expected["levels"]);
    assert_eq!(
        export["plans"][0]["content"]["goals"],
        expected["plans"][0]["content"]["goals"]
    );
    assert_eq!(export["tenant"]["slug"], "uppsala");

    // Loading again is refused: import fills an empty tenant only.
    let again = post(&admin, &app, "/api/v1/tenants/uppsala/import", &uppsala_document()).await;
    assert_eq!(error_code(again, 409).await.0, "conflict");
}

#[tokio::test]
async fn only_platform_admins_add_tenants_and_only_a_tenants_admins_fill_it() {
    let app = TestApp::spawn().await;
    let admin = app.login_as("norrtalje", "admin@norrtalje.example").await;
    let res = post(
        &admin,
        &app,
        "/api/v1/tenants",
        &json!({ "slug": "uppsala", "name": "Uppsala kommun" }),
    )
    .await;
    assert_eq!(error_code(res, 403).await.0, "forbidden");

    // Another tenant's slug is not found; an editor is not an admin.
    let res = post(
        &admin,
        &app,
        "/api/v1/tenants/sodertalje/users",
        &json!({ "email": "x@sodertalje.example", "name": "X", "role": "admin", "password": "ett-langt-losenord" }),
    )
    .await;
    assert_eq!(error_code(res, 404).await.0, "not_found");
    let editor = app.login_as("norrtalje", "editor@norrtalje.example").await;
    let res = post(
        &editor,
        &app,
        "/api/v1/tenants/norrtalje/users",
        &json!({ "email": "x@norrtalje.example", "name": "X", "role": "viewer", "password": "ett-langt-losenord" }),
    )
    .await;
    assert_eq!(error_code(res, 403).await.0, "forbidden");

    // A duplicate e-mail and a short password are specific errors.
    let res = post(&admin, &app, "/api/v1/tenants/norrtalje/users", &json!({ "email": "editor@norrtalje.example", "name": "X", "role": "viewer", "password": "ett-langt-losenord" })).await;
    assert_eq!(error_code(res, 409).await.0, "conflict");
    let res = post(
        &admin,
        &app,
        "/api/v1/tenants/norrtalje/users",
        &json!({ "email": "ny@norrtalje.example", "name": "Ny", "role": "viewer", "password": "kort" }),
    )
    .await;
    assert_eq!(error_field(res, 422).await, ("invalid_input".into(), "password".into()));
}

#[tokio::test]
async fn a_document_with_problems_lists_them_all_and_writes_nothing() {
    let app = TestApp::spawn().await;
    let platform = app.login_as("norrtalje", "platform@malbild.example").await;
    let created = post(
        &platform,
        &app,
        "/api/v1/tenants",
        &json!({ "slug": "uppsala", "name": "Uppsala kommun" }),
    )
    .await;
    assert_eq!(created.status(), 201);
    let mut doc = uppsala_document();
    doc["plans"][0]["content"]["goals"][1]["level"] = json!("inriktning");
    doc["plans"][0]["content"]["indicators"][0]["department"] = json!("Museum");
    let res = post(&platform, &app, "/api/v1/tenants/uppsala/import", &doc).await;
    let (code, message) = error_code(res, 422).await;
    assert_eq!(code, "invalid_input");
    assert!(
        message
            .contains("ligger på nivån Inriktningsmål, som inte ligger under överordnade målets nivå Inriktningsmål"),
        "{message}"
    );
    assert!(
        message.contains("”Museum” är ingen avdelning under Kulturnämnden"),
        "{message}"
    );
    let plans: Value = platform
        .get(app.url("/api/v1/tenants/uppsala/plans"))
        .send()
        .await
        .expect("request")
        .json()
        .await
        .expect("json");
    assert_eq!(plans, json!([]), "nothing written");
}
