//! The ledger over the API: a file's preview with the suggested mapping, an import with a
//! mapping and ledger signs into each council's months, the month replaced by a later
//! import, every bad cell named by row and header with nothing written, the year month by
//! month against the budget of 001 with forecasts side by side, saved forecasts, roles and
//! the tenant wall.

use serde_json::{Value, json};

use crate::common::TestApp;

pub(crate) async fn start(
    client: &reqwest::Client,
    app: &TestApp,
    tenant: &str,
    file_name: &str,
    mapping: &str,
    body: impl Into<reqwest::Body>,
) -> reqwest::Response {
    let url = format!("/api/v1/tenants/{tenant}/ledger-imports?file_name={file_name}&{mapping}");
    client
        .post(app.url(&url))
        .header("content-type", "application/octet-stream")
        .body(body)
        .send()
        .await
        .expect("request")
}

async fn finished(client: &reqwest::Client, app: &TestApp, id: &str) -> Value {
    for _ in 0..400 {
        let res = (client.get(app.url(&format!("/api/v1/tenants/norrtalje/ledger-imports/{id}"))))
            .send()
            .await
            .expect("request");
        assert_eq!(res.status(), 200);
        let status: Value = res.json().await.expect("json");
        if status["phase"] == "done" || status["phase"] == "failed" {
            return status;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    panic!("the import did not finish");
}

async fn import(client: &reqwest::Client, app: &TestApp, mapping: &str, csv: &str) -> Value {
    let res = start(client, app, "norrtalje", "huvudbok.csv", mapping, csv.to_owned()).await;
    assert_eq!(res.status(), 202);
    let started: Value = res.json().await.expect("json");
    assert_eq!(started["kind"], "ledger");
    finished(client, app, started["id"].as_str().expect("id")).await
}

async fn months(client: &reqwest::Client, app: &TestApp, year: i32) -> Value {
    let url = format!("/api/v1/tenants/norrtalje/councils/socialnamnden/economy/{year}/months");
    let res = client.get(app.url(&url)).send().await.expect("request");
    assert_eq!(res.status(), 200);
    res.json().await.expect("json")
}

fn line<'a>(view: &'a Value, name: &str) -> &'a Value {
    (view["lines"].as_array().expect("lines").iter())
        .find(|l| l["name"] == name)
        .unwrap_or_else(|| panic!("no line {name}: {view}"))
}

fn forecast<'a>(line: &'a Value, method: &str) -> &'a Value {
    (line["forecasts"].as_array().expect("forecasts").iter())
        .find(|f| f["method"] == method)
        .unwrap_or_else(|| panic!("no forecast {method}"))
}

/// A Swedish export: semicolons, decimal commas, an account name column, ledger signs
/// (costs debit positive, income credit negative). January to March 2025 of two of 001's
/// verksamheter.
fn first_quarter() -> String {
    let mut csv = String::from("Bokföringsperiod;Verksamhet;Konto;Kontonamn;Belopp\n");
    for month in 1..=3 {
        csv.push_str(&format!(
            "2025-{month:02};Ekonomiskt bistånd;4710;Försörjningsstöd;5 500 000,00\n"
        ));
        csv.push_str(&format!("2025-{month:02};Ekonomiskt bistånd;5110;Löner;500 000,00\n"));
        csv.push_str(&format!(
            "2025-{month:02};Flyktingmottagande;3020;Statsbidrag;-200 000,00\n"
        ));
    }
    csv
}

#[tokio::test]
async fn a_ledger_is_previewed_mapped_imported_and_followed_up_against_001s_budget() {
    let app = TestApp::spawn().await;
    let editor = app.login_as("norrtalje", "editor@norrtalje.example").await;

    let res = (editor.post(app.url("/api/v1/tenants/norrtalje/ledger-imports/preview?file_name=huvudbok.csv")))
        .body(first_quarter())
        .send()
        .await
        .expect("request");
    assert_eq!(res.status(), 200);
    let preview: Value = res.json().await.expect("json");
    assert_eq!(preview["columns"][4], "Belopp");
    assert_eq!(preview["rows"].as_array().map(Vec::len), Some(5));
    assert_eq!(preview["row_count"], 9);
    assert_eq!(
        preview["suggested"],
        json!({"period": "Bokföringsperiod", "unit": "Verksamhet", "account": "Konto", "amount": "Belopp", "signs": "ledger"})
    );

    let done = import(&editor, &app, "signs=ledger", &first_quarter()).await;
    assert_eq!(done["phase"], "done", "{done}");
    let written = &done["ledger"];
    assert_eq!(written["rows"], 9);
    let months_written = written["months"].as_array().expect("months");
    assert_eq!(months_written.len(), 3);
    assert_eq!(months_written[0]["council"], "socialnamnden");
    assert_eq!(months_written[0]["units"], 2);
    assert_eq!(months_written[0]["income"], "200000");
    assert_eq!(months_written[0]["cost"], "-6000000");
    assert_eq!(months_written[0]["net"], "-5800000");
    assert_eq!(months_written[0]["replaced"], false);

    let view = months(&editor, &app, 2025).await;
    assert_eq!(view["unit"], "tkr");
    assert_eq!(view["through"], 3);
    assert_eq!(
        view["profiles"],
        json!(["even"]),
        "no 2024 ledger: no last year's shape"
    );
    let aid = line(&view, "Ekonomiskt bistånd");
    assert_eq!(aid["kind"], "activity");
    // 001, Driftbudget per verksamhet, Budget 2025: -71 994 tkr; a quarter of it is -17 998,5.
    assert_eq!(aid["year_budget"], "-71994");
    assert_eq!(aid["budget_source"], "Driftbudget per avdelning/verksamhet, netto, tkr");
    assert_eq!(aid["months"][0], "-6000");
    assert_eq!(aid["outcome_to_date"], "-18000");
    assert_eq!(aid["budget_to_date"], "-17998.5");
    assert_eq!(aid["deviation_to_date"], "-1.5");
    assert_eq!(forecast(aid, "run_rate")["year"], "-72000");
    assert_eq!(forecast(aid, "budget_for_rest")["year"], "-71995.5");
    assert_eq!(forecast(aid, "budget_for_rest")["deviation"], "-1.5");
    assert_eq!(forecast(aid, "manual")["year"], Value::Null, "nothing saved yet");
    let council = &view["lines"][0];
    assert_eq!(council["kind"], "council");
    // 001, Driftbudget, Netto Budget 2025: -372 965 tkr.
    assert_eq!(council["year_budget"], "-372965");
    assert_eq!(council["outcome_to_date"], "-17400");
    assert_eq!(view["chart"].as_array().map(Vec::len), Some(12));

    // The year's economy (what `malbild budget` prints) carries the months.
    let res = (editor.get(app.url("/api/v1/tenants/norrtalje/councils/socialnamnden/economy/2025")))
        .send()
        .await
        .expect("request");
    let year: Value = res.json().await.expect("json");
    assert_eq!(year["months"]["through"], 3);

    // March again, corrected: it replaces March; January and February stay.
    let corrected = "Period;Ansvar;Konto;Belopp\n2025-03;Ekonomiskt bistånd;4;-7000000\n";
    let mapping = "period=Period&unit=Ansvar&account=Konto&amount=Belopp&signs=report";
    let done = import(&editor, &app, mapping, corrected).await;
    assert_eq!(done["phase"], "done", "{done}");
    assert_eq!(done["ledger"]["months"][0]["replaced"], true);
    let view = months(&editor, &app, 2025).await;
    let aid = line(&view, "Ekonomiskt bistånd");
    assert_eq!(aid["months"][2], "-7000");
    assert_eq!(aid["outcome_to_date"], "-19000");
    assert!(
        (view["lines"].as_array().expect("lines").iter())
            .all(|l| l["name"] != "Flyktingmottagande" || l["months"][2].is_null()),
        "March is replaced whole: Flyktingmottagande has no March any more"
    );
}

#[tokio::test]
async fn every_bad_cell_is_named_by_row_and_header_and_nothing_is_written() {
    let app = TestApp::spawn().await;
    let editor = app.login_as("norrtalje", "editor@norrtalje.example").await;
    let csv = "Period,Ansvar,Konto,Belopp\n\
               2025-01,Ekonomiskt bistånd,4710,100\n\
               2025-13,Ekonomiskt bistånd,4710,100\n\
               2025-02,Okänd verksamhet,4710,100\n\
               2025-02,Ekonomiskt bistånd,8410,100\n\
               2025-02,Ekonomiskt bistånd,4710,hundra\n";
    let failed = import(&editor, &app, "", csv).await;
    assert_eq!(failed["phase"], "failed");
    let problems = failed["problems"].as_array().expect("problems");
    let located: Vec<(String, String)> = problems
        .iter()
        .map(|p| {
            (
                p["location"].to_string(),
                p["message"]["code"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    assert_eq!(located.len(), 4, "{located:?}");
    assert!(
        located[0].0.contains("\"row\":3") && located[0].0.contains("Period"),
        "{located:?}"
    );
    assert_eq!(located[0].1, "not_a_month");
    assert_eq!(located[1].1, "unknown_unit");
    assert!(located[1].0.contains("Ansvar"));
    assert_eq!(located[2].1, "not_an_account_class");
    assert_eq!(located[3].1, "not_a_number");
    assert!(located[3].0.contains("\"row\":6") && located[3].0.contains("Belopp"));
    let view = months(&editor, &app, 2025).await;
    assert_eq!(view["lines"], json!([]), "the valid first row was not written either");

    let res = start(
        &editor,
        &app,
        "norrtalje",
        "huvudbok.csv",
        "amount=Summa",
        "Period,Ansvar,Konto,Belopp\n",
    )
    .await;
    let failed = finished(
        &editor,
        &app,
        res.json::<Value>().await.expect("json")["id"].as_str().expect("id"),
    )
    .await;
    assert_eq!(failed["problems"][0]["message"]["code"], "no_such_header", "{failed}");
}

#[tokio::test]
async fn forecasts_are_saved_by_method_with_a_comment_and_shown_beside_the_others() {
    let app = TestApp::spawn().await;
    let editor = app.login_as("norrtalje", "editor@norrtalje.example").await;
    assert_eq!(import(&editor, &app, "", &first_quarter()).await["phase"], "done");
    let url = app.url("/api/v1/tenants/norrtalje/councils/socialnamnden/forecasts");
    let save = |body: Value| {
        let (editor, url) = (editor.clone(), url.clone());
        async move { editor.post(url).json(&body).send().await.expect("request") }
    };
    let res = save(json!({"year": 2025, "kind": "activity", "unit": "Ekonomiskt bistånd", "method": "run_rate", "comment": "Fler hushåll"})).await;
    assert_eq!(res.status(), 201, "{:?}", res.text().await);
    let saved: Value = res.json().await.expect("json");
    assert_eq!(
        (saved["amount"].as_str(), saved["month"].as_u64()),
        (Some("-72000"), Some(3))
    );
    assert_eq!(saved["made_by"], "editor@norrtalje.example");

    let res = save(json!({"year": 2025, "kind": "council", "method": "manual", "amount": "-380 000", "comment": "Enligt delårsrapport"})).await;
    assert_eq!(res.status(), 201, "{:?}", res.text().await);
    let res = save(json!({"year": 2025, "kind": "council", "method": "manual"})).await;
    assert_eq!(res.status(), 422, "a manual forecast needs its amount");
    let res = save(json!({"year": 2025, "kind": "council", "method": "guess", "comment": "x"})).await;
    assert_eq!(res.status(), 422);
    let res = save(json!({"year": 2025, "kind": "council", "method": "run_rate"})).await;
    assert_eq!(res.status(), 422, "a forecast says why");
    let res =
        save(json!({"year": 2025, "kind": "activity", "unit": "Ingen sådan", "method": "run_rate", "comment": "x"}))
            .await;
    assert_eq!(res.status(), 404);

    let view = months(&editor, &app, 2025).await;
    assert_eq!(view["saved"].as_array().map(Vec::len), Some(2));
    assert_eq!(view["saved"][0]["comment"], "Enligt delårsrapport", "newest first");
    assert_eq!(forecast(&view["lines"][0], "manual")["year"], "-380000");
    assert_eq!(forecast(&view["lines"][0], "manual")["deviation"], "-7035");
    assert_eq!(forecast(line(&view, "Ekonomiskt bistånd"), "manual")["year"], "-72000");

    let viewer = app.login_as("norrtalje", "viewer@norrtalje.example").await;
    let res = viewer
        .post(url.clone())
        .json(&json!({"year": 2025, "kind": "council", "method": "run_rate"}))
        .send()
        .await
        .expect("request");
    assert_eq!(res.status(), 403);
    assert_eq!(
        months(&viewer, &app, 2025).await["saved"].as_array().map(Vec::len),
        Some(2),
        "viewers read them"
    );
}

#[tokio::test]
async fn another_tenants_units_are_unknown_and_its_months_unseen() {
    let app = TestApp::spawn().await;
    let norrtalje = app.login_as("norrtalje", "editor@norrtalje.example").await;
    assert_eq!(import(&norrtalje, &app, "", &first_quarter()).await["phase"], "done");
    let sodertalje = app.login_as("sodertalje", "editor@sodertalje.example").await;
    // "Ekonomiskt bistånd" is a verksamhet of Norrtälje's tables only.
    let res = start(&sodertalje, &app, "sodertalje", "huvudbok.csv", "", first_quarter()).await;
    assert_eq!(res.status(), 202);
    let id = res.json::<Value>().await.expect("json")["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let mut status = Value::Null;
    for _ in 0..400 {
        let res = (sodertalje.get(app.url(&format!("/api/v1/tenants/sodertalje/ledger-imports/{id}"))))
            .send()
            .await
            .expect("request");
        status = res.json().await.expect("json");
        if status["phase"] == "failed" || status["phase"] == "done" {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    assert_eq!(status["phase"], "failed");
    assert_eq!(status["problems"][0]["message"]["code"], "unknown_unit");
    let res = (sodertalje.get(app.url("/api/v1/tenants/sodertalje/councils/socialnamnden/economy/2025/months")))
        .send()
        .await
        .expect("request");
    let view: Value = res.json().await.expect("json");
    assert_eq!(view["lines"], json!([]), "Norrtälje's months are not Södertälje's");
    let res = (sodertalje.get(app.url("/api/v1/tenants/norrtalje/councils/socialnamnden/economy/2025/months")))
        .send()
        .await
        .expect("request");
    assert_eq!(res.status(), 404);
}

#[tokio::test]
async fn ledger_sums_and_forecasts_travel_in_the_tenant_document() {
    use app::services::tenant_document::{export_tenant, import_document};
    let app = TestApp::spawn().await;
    let editor = app.login_as("norrtalje", "editor@norrtalje.example").await;
    assert_eq!(import(&editor, &app, "", &first_quarter()).await["phase"], "done");
    let res = (editor.post(app.url("/api/v1/tenants/norrtalje/councils/socialnamnden/forecasts")))
        .json(&json!({"year": 2025, "kind": "council", "method": "budget_for_rest", "comment": "Efter mars"}))
        .send()
        .await
        .expect("request");
    assert_eq!(res.status(), 201);

    let exported = export_tenant(&app.db, "norrtalje").await.expect("export");
    assert_eq!(exported.format_version, 6);
    let economy = (exported.economies.iter())
        .find(|e| e.council == "socialnamnden")
        .expect("economy");
    assert_eq!(
        economy.ledger.len(),
        6,
        "3 months × (the aid's costs, the refugees' income), summed"
    );
    assert_eq!(economy.forecasts.len(), 1);
    assert_eq!(economy.forecasts[0].comment, "Efter mars");

    import_document(&app.db, exported.clone(), Some("norrtalje-kopia"), "test")
        .await
        .expect("import");
    let copy = export_tenant(&app.db, "norrtalje-kopia").await.expect("export");
    let copied = (copy.economies.iter())
        .find(|e| e.council == "socialnamnden")
        .expect("economy");
    assert_eq!(copied.ledger, economy.ledger);
    assert_eq!(copied.forecasts, economy.forecasts);

    let mut broken = exported;
    broken.tenant.slug = "trasig".into();
    let economy = (broken.economies.iter_mut())
        .find(|e| e.council == "socialnamnden")
        .expect("economy");
    let twice = economy.ledger[0].clone();
    economy.ledger.push(twice);
    economy.forecasts[0].method = "gissning".into();
    let err = import_document(&app.db, broken, None, "test")
        .await
        .expect_err("refused");
    let text = err.to_string();
    assert!(text.contains("2 problem"), "{text}");
}

#[tokio::test]
async fn an_xlsx_ledger_with_numbers_as_excel_stores_them_is_imported() {
    let app = TestApp::spawn().await;
    let editor = app.login_as("norrtalje", "editor@norrtalje.example").await;
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (column, header) in ["Period", "Ansvar", "Konto", "Belopp"].into_iter().enumerate() {
        sheet.write_string(0, column as u16, header).expect("header");
    }
    // Period and account as numbers, the amount with öre, as a ledger's Excel export has them.
    for (row, (period, amount)) in [(202501.0, 1_234_567.5), (202502.0, 2_000_000.25)]
        .into_iter()
        .enumerate()
    {
        let row = row as u32 + 1;
        sheet.write_number(row, 0, period).expect("period");
        sheet.write_string(row, 1, "Ekonomiskt bistånd").expect("unit");
        sheet.write_number(row, 2, 4710.0).expect("account");
        sheet.write_number(row, 3, amount).expect("amount");
    }
    let bytes = book.save_to_buffer().expect("xlsx");
    let res = start(&editor, &app, "norrtalje", "huvudbok.xlsx", "", bytes).await;
    assert_eq!(res.status(), 202);
    let id = res.json::<Value>().await.expect("json")["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let done = finished(&editor, &app, &id).await;
    assert_eq!(done["phase"], "done", "{done}");
    assert_eq!(done["ledger"]["months"][0]["cost"], "-1234567.5");
    assert_eq!(done["ledger"]["months"][1]["cost"], "-2000000.25");
}

#[tokio::test]
async fn hostile_ledger_files_are_refused_with_a_reason_and_change_nothing() {
    let app = TestApp::spawn().await;
    let editor = app.login_as("norrtalje", "editor@norrtalje.example").await;
    let header = "Period,Ansvar,Konto,Belopp\n";
    let many_bad: String = header.to_owned() + &"2025-01,x,4,1\n".repeat(600);
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("binary", vec![0xff, 0xfe, 0x00, 0x81, 0x9c], "not_utf8"),
        (
            "a huge cell",
            format!("{header}2025-01,{},4,1\n", "å".repeat(5_000)).into_bytes(),
            "cell_too_long",
        ),
        (
            "a number past what is held",
            format!("{header}2025-01,Vuxna,4,{}\n", "9".repeat(40)).into_bytes(),
            "number_too_large",
        ),
        ("only a header", header.as_bytes().to_vec(), ""),
        ("nothing", Vec::new(), "ledger_file_empty"),
        ("600 bad rows", many_bad.into_bytes(), "unknown_unit"),
    ];
    for (what, body, code) in cases {
        let res = start(&editor, &app, "norrtalje", "huvudbok.csv", "", body).await;
        assert_eq!(res.status(), 202, "{what}");
        let id = res.json::<Value>().await.expect("json")["id"]
            .as_str()
            .expect("id")
            .to_owned();
        let status = finished(&editor, &app, &id).await;
        if code.is_empty() {
            assert_eq!(
                (status["phase"].as_str(), status["ledger"]["rows"].as_u64()),
                (Some("done"), Some(0)),
                "{what}: {status}"
            );
            continue;
        }
        assert_eq!(status["phase"], "failed", "{what}: {status}");
        assert_eq!(status["problems"][0]["message"]["code"], code, "{what}: {status}");
        if what == "600 bad rows" {
            let problems = status["problems"].as_array().expect("problems");
            assert_eq!(problems.len(), 201, "200 listed and a line counting the rest");
            assert_eq!(problems[200]["message"]["code"], "more_problems");
        }
    }
    assert_eq!(
        months(&editor, &app, 2025).await["lines"],
        json!([]),
        "nothing was written"
    );
    let res = (editor.post(app.url("/api/v1/tenants/norrtalje/ledger-imports/preview?file_name=huvudbok.pdf")))
        .body("%PDF")
        .send()
        .await
        .expect("request");
    assert_eq!(res.status(), 422, "only CSV and XLSX");
}

#[tokio::test]
async fn the_forecast_saved_at_delar_2_against_the_years_ledger_feeds_prognosavvikelse() {
    let app = TestApp::spawn().await;
    let editor = app.login_as("norrtalje", "editor@norrtalje.example").await;
    let months = |range: std::ops::RangeInclusive<u32>| {
        let mut csv = String::from("Period;Verksamhet;Konto;Belopp\n");
        for month in range {
            csv.push_str(&format!("2026-{month:02};Ekonomiskt bistånd;4710;8 000 000\n"));
        }
        csv
    };
    assert_eq!(import(&editor, &app, "", &months(1..=8)).await["phase"], "done");
    let res = (editor.post(app.url("/api/v1/tenants/norrtalje/councils/socialnamnden/forecasts")))
        .json(&json!({"year": 2026, "kind": "council", "method": "manual", "amount": "-100 000", "comment": "Delår 2"}))
        .send()
        .await
        .expect("request");
    assert_eq!(res.status(), 201);
    assert_eq!(res.json::<Value>().await.expect("json")["month"], 8, "made at delår 2");
    assert_eq!(import(&editor, &app, "", &months(9..=12)).await["phase"], "done");

    let res = (editor.get(app.url("/api/v1/tenants/norrtalje/assessments?period=2026-12&council=socialnamnden")))
        .send()
        .await
        .expect("request");
    assert_eq!(res.status(), 200);
    let verdicts: Value = res.json().await.expect("json");
    let line = (verdicts.as_array().expect("verdicts").iter())
        .find(|v| v["code"] == "prognosavvikelse-delar2")
        .unwrap_or_else(|| panic!("no verdict: {verdicts}"));
    // |−100 000 − (−96 000)| / 96 000 = 4,17 %, within 2026's ≤ 5 %.
    let explanation = line["explanation"].as_str().expect("explanation");
    assert!(
        explanation.contains("4,17") || explanation.contains("4,2"),
        "{explanation}"
    );
    assert!(
        explanation.contains("prognos per delår 2 -100\u{a0}000 tkr"),
        "{explanation}"
    );
    assert!(
        explanation.contains("-96\u{a0}000 tkr (huvudboken jan–dec)"),
        "{explanation}"
    );
    assert_eq!(line["verdict"], "green", "{line}");
}
