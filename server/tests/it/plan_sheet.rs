//! A goal's or a department's indicators in one sheet for a year, each with its target, and
//! cells saved one by one against what the sheet showed; roles and tenancy walls.

use crate::common::TestApp;

use app::domain::{Gender, PlanId, ValueKind};
use app::model::{Message, SheetOf, Thing, ValueEdit};
use app::services::ServiceError;
use app::services::plan_sheet::load;
use app::services::value_entry::save_cell;

async fn plan(app: &TestApp) -> PlanId {
    let admin = app.context_as("sodertalje", "admin@sodertalje.example").await;
    app::services::plans::list_for(&app.db, &admin).await.expect("plans")[0].id
}

fn total(period: &str, expected: Option<&str>, text: &str) -> ValueEdit {
    ValueEdit {
        period: period.into(),
        kind: ValueKind::Outcome,
        gender: Gender::Total,
        expected: expected.map(str::to_owned),
        expected_comment: None,
        text: text.into(),
        comment: None,
    }
}

#[tokio::test]
async fn a_goals_sheet_holds_its_indicators_with_targets_and_saves_cell_by_cell() {
    let app = TestApp::spawn().await;
    let editor = app.context_as("sodertalje", "editor@sodertalje.example").await;
    let plan = plan(&app).await;
    let goal = SheetOf::Goal("5".into());
    let sheet = load(&app.db, &editor, plan, &goal, None, 2026).await.expect("sheet");
    assert_eq!(
        (sheet.title.as_str(), sheet.year),
        ("5 Rätt insats till rätt person i rätt tid till rätt kostnad", 2025)
    );
    let codes: Vec<&str> = sheet.indicators.iter().map(|i| i.code.as_str()).collect();
    assert_eq!(
        codes,
        [
            "budgetfoljsamhet",
            "avtalstrohet",
            "effektiva-insatser",
            "e-ansokningar-ekonomiskt-bistand",
            "omvandlingsgrad-sociala-kontrakt"
        ]
    );
    let budget = &sheet.indicators[0];
    assert_eq!(budget.target, "± 0,5", "the year's target beside the values");
    assert_eq!(budget.rows.len(), 12, "a monthly indicator: every month of the year");
    assert!(
        budget.rows.iter().all(|r| r.values.len() == 4),
        "total, women, men, forecast"
    );

    // A grouping goal's sheet holds the indicators of the goals under it too.
    let kf5 = load(&app.db, &editor, plan, &SheetOf::Goal("kf5".into()), Some(2025), 2026)
        .await
        .expect("sheet");
    assert_eq!(kf5.indicators.len(), 5);

    let row = save_cell(&app.db, &editor, "budgetfoljsamhet", total("2025-10", None, "0,3"))
        .await
        .expect("saved");
    assert_eq!(
        (row.period.as_str(), row.values[0].as_deref()),
        ("2025-10", Some("0.3"))
    );
    // Another cell of the same row saves on its own; a stale one is refused and changes nothing.
    let stale = save_cell(&app.db, &editor, "budgetfoljsamhet", total("2025-10", None, "9")).await;
    assert!(
        matches!(
            stale,
            Err(ServiceError::Conflict(Message::Stale {
                what: Thing::Values,
                ..
            }))
        ),
        "{stale:?}"
    );
    let again = load(&app.db, &editor, plan, &goal, Some(2025), 2026)
        .await
        .expect("sheet");
    let october = again.indicators[0]
        .rows
        .iter()
        .find(|r| r.period == "2025-10")
        .expect("October");
    assert_eq!(october.values[0].as_deref(), Some("0.3"));
    let bad = save_cell(&app.db, &editor, "budgetfoljsamhet", total("2025-11", None, "fem")).await;
    assert!(
        matches!(bad, Err(ServiceError::Rejected(_) | ServiceError::Invalid { .. })),
        "{bad:?}"
    );
}

#[tokio::test]
async fn a_departments_sheet_and_the_walls() {
    let app = TestApp::spawn().await;
    let norrtalje = app.context_as("norrtalje", "editor@norrtalje.example").await;
    let plans = app::services::plans::list_for(&app.db, &norrtalje)
        .await
        .expect("plans");
    let plan_2026 = plans
        .iter()
        .find(|p| p.name == "Verksamhetsplan 2026–2028")
        .expect("plan")
        .id;
    let department = SheetOf::Department("Vuxna".into());
    let sheet = load(&app.db, &norrtalje, plan_2026, &department, None, 2026)
        .await
        .expect("sheet");
    assert_eq!((sheet.title.as_str(), sheet.year), ("Vuxna", 2026));
    assert!(
        sheet
            .indicators
            .iter()
            .any(|i| i.code == "langvarigt-ekonomiskt-bistand")
    );
    assert!(
        sheet.years.contains(&2024),
        "earlier years with values are offered: {:?}",
        sheet.years
    );

    let editor = app.context_as("sodertalje", "editor@sodertalje.example").await;
    let plan = plan(&app).await;
    for (of, year) in [
        (SheetOf::Goal("finns-inte".into()), None),
        (SheetOf::Department("Museum".into()), None),
        (SheetOf::Goal("5".into()), Some(1990)),
    ] {
        let missing = load(&app.db, &editor, plan, &of, year, 2026).await;
        assert!(matches!(missing, Err(ServiceError::NotFound)), "{of:?}: {missing:?}");
    }
    let viewer = app.context_as("sodertalje", "viewer@sodertalje.example").await;
    let denied = load(&app.db, &viewer, plan, &SheetOf::Goal("5".into()), None, 2026).await;
    assert!(matches!(denied, Err(ServiceError::Forbidden)), "{denied:?}");
    let other = app.context_as("norrtalje", "admin@norrtalje.example").await;
    let walled = load(&app.db, &other, plan, &SheetOf::Goal("5".into()), None, 2026).await;
    assert!(matches!(walled, Err(ServiceError::NotFound)), "{walled:?}");
    // Södertälje's own indicator (Norrtälje has one named budgetfoljsamhet too).
    let foreign = save_cell(&app.db, &other, "avtalstrohet", total("2025-10", None, "1")).await;
    assert!(matches!(foreign, Err(ServiceError::NotFound)), "{foreign:?}");
}
