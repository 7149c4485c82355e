//! Editors enter outcomes, forecasts and comments per period in a sheet: what the sheet
//! holds, saving with an audit trail, conflicts with someone else's change, specific
//! errors by cell, roles and tenancy walls.

use crate::common::TestApp;

use app::domain::{Gender, ValueKind};
use app::model::{Known, Location, Message, PeriodKind, Place, Thing, ValueEdit, ValueSheet};
use app::services::ServiceError;
use app::services::value_entry::{load, save};

const MONTHLY: &str = "sjukfranvaro-manad";

fn cell<'a>(sheet: &'a ValueSheet, period: &str) -> &'a [Option<String>] {
    &sheet.rows.iter().find(|r| r.period == period).expect(period).values
}

fn edit(period: &str, gender: Gender, expected: Option<&str>, text: &str) -> ValueEdit {
    ValueEdit {
        period: period.to_owned(),
        kind: ValueKind::Outcome,
        gender,
        expected: expected.map(str::to_owned),
        expected_comment: None,
        text: text.to_owned(),
        comment: None,
    }
}

#[tokio::test]
async fn the_sheet_has_every_month_of_the_plan_and_the_earlier_outcomes() {
    let app = TestApp::spawn().await;
    let editor = app.context_as("norrtalje", "editor@norrtalje.example").await;
    let sheet = load(&app.db, &editor, MONTHLY).await.expect("sheet");
    assert_eq!(sheet.name, "Sjukfrånvaro, vald månad");
    assert_eq!(sheet.plan_name, "Verksamhetsplan 2026–2028");
    // 2024-01 … 2025-10 from the seed, then every month of 2026–2028.
    assert_eq!(sheet.rows.len(), 22 + 36);
    assert_eq!(sheet.rows.first().map(|r| r.period.as_str()), Some("2024-01"));
    assert_eq!(sheet.rows.last().map(|r| r.period.as_str()), Some("2028-12"));
    assert_eq!(cell(&sheet, "2024-01")[0].as_deref(), Some("8.41"));
    assert_eq!(cell(&sheet, "2025-10")[0].as_deref(), Some("2.31"));
    assert!(cell(&sheet, "2026-01").iter().all(Option::is_none));
}

#[tokio::test]
async fn saving_writes_the_changed_cells_and_their_history() {
    let app = TestApp::spawn().await;
    let editor = app.context_as("norrtalje", "editor@norrtalje.example").await;
    let mut corrected = edit("2025-10", Gender::Total, Some("2.31"), "2,40");
    corrected.comment = Some("Rättat efter kvalitetssäkring".to_owned());
    let edits = vec![
        corrected,
        edit("2026-01", Gender::Women, None, "4,5"),
        edit("2024-01", Gender::Total, Some("8.41"), ""),
        ValueEdit {
            kind: ValueKind::Forecast,
            ..edit("2026-12", Gender::Total, None, "6")
        },
    ];
    let sheet = save(&app.db, &editor, MONTHLY, edits).await.expect("saved");
    assert_eq!(cell(&sheet, "2025-10")[0].as_deref(), Some("2.40"));
    let october = sheet.rows.iter().find(|r| r.period == "2025-10").expect("row");
    assert_eq!(october.comments[0].as_deref(), Some("Rättat efter kvalitetssäkring"));
    assert_eq!(cell(&sheet, "2026-01")[1].as_deref(), Some("4.5"));
    assert_eq!(cell(&sheet, "2026-12")[3].as_deref(), Some("6"));
    assert!(
        sheet.rows.iter().all(|r| r.period != "2024-01"),
        "cleared: a past period left without values has no row"
    );

    let mut changes: Vec<(String, String, String, String)> = sheet
        .history
        .iter()
        .map(|h| {
            assert_eq!(h.actor, "editor@norrtalje.example");
            let c = &h.changes[0];
            (h.action.clone(), c.field.clone(), c.old.clone(), c.new.clone())
        })
        .collect();
    changes.sort();
    let expected = [
        ("create", "2026-01/outcome/K", "", "4.5"),
        ("create", "2026-12/forecast/T", "", "6"),
        ("delete", "2024-01/outcome/T", "8.41", ""),
        ("update", "2025-10/outcome/T", "2.31", "2.40"),
    ];
    assert_eq!(
        changes,
        expected.map(|(a, f, o, n)| (a.to_owned(), f.to_owned(), o.to_owned(), n.to_owned()))
    );
}

#[tokio::test]
async fn a_cell_changed_by_someone_else_is_a_conflict_and_nothing_is_written() {
    let app = TestApp::spawn().await;
    let editor = app.context_as("norrtalje", "editor@norrtalje.example").await;
    let other = app.context_as("norrtalje", "admin@norrtalje.example").await;
    // The other user saves 2024-02 after our sheet was loaded (showing 9.14).
    save(
        &app.db,
        &other,
        MONTHLY,
        vec![edit("2024-02", Gender::Total, Some("9.14"), "9,2")],
    )
    .await
    .expect("their save");
    let ours = vec![
        edit("2024-03", Gender::Total, Some("7.70"), "7,8"),
        edit("2024-02", Gender::Total, Some("9.14"), "9,3"),
    ];
    let err = save(&app.db, &editor, MONTHLY, ours).await.expect_err("conflict");
    assert!(
        matches!(&err, ServiceError::Conflict(Message::Stale { what: Thing::Values, name }) if name.as_deref() == Some("2024-02")),
        "{err}"
    );
    let sheet = load(&app.db, &editor, MONTHLY).await.expect("sheet");
    assert_eq!(cell(&sheet, "2024-02")[0].as_deref(), Some("9.2"), "theirs kept");
    assert_eq!(
        cell(&sheet, "2024-03")[0].as_deref(),
        Some("7.70"),
        "ours not half-written"
    );
}

#[tokio::test]
async fn each_bad_cell_is_named_and_nothing_is_written() {
    let app = TestApp::spawn().await;
    let editor = app.context_as("norrtalje", "editor@norrtalje.example").await;
    let mut comment_only = edit("2026-02", Gender::Total, None, "");
    comment_only.comment = Some("Saknar värde".to_owned());
    let edits = vec![
        edit("2026-01", Gender::Total, None, "4,1"),
        edit("2026-03", Gender::Total, None, "fyra"),
        edit("2026-T1", Gender::Total, None, "4"),
        ValueEdit {
            kind: ValueKind::Forecast,
            ..edit("2026-04", Gender::Women, None, "4")
        },
        comment_only,
    ];
    let err = save(&app.db, &editor, MONTHLY, edits).await.expect_err("rejected");
    let ServiceError::Rejected(problems) = err else {
        panic!("expected rejected, got {err}");
    };
    let at = |period: &str, kind, gender| {
        Location::of(Place::Value {
            period: period.to_owned(),
            kind,
            gender,
        })
    };
    let found: Vec<(&Location, &Message)> = problems.iter().map(|p| (&p.location, &p.message)).collect();
    let expected = [
        (
            at("2026-03", ValueKind::Outcome, Gender::Total),
            Message::NotANumber { text: "fyra".into() },
        ),
        (
            at("2026-T1", ValueKind::Outcome, Gender::Total),
            Message::PeriodMismatch {
                period: PeriodKind::Tertial,
                periodicity: PeriodKind::Month,
            },
        ),
        (
            Location::of(Place::Period {
                period: "2026-04".into(),
            }),
            Message::Unknown {
                what: Known::Column,
                value: "forecast/K".into(),
            },
        ),
        (
            at("2026-02", ValueKind::Outcome, Gender::Total),
            Message::CommentNeedsValue,
        ),
    ];
    assert_eq!(found.len(), expected.len(), "{problems:#?}");
    for ((location, message), (want_at, want)) in found.iter().zip(&expected) {
        assert_eq!((*location, *message), (want_at, want));
    }
    assert_eq!(
        app::i18n::problem_text(&problems[0], app::i18n::Locale::Sv),
        "2026-03 utfall (totalt): ”fyra” är inget tal"
    );
    let sheet = load(&app.db, &editor, MONTHLY).await.expect("sheet");
    assert!(
        cell(&sheet, "2026-01")[0].is_none(),
        "the valid cell was not written either"
    );
}

#[tokio::test]
async fn viewers_may_not_enter_values_and_other_tenants_codes_are_not_found() {
    let app = TestApp::spawn().await;
    let viewer = app.context_as("norrtalje", "viewer@norrtalje.example").await;
    assert!(matches!(
        load(&app.db, &viewer, MONTHLY).await,
        Err(ServiceError::Forbidden)
    ));
    assert!(matches!(
        save(
            &app.db,
            &viewer,
            MONTHLY,
            vec![edit("2026-01", Gender::Total, None, "1")]
        )
        .await,
        Err(ServiceError::Forbidden)
    ));
    let other = app.context_as("sodertalje", "editor@sodertalje.example").await;
    assert!(matches!(
        load(&app.db, &other, MONTHLY).await,
        Err(ServiceError::NotFound)
    ));
    assert!(matches!(
        save(
            &app.db,
            &other,
            MONTHLY,
            vec![edit("2026-01", Gender::Total, None, "1")]
        )
        .await,
        Err(ServiceError::NotFound)
    ));
}
