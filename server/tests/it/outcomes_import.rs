//! Importing outcomes and forecasts from CSV and XLSX: all rows checked first, specific
//! problems by row and column, nothing written unless every row is valid, roles enforced.

use crate::common::{TestApp, no_progress};

use app::exchange::document::{Gender, ValueKind};
use app::model::ImportPhase;
use app::services::ServiceError;
use app::services::outcomes::{FileFormat, import_for};
use app::services::tenant_document::export_tenant;

async fn value_of(app: &TestApp, code: &str, period: &str, kind: ValueKind) -> Option<String> {
    let doc = export_tenant(&app.db, "norrtalje").await.expect("export");
    doc.plans
        .iter()
        .flat_map(|p| &p.content.indicators)
        .find(|i| i.code == code)
        .and_then(|i| {
            i.values
                .iter()
                .find(|v| v.period.to_string() == period && v.kind == kind && v.gender == Gender::Total)
        })
        .map(|v| v.value.to_string())
}

#[tokio::test]
async fn a_swedish_excel_csv_with_semicolons_and_decimal_commas_is_imported() {
    let app = TestApp::spawn().await;
    let editor = app.context_as("norrtalje", "editor@norrtalje.example").await;
    let csv = "\u{feff}indicator;period;value;kind;comment\n\
               sjukfranvaro-manad;2025-11;3,05;;Preliminärt\n\
               sjukfranvaro-manad;2025-10;2,40;outcome;Rättat\n\
               sjukfranvaro;2026;6,5;forecast;\n";
    let summary = import_for(
        &app.db,
        &editor,
        csv.as_bytes().to_vec(),
        FileFormat::Csv,
        no_progress(),
    )
    .await
    .expect("import");
    assert_eq!((summary.rows, summary.inserted, summary.updated), (3, 2, 1));
    assert_eq!(
        value_of(&app, "sjukfranvaro-manad", "2025-11", ValueKind::Outcome)
            .await
            .as_deref(),
        Some("3.05")
    );
    assert_eq!(
        value_of(&app, "sjukfranvaro-manad", "2025-10", ValueKind::Outcome)
            .await
            .as_deref(),
        Some("2.40")
    );
    assert_eq!(
        value_of(&app, "sjukfranvaro", "2026", ValueKind::Forecast)
            .await
            .as_deref(),
        Some("6.5")
    );

    let log = app::db::repo::audit::recent(&app.db, editor.scope(), 10)
        .await
        .expect("audit");
    let changed = log
        .iter()
        .find(|e| e.entity_type == "indicator_value")
        .expect("the changed value is logged");
    assert_eq!(
        (changed.old_value.as_deref(), changed.new_value.as_deref()),
        (Some("2.31"), Some("2.40"))
    );
    assert_eq!(changed.actor, "editor@norrtalje.example");
}

#[tokio::test]
async fn one_bad_row_rejects_the_file_and_every_problem_is_named() {
    let app = TestApp::spawn().await;
    let editor = app.context_as("norrtalje", "editor@norrtalje.example").await;
    let csv = "indicator,period,value\n\
               sjukfranvaro-manad,2025-11,3.05\n\
               sjukfranvaro-manad,2025-T3,3.05\n\
               finns-inte,2025,1\n\
               sjukfranvaro,2026,sex\n";
    let err = import_for(
        &app.db,
        &editor,
        csv.as_bytes().to_vec(),
        FileFormat::Csv,
        no_progress(),
    )
    .await
    .expect_err("rejected");
    let ServiceError::Rejected(problems) = err else {
        panic!("{err:?}")
    };
    let texts: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        texts,
        [
            "row 3 › column period: the period is a tertial, but the indicator is measured per month",
            "row 4 › column indicator: \"finns-inte\" is not an indicator code of this municipality",
            "row 5 › column value: \"sex\" is not a number",
        ]
    );
    assert_eq!(
        value_of(&app, "sjukfranvaro-manad", "2025-11", ValueKind::Outcome).await,
        None,
        "the valid row was not written"
    );
}

#[tokio::test]
async fn viewers_cannot_import_and_codes_of_another_tenant_are_unknown() {
    let app = TestApp::spawn().await;
    let viewer = app.context_as("norrtalje", "viewer@norrtalje.example").await;
    let csv = "indicator,period,value\nsjukfranvaro,2026,5\n";
    let err = import_for(
        &app.db,
        &viewer,
        csv.as_bytes().to_vec(),
        FileFormat::Csv,
        no_progress(),
    )
    .await
    .expect_err("viewer");
    assert!(matches!(err, ServiceError::Forbidden), "{err:?}");

    let other = app.context_as("sodertalje", "editor@sodertalje.example").await;
    let csv = "indicator,period,value\nsjukfranvaro-manad,2025-11,5\n";
    let err = import_for(&app.db, &other, csv.as_bytes().to_vec(), FileFormat::Csv, no_progress())
        .await
        .expect_err("not theirs");
    assert!(
        err.to_string()
            .contains("\"sjukfranvaro-manad\" is not an indicator code"),
        "{err}"
    );
}

#[tokio::test]
async fn an_xlsx_file_is_read_from_its_first_sheet_with_progress() {
    let app = TestApp::spawn().await;
    let editor = app.context_as("norrtalje", "editor@norrtalje.example").await;
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (col, name) in ["indicator", "period", "value", "gender"].iter().enumerate() {
        sheet.write_string(0, col as u16, *name).expect("header");
    }
    for month in 1..=12u32 {
        let row = month;
        sheet.write_string(row, 0, "sjukfranvaro-manad").expect("code");
        sheet.write_string(row, 1, format!("2026-{month:02}")).expect("period");
        sheet.write_number(row, 2, 5.25).expect("value");
        sheet.write_string(row, 3, "K").expect("gender");
    }
    let bytes = book.save_to_buffer().expect("xlsx");
    let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let recorder = seen.clone();
    let progress: app::services::outcomes::Progress = std::sync::Arc::new(move |phase, done, total| {
        recorder.lock().expect("lock").push((phase, done, total));
    });
    let summary = import_for(&app.db, &editor, bytes, FileFormat::Xlsx, progress)
        .await
        .expect("import");
    assert_eq!(summary.inserted, 12);
    assert_eq!(
        seen.lock().expect("lock").first(),
        Some(&(ImportPhase::Checking, 0, 12))
    );
    assert_eq!(seen.lock().expect("lock").last(), Some(&(ImportPhase::Writing, 12, 12)));
    let doc = export_tenant(&app.db, "norrtalje").await.expect("export");
    let monthly = doc
        .plans
        .iter()
        .flat_map(|p| &p.content.indicators)
        .find(|i| i.code == "sjukfranvaro-manad")
        .expect("found");
    let women: Vec<String> = monthly
        .values
        .iter()
        .filter(|v| v.gender == Gender::Women)
        .map(|v| v.value.to_string())
        .collect();
    assert_eq!(women.len(), 12);
    assert!(women.iter().all(|v| v == "5.25"));
}
