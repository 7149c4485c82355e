//! `POST /api/v1/tenants/{tenant}/outcome-imports` and polling the job: progress to the
//! end, problems by row and column with nothing written, roles and tenancy walls, limits.

use crate::common::{TestApp, error_code};
use app::model::{Location, Problem};
use serde_json::{Value, json};

pub(crate) async fn start(
    client: &reqwest::Client,
    app: &TestApp,
    tenant: &str,
    file_name: &str,
    body: impl Into<reqwest::Body>,
) -> reqwest::Response {
    client
        .post(app.url(&format!(
            "/api/v1/tenants/{tenant}/outcome-imports?file_name={file_name}"
        )))
        .header("content-type", "application/octet-stream")
        .body(body)
        .send()
        .await
        .expect("request")
}

/// Polls until the job is done or failed, checking that progress never goes backwards.
pub(crate) async fn finished(client: &reqwest::Client, app: &TestApp, tenant: &str, id: &str) -> Value {
    let mut last_percent = 0;
    for _ in 0..400 {
        let res = client
            .get(app.url(&format!("/api/v1/tenants/{tenant}/outcome-imports/{id}")))
            .send()
            .await
            .expect("request");
        assert_eq!(res.status(), 200);
        let status: Value = res.json().await.expect("json");
        let job: app::model::ImportStatus = serde_json::from_value(status.clone()).expect("status shape");
        assert!(job.percent() >= last_percent, "progress went back: {status}");
        last_percent = job.percent();
        if job.phase.is_final() {
            return status;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    panic!("the import did not finish");
}

async fn monthly_sick_leave(client: &reqwest::Client, app: &TestApp) -> Vec<Value> {
    let doc: Value = client
        .get(app.url("/api/v1/tenants/norrtalje/export"))
        .send()
        .await
        .expect("request")
        .json()
        .await
        .expect("json");
    doc["plans"]
        .as_array()
        .expect("plans")
        .iter()
        .flat_map(|p| p["content"]["indicators"].as_array().cloned().unwrap_or_default())
        .find(|i| i["code"] == "sjukfranvaro-manad")
        .map(|i| i["values"].as_array().cloned().unwrap_or_default())
        .expect("indicator")
}

#[tokio::test]
async fn an_upload_is_imported_in_the_background_and_reports_what_it_wrote() {
    let app = TestApp::spawn().await;
    let editor = app.login_as("norrtalje", "editor@norrtalje.example").await;
    let mut csv = String::from("indicator,period,value,gender\n");
    for month in 1..=12 {
        for gender in ["K", "M"] {
            csv.push_str(&format!("sjukfranvaro-manad,2026-{month:02},\"4,{month}\",{gender}\n"));
        }
    }
    let res = start(&editor, &app, "norrtalje", "sjukfranvaro%202026.csv", csv.clone()).await;
    assert_eq!(res.status(), 202);
    let started: Value = res.json().await.expect("json");
    assert_eq!(started["file_name"], "sjukfranvaro 2026.csv");
    let id = started["id"].as_str().expect("id").to_owned();

    let done = finished(&editor, &app, "norrtalje", &id).await;
    assert_eq!(done["phase"], "done", "{done}");
    assert_eq!(done["summary"]["rows"], 24);
    assert_eq!(done["summary"]["inserted"], 24);
    assert_eq!((done["done"].as_u64(), done["total"].as_u64()), (Some(24), Some(24)));

    let admin = app.login_as("norrtalje", "admin@norrtalje.example").await;
    let values = monthly_sick_leave(&admin, &app).await;
    let march_women = values
        .iter()
        .find(|v| v["period"] == "2026-03" && v["gender"] == "K")
        .expect("2026-03 for women");
    assert_eq!(march_women["value"], "4.3");
}

#[tokio::test]
async fn a_job_started_on_one_instance_is_polled_through_another() {
    let first = TestApp::spawn().await;
    let second = first.another_instance().await;
    let editor = first.login_as("norrtalje", "editor@norrtalje.example").await;
    let csv = "indicator,period,value\nsjukfranvaro-manad,2026-01,\"5,5\"\nsjukfranvaro-manad,2026-02,6\n";
    let res = start(&editor, &first, "norrtalje", "utfall.csv", csv).await;
    assert_eq!(res.status(), 202);
    let id = res.json::<Value>().await.expect("json")["id"]
        .as_str()
        .expect("id")
        .to_owned();

    // The session and the job both live in the database: the other instance knows them.
    let through_second = finished(&editor, &second, "norrtalje", &id).await;
    assert_eq!(through_second["phase"], "done", "{through_second}");
    assert_eq!(through_second["summary"]["inserted"], 2);
    let through_first = finished(&editor, &first, "norrtalje", &id).await;
    assert_eq!(through_first, through_second);

    let other_tenant = second.login_as("sodertalje", "admin@sodertalje.example").await;
    let res = other_tenant
        .get(second.url(&format!("/api/v1/tenants/sodertalje/outcome-imports/{id}")))
        .send()
        .await
        .expect("request");
    assert_eq!(error_code(res, 404).await.0, "not_found");
}

#[tokio::test]
async fn a_file_with_errors_fails_listing_each_problem_and_writes_nothing() {
    let app = TestApp::spawn().await;
    let editor = app.login_as("norrtalje", "editor@norrtalje.example").await;
    let admin = app.login_as("norrtalje", "admin@norrtalje.example").await;
    let before = monthly_sick_leave(&admin, &app).await;
    let csv = "indicator;period;value\n\
               sjukfranvaro-manad;2026-01;4,1\n\
               sjukfranvaro-manad;2026-13;4,2\n\
               finns-inte;2026-02;1\n\
               sjukfranvaro-manad;2026-03;fyra\n";
    let res = start(&editor, &app, "norrtalje", "fel.csv", csv).await;
    assert_eq!(res.status(), 202);
    let id = res.json::<Value>().await.expect("json")["id"]
        .as_str()
        .expect("id")
        .to_owned();

    let failed = finished(&editor, &app, "norrtalje", &id).await;
    assert_eq!(failed["phase"], "failed", "{failed}");
    let problems: Vec<Problem> = serde_json::from_value(failed["problems"].clone()).expect("problems");
    let codes: Vec<Value> = failed["problems"]
        .as_array()
        .expect("problems")
        .iter()
        .map(|p| p["message"]["code"].clone())
        .collect();
    let found: Vec<(Location, Value)> = problems.iter().map(|p| p.location.clone()).zip(codes).collect();
    assert_eq!(
        found,
        [
            (Location::cell(3, "period"), json!("no_such_period")),
            (Location::cell(4, "indicator"), json!("unknown")),
            (Location::cell(5, "value"), json!("not_a_number")),
        ]
    );
    assert_eq!(
        app::i18n::problem_text(&problems[2], app::i18n::Locale::Sv),
        "rad 5 › kolumn value: ”fyra” är inget tal"
    );
    assert!(failed["summary"].is_null());
    assert_eq!(monthly_sick_leave(&admin, &app).await, before, "nothing written");
}

#[tokio::test]
async fn viewers_other_tenants_and_unknown_files_are_refused() {
    let app = TestApp::spawn().await;
    let csv = "indicator,period,value\nsjukfranvaro-manad,2026-01,4\n";

    let anonymous = app.client();
    let (code, _) = error_code(start(&anonymous, &app, "norrtalje", "a.csv", csv).await, 401).await;
    assert_eq!(code, "unauthenticated");

    let viewer = app.login_as("norrtalje", "viewer@norrtalje.example").await;
    let (code, _) = error_code(start(&viewer, &app, "norrtalje", "a.csv", csv).await, 403).await;
    assert_eq!(code, "forbidden");

    let editor = app.login_as("norrtalje", "editor@norrtalje.example").await;
    let (code, _) = error_code(start(&editor, &app, "sodertalje", "a.csv", csv).await, 404).await;
    assert_eq!(code, "not_found");

    let (code, message) = error_code(start(&editor, &app, "norrtalje", "a.pdf", csv).await, 422).await;
    assert_eq!(code, "invalid_input");
    assert_eq!(message, "Filnamn: filnamnet måste sluta på .csv, .txt eller .xlsx");
    let unnamed = editor
        .post(app.url("/api/v1/tenants/norrtalje/outcome-imports"))
        .body(csv)
        .send()
        .await
        .expect("request");
    let (code, message) = error_code(unnamed, 422).await;
    assert_eq!(code, "invalid_input");
    assert!(message.contains("file_name"), "{message}");

    // A job is visible only within its tenant.
    let res = start(&editor, &app, "norrtalje", "a.csv", csv).await;
    let id = res.json::<Value>().await.expect("json")["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let other = app.login_as("sodertalje", "editor@sodertalje.example").await;
    let res = other
        .get(app.url(&format!("/api/v1/tenants/sodertalje/outcome-imports/{id}")))
        .send()
        .await
        .expect("request");
    assert_eq!(error_code(res, 404).await.0, "not_found");
}

#[tokio::test]
async fn files_over_the_limit_get_413_not_a_broken_connection() {
    let app = TestApp::spawn().await;
    let editor = app.login_as("norrtalje", "editor@norrtalje.example").await;
    let huge = "x".repeat(65 * 1024 * 1024);
    let (code, message) = error_code(start(&editor, &app, "norrtalje", "big.csv", huge).await, 413).await;
    assert_eq!(code, "too_large");
    assert!(message.contains("64 MB"), "{message}");
}
