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

/// Norrtälje's budgetföljsamhet is computed from the economy for each year it covers: with
/// a forecast for 2026 (−405 000 tkr against the budget's −401 630 tkr) the verdict of
/// 2026 reads −0,8 % and says where the figures came from. 2024's (−357 046 against
/// −342 880 tkr: −4,1 %, as 001 prints) is shown as its outcome; the document keeps what
/// was entered.
#[tokio::test]
async fn budget_adherence_comes_from_the_economy_and_its_verdict_says_where_from() {
    use app::exchange::document::EconomySource;
    use engine::economy::{Column, Figure};

    let app = TestApp::spawn().await;
    let mut doc = app::services::tenant_document::export_tenant(&app.db, "norrtalje")
        .await
        .expect("export");
    let indicator = (doc.plans.iter().flat_map(|p| &p.content.indicators))
        .find(|i| i.code == "budgetfoljsamhet")
        .expect("indicator");
    assert_eq!(indicator.economy, Some(EconomySource::BudgetAdherence));
    let entered: Vec<String> = (indicator.values.iter())
        .filter(|v| v.period.to_string() == "2024")
        .map(|v| v.value.to_string())
        .collect();
    assert_eq!(
        entered,
        ["-4.1"],
        "computed when read, never written over what was entered"
    );

    let driftbudget = &mut doc.economies[0].tables[0];
    driftbudget
        .columns
        .push(Column::new("Prognos 2026", Figure::Forecast, Some(2026)));
    for row in &mut driftbudget.rows {
        row.values
            .push((row.label == "Netto").then(|| rust_decimal::Decimal::from(-405_000)));
    }
    app::services::tenant_document::import_document(&app.db, doc, Some("prognos"), "test")
        .await
        .expect("import");
    let scope = app::services::tenants::operator_scope(&app.db, "prognos")
        .await
        .expect("tenant");
    let cache = app::services::versioned_cache::VersionedCache::new(10);
    let swedish = engine::assess::Language::Swedish;
    let verdict = |month: &'static str| {
        let cache = &cache;
        let db = &app.db;
        async move {
            let lines = app::services::assessment::assess(db, cache, scope, Some("socialnamnden"), month, swedish)
                .await
                .expect("verdicts");
            (lines.into_iter())
                .find(|l| l.kind == app::model::VerdictKind::Indicator && l.code == "budgetfoljsamhet")
                .expect("budgetföljsamhet")
                .explanation
        }
    };
    let source = "Värdet kommer från nämndens ekonomi: 2026 prognos -405\u{a0}000 tkr (Driftbudget, tkr) \
                  mot budget -401\u{a0}630 tkr (Driftbudget per avdelning/verksamhet, netto, tkr).";
    let june = verdict("2026-06").await;
    assert!(june.ends_with(source), "{june}");
    assert!(june.contains("-0,8"), "{june}");
    let january = verdict("2026-01").await;
    assert!(
        january.ends_with(source),
        "the year's forecast stands all year: {january}"
    );
}

#[tokio::test]
async fn a_volume_and_price_scenario_costs_001s_kinds_of_care_and_the_effect_of_a_change() {
    let app = TestApp::spawn().await;
    let client = app.login_as("norrtalje", "viewer@norrtalje.example").await;
    let url = app.url("/api/v1/tenants/norrtalje/councils/socialnamnden/economy/2026/scenario");
    let post = |body: serde_json::Value| {
        let (client, url) = (client.clone(), url.clone());
        async move { client.post(url).json(&body).send().await.expect("request") }
    };
    let res = post(serde_json::json!({"changes": []})).await;
    assert_eq!(res.status(), 200);
    let base: Value = res.json().await.expect("json");
    assert_eq!(
        base["lines"].as_array().map(Vec::len),
        Some(10),
        "the ten kinds of care of 001"
    );
    assert_eq!(base["volume_source"], "Volymer, antal › Budget 2026");
    let first = &base["lines"][0];
    assert_eq!(first["label"], "Institutionsplaceringar barn & unga");
    // 8 632 × 6 062 kr = 52 327 184 kr.
    assert_eq!(
        (first["base_volume"].as_str(), first["base_price"].as_str()),
        (Some("8632"), Some("6062"))
    );
    assert_eq!(first["base_cost"], "52327.184");
    assert_eq!(base["effect"], "0", "no change, no effect");
    assert_eq!(base["cost"], base["base_cost"]);

    let res = post(serde_json::json!({"changes": [{"line": 0, "volume": "8 000"}, {"line": 1, "price": "900"}]})).await;
    let changed: Value = res.json().await.expect("json");
    // (8 000 − 8 632) × 6 062 = −3 831 184 kr; (900 − 840) × 21 904 = 1 314 240 kr.
    assert_eq!(changed["lines"][0]["effect"], "-3831.184");
    assert_eq!(changed["lines"][1]["effect"], "1314.24");
    assert_eq!(changed["effect"], "-2516.944");

    for bad in [
        serde_json::json!({"changes": [{"line": 0, "volume": "-5"}]}),
        serde_json::json!({"changes": [{"line": 99, "volume": "5"}]}),
        serde_json::json!({"changes": [{"line": 0, "price": "sex"}]}),
    ] {
        assert_eq!(post(bad.clone()).await.status(), 422, "{bad}");
    }
    let res = (client.post(app.url("/api/v1/tenants/norrtalje/councils/socialnamnden/economy/2019/scenario")))
        .json(&serde_json::json!({}))
        .send()
        .await
        .expect("request");
    assert_eq!(res.status(), 404, "no volumes for 2019");
}

#[tokio::test]
async fn a_council_without_volumes_has_an_empty_scenario() {
    let app = TestApp::spawn().await;
    let client = app.login_as("sodertalje", "viewer@sodertalje.example").await;
    let res = (client.post(app.url("/api/v1/tenants/sodertalje/councils/socialnamnden/economy/2025/scenario")))
        .json(&serde_json::json!({}))
        .send()
        .await
        .expect("request");
    assert_eq!(res.status(), 200);
    let view: Value = res.json().await.expect("json");
    assert_eq!(
        (view["lines"].as_array().map(Vec::len), view["unit"].as_str()),
        (Some(0), Some("mnkr"))
    );
}
