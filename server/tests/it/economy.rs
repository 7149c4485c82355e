//! Councils' economies as the API gives them: the seeds' tables exactly as published, the
//! consistency report naming table, row, column, expected and found, the action plan, a
//! year's net with its sources, money in each tenant's unit, and the tenant wall.

use serde_json::Value;

use crate::common::TestApp;

async fn get(client: &reqwest::Client, app: &TestApp, path: &str, status: u16) -> Value {
    let res = client.get(app.url(path)).send().await.expect("request");
    assert_eq!(res.status(), status, "{path}");
    res.json().await.expect("json")
}

fn table<'a>(economy: &'a Value, key: &str) -> &'a Value {
    (economy["tables"].as_array().expect("tables").iter())
        .find(|t| t["key"] == key)
        .unwrap_or_else(|| panic!("no table {key}"))
}

fn row<'a>(table: &'a Value, label: &str) -> &'a Value {
    (table["rows"].as_array().expect("rows").iter())
        .find(|r| r["label"] == label)
        .unwrap_or_else(|| panic!("no row {label}"))
}

#[tokio::test]
async fn norrtaljes_economy_holds_001_002_and_003_as_published_and_reports_what_does_not_add_up() {
    let app = TestApp::spawn().await;
    let client = app.login_as("norrtalje", "viewer@norrtalje.example").await;
    let economy = get(
        &client,
        &app,
        "/api/v1/tenants/norrtalje/councils/socialnamnden/economy",
        200,
    )
    .await;
    assert_eq!(economy["unit"], "tkr");
    let keys: Vec<&str> = (economy["tables"].as_array().expect("tables").iter())
        .map(|t| t["key"].as_str().expect("key"))
        .collect();
    assert_eq!(
        keys,
        [
            "driftbudget-2026",
            "verksamhet-2026",
            "forandringar-2026",
            "investeringar-2026",
            "volymer-2026",
            "a-priser-2026",
            "driftredovisning-2024-07",
            "driftredovisning-verksamhet-2024-07"
        ]
    );
    let driftbudget = table(&economy, "driftbudget-2026");
    assert_eq!(
        row(driftbudget, "Netto")["cells"][2],
        "-401630",
        "-401 630 tkr, as 001 prints"
    );
    assert_eq!(row(driftbudget, "Förändring i %")["cells"][1], "-10.21");
    let volumes = table(&economy, "volymer-2026");
    assert_eq!(
        volumes["columns"][0]["measure"],
        serde_json::json!({"kind": "count", "unit": "antal"})
    );

    let findings = economy["findings"].as_array().expect("findings");
    let netto = (findings.iter())
        .find(|f| f["check"] == "income_and_costs")
        .expect("the net of 2024");
    assert_eq!(
        (
            &netto["table"],
            &netto["row"],
            &netto["column"],
            &netto["expected"],
            &netto["found"]
        ),
        (
            &Value::from("driftbudget-2026"),
            &Value::from("Netto"),
            &Value::from("Utfall 2024"),
            &Value::from("-357046"),
            &Value::from("-415390")
        )
    );
    assert!(
        (findings.iter()).any(|f| f["check"] == "changes_against_net" && f["column"] == "Plan 2027"),
        "001's changes for 2027 (−15 204) are not the change in net (−17 885): {findings:?}"
    );
    assert!(
        !(findings.iter()).any(|f| f["table"] == "driftredovisning-2024-07"),
        "003's driftredovisning adds up within a tkr: {findings:?}"
    );

    let plan = &economy["action_plans"][0];
    assert_eq!(plan["key"], "ekonomi-i-balans-2024");
    assert_eq!(plan["decided"], "2024-08-29");
    assert_eq!(
        (&plan["year"], &plan["expected_total"]),
        (&Value::from(2024), &Value::from("4760"))
    );
    assert_eq!(plan["measures"][0]["net_effect"], "9020");
    assert_eq!(
        plan["measures"][0]["computed_net"],
        Value::Null,
        "13 500 − 4 480 = 9 020"
    );
}

#[tokio::test]
async fn a_year_names_where_its_net_comes_from_and_sodertalje_shows_mnkr() {
    let app = TestApp::spawn().await;
    let client = app.login_as("norrtalje", "editor@norrtalje.example").await;
    let year = get(
        &client,
        &app,
        "/api/v1/tenants/norrtalje/councils/socialnamnden/economy/2026",
        200,
    )
    .await;
    let summary = &year["summary"];
    assert_eq!(summary["budget"]["value"], "-401630");
    assert_eq!(
        summary["budget"]["source"],
        "Driftbudget per avdelning/verksamhet, netto, tkr"
    );
    assert_eq!(
        (&summary["changes"], &summary["investments"]),
        (&Value::from("-28665"), &Value::from("500"))
    );
    let tables = year["economy"]["tables"].as_array().expect("tables");
    assert!(
        tables.iter().all(|t| t["key"] != "driftredovisning-2024-07"),
        "2024's report has no column of 2026"
    );
    let july = get(
        &client,
        &app,
        "/api/v1/tenants/norrtalje/councils/socialnamnden/economy/2024?month=7",
        200,
    )
    .await;
    let report = table(&july["economy"], "driftredovisning-2024-07");
    let labels: Vec<&str> = (report["columns"].as_array().expect("columns").iter())
        .map(|c| c["label"].as_str().expect("label"))
        .collect();
    assert!(
        labels.contains(&"Utfall Jan - Jul 2024") && labels.contains(&"Prognos 3"),
        "{labels:?}"
    );
    get(
        &client,
        &app,
        "/api/v1/tenants/norrtalje/councils/socialnamnden/economy/1800",
        422,
    )
    .await;
    get(
        &client,
        &app,
        "/api/v1/tenants/norrtalje/councils/socialnamnden/economy/2024?month=13",
        422,
    )
    .await;
    get(&client, &app, "/api/v1/tenants/norrtalje/councils/nope/economy", 404).await;

    let sodertalje = app.login_as("sodertalje", "viewer@sodertalje.example").await;
    let economy = get(
        &sodertalje,
        &app,
        "/api/v1/tenants/sodertalje/councils/socialnamnden/economy",
        200,
    )
    .await;
    assert_eq!(economy["unit"], "mnkr");
    assert_eq!(
        economy["findings"],
        serde_json::json!([]),
        "004's figures add up within rounding"
    );
    let bistand = table(&economy, "utbetalt-bistand");
    assert_eq!(bistand["published_unit"], "tkr");
    assert_eq!(
        row(bistand, "Budget 2024")["cells"][0],
        "11.7",
        "11 700 tkr a month is 11,7 mnkr"
    );
    let series = &economy["monthly"][0];
    assert_eq!(
        (&series["outcome"], &series["budget"]),
        (&Value::from("Utfall 2024"), &Value::from("Budget 2024"))
    );
    assert_eq!(series["points"][0]["outcome"], 11.071, "January 2024: 11 071 tkr");
    let investments = table(&economy, "nyinvesteringar-2025-2027");
    assert_eq!(
        row(investments, "Totalt")["cells"][0],
        "2.9",
        "2 900 000 kr is 2,9 mnkr"
    );
    // Another tenant's council is not found.
    get(
        &sodertalje,
        &app,
        "/api/v1/tenants/norrtalje/councils/socialnamnden/economy",
        404,
    )
    .await;
}
