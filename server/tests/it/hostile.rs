//! Hostile input from a signed-in editor never takes the server down: each case once
//! crashed, hung or exhausted it. The files are made here, not kept as blobs.

use std::time::{Duration, Instant};

use sea_orm::ConnectionTrait;
use serde_json::{Value, json};

use crate::common::{TestApp, within};
use crate::outcome_import_api::{finished, start};

/// The job's first problem once it has failed, and the size of its status reply.
async fn failed_with(app: &TestApp, client: &reqwest::Client, file_name: &str, body: Vec<u8>) -> (Value, usize) {
    let res = start(client, app, "norrtalje", file_name, body).await;
    assert_eq!(res.status(), 202);
    let job: Value = res.json().await.expect("job");
    let id = job["id"].as_str().expect("id");
    let status = finished(client, app, "norrtalje", id).await;
    assert_eq!(status["phase"], "failed", "{status}");
    let size = serde_json::to_vec(&status).expect("json").len();
    (status["problems"][0].clone(), size)
}

/// Whether the server still serves a page.
async fn still_serving(app: &TestApp, client: &reqwest::Client) {
    let res = within("the home page after the attack", client.get(app.url("/")).send())
        .await
        .expect("home");
    assert_eq!(res.status(), 200);
}

/// 1.6 KB: one cell at A1, one at XFD1048576. Reading the used range allocated 512 GiB
/// and aborted the process.
#[tokio::test]
async fn an_xlsx_spanning_the_whole_sheet_is_refused_and_the_server_lives() {
    let app = TestApp::spawn().await;
    let client = app.login_as("norrtalje", "editor@norrtalje.example").await;
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "indicator").expect("a1");
    sheet.write_string(1_048_575, 16_383, "x").expect("xfd1048576");
    let bytes = book.save_to_buffer().expect("xlsx");
    let (problem, _) = failed_with(&app, &client, "bomb.xlsx", bytes).await;
    assert_eq!(problem["message"], json!({ "code": "too_many_rows", "max": 1_000_000 }));
    still_serving(&app, &client).await;
}

/// A 200,000-column header took 36 s of the async workers; a million columns made a
/// million problems and a 125 MB status reply.
#[tokio::test]
async fn a_csv_header_of_a_million_columns_is_refused_at_once_with_one_problem() {
    let app = TestApp::spawn().await;
    let client = app.login_as("norrtalje", "editor@norrtalje.example").await;
    let header: Vec<String> = (0..1_000_000).map(|i| format!("k{i}")).collect();
    let began = Instant::now();
    let (problem, size) = failed_with(&app, &client, "wide.csv", header.join(",").into_bytes()).await;
    assert_eq!(problem["location"], json!([{ "at": "row", "row": 1 }]));
    assert_eq!(problem["message"], json!({ "code": "too_many_columns", "max": 64 }));
    assert!(size < 2_000, "status reply of {size} bytes");
    assert!(began.elapsed() < Duration::from_secs(30), "{:?}", began.elapsed());
    still_serving(&app, &client).await;
}

/// A 30 MB line of commas peaked at 1.8 GB while it was split into fields.
#[tokio::test]
async fn a_line_of_thirty_million_commas_stops_at_the_column_limit() {
    let app = TestApp::spawn().await;
    let client = app.login_as("norrtalje", "editor@norrtalje.example").await;
    let mut body = b"indicator,period,value\n".to_vec();
    body.resize(body.len() + 30_000_000, b',');
    let (problem, _) = failed_with(&app, &client, "commas.csv", body).await;
    assert_eq!(
        (&problem["location"], &problem["message"]),
        (
            &json!([{ "at": "row", "row": 2 }]),
            &json!({ "code": "too_many_columns", "max": 64 })
        )
    );
}

#[tokio::test]
async fn problems_listed_are_capped_and_counted() {
    let app = TestApp::spawn().await;
    let client = app.login_as("norrtalje", "editor@norrtalje.example").await;
    let mut csv = String::from("indicator,period,value\n");
    for _ in 0..5_000 {
        csv.push_str("okand,2026-01,1\n");
    }
    let res = start(&client, &app, "norrtalje", "many.csv", csv).await;
    let job: Value = res.json().await.expect("job");
    let status = finished(&client, &app, "norrtalje", job["id"].as_str().expect("id")).await;
    let problems = status["problems"].as_array().expect("problems");
    assert_eq!(problems.len(), 201, "the first 200 and a count");
    assert_eq!(
        problems[200]["message"],
        json!({ "code": "more_problems", "count": 4800, "listed": 200 })
    );
}

#[tokio::test]
async fn a_third_import_at_once_in_one_tenant_waits_its_turn() {
    let app = TestApp::spawn().await;
    let client = app.login_as("norrtalje", "editor@norrtalje.example").await;
    // Large enough to be still running while the next ones start.
    let mut body = b"indicator,period,value\n".to_vec();
    for _ in 0..200_000 {
        body.extend_from_slice(b"okand,2026-01,1\n");
    }
    let mut statuses = Vec::new();
    for _ in 0..3 {
        statuses.push(
            start(&client, &app, "norrtalje", "big.csv", body.clone())
                .await
                .status()
                .as_u16(),
        );
    }
    assert_eq!(statuses, [202, 202, 429]);
}

/// A month before any month can be followed up made the page's render panic, and the page
/// then waited on it forever.
#[tokio::test]
async fn the_follow_up_page_refuses_the_first_month_there_is() {
    let app = TestApp::spawn().await;
    let client = app.login_as("norrtalje", "editor@norrtalje.example").await;
    let plan = app.first_plan(&client, "norrtalje").await;
    let res = within(
        "the follow-up page at 1900-01",
        client
            .get(app.url(&format!("/planer/{plan}/uppfoljning?manad=1900-01")))
            .send(),
    )
    .await
    .expect("page");
    assert_eq!(res.status(), 422);
    let html = res.text().await.expect("html");
    assert!(html.contains("</html>"), "a whole page");
}

/// Two outcomes whose sum is past what a decimal holds (entered before numbers were
/// bounded) made the follow-up chart's sum panic.
#[tokio::test]
async fn outcomes_too_large_to_add_up_leave_the_follow_up_page_whole() {
    let app = TestApp::spawn().await;
    let client = app.login_as("norrtalje", "editor@norrtalje.example").await;
    let plan = app.first_plan(&client, "norrtalje").await;
    for month in ["2026-01", "2026-02"] {
        app.db
            .execute_unprepared(&format!(
                "INSERT INTO indicator_values \
                 (tenant_id, indicator_id, period, kind, gender, value, comment, updated_at, updated_by) \
                 SELECT tenant_id, id, '{month}', 'outcome', 'T', '79228162514264337593543950335', NULL, \
                 CURRENT_TIMESTAMP, 'test' FROM indicators WHERE code = 'sjukfranvaro-manad'"
            ))
            .await
            .expect("insert");
    }
    app.db
        .execute_unprepared("UPDATE tenants SET data_version = data_version + 1")
        .await
        .expect("touch");
    let res = within(
        "the follow-up page with huge outcomes",
        client
            .get(app.url(&format!("/planer/{plan}/uppfoljning?manad=2026-03")))
            .send(),
    )
    .await
    .expect("page");
    assert_eq!(res.status(), 200);
    let html = res.text().await.expect("html");
    assert!(html.contains("</html>"), "a whole page");
}
