//! Editing an indicator: optimistic locking, validation by field, audit history, roles
//! and tenant walls, through the services the server functions call.

use crate::common::{TestApp, english};

use app::domain::{MarginUnit, MethodKind};
use app::model::{Message, Thing};
use app::services::ServiceError;
use app::services::indicator_edit::{load, save};
use app::services::tenant_document::export_tenant;
use engine::assess::{Margin, Method};
use rust_decimal::Decimal;

#[tokio::test]
async fn the_later_of_two_saves_on_the_same_revision_is_a_conflict_and_nothing_is_lost() {
    let app = TestApp::spawn().await;
    let admin = app.context_as("norrtalje", "admin@norrtalje.example").await;
    let opened_by_a = load(&app.db, &admin, "sjukfranvaro").await.expect("load");
    let opened_by_b = load(&app.db, &admin, "sjukfranvaro").await.expect("load");
    let target = |view: &app::model::IndicatorEditView, year: i32| {
        view.form
            .targets
            .iter()
            .find(|t| t.year == year)
            .map(|t| t.text.clone())
            .unwrap_or_default()
    };
    assert_eq!(target(&opened_by_a, 2026), "6");

    let mut a = opened_by_a.form.clone();
    a.targets.iter_mut().find(|t| t.year == 2026).expect("2026").text = "5,5".into();
    let new_revision = save(&app.db, &admin, opened_by_a.id, opened_by_a.revision, a)
        .await
        .expect("first save");
    assert_eq!(new_revision, opened_by_a.revision + 1);

    let mut b = opened_by_b.form.clone();
    b.name = "Sjukfrånvaro (B)".into();
    let err = save(&app.db, &admin, opened_by_b.id, opened_by_b.revision, b)
        .await
        .expect_err("stale");
    assert!(
        matches!(err, ServiceError::Conflict(Message::Stale { what: Thing::Indicator, ref name }) if name.as_deref() == Some("sjukfranvaro")),
        "{err:?}"
    );

    let now = load(&app.db, &admin, "sjukfranvaro").await.expect("load");
    assert_eq!(target(&now, 2026), "5,5", "the first save is kept");
    assert_eq!(now.form.name, "Sjukfrånvaro", "the stale save changed nothing");
    let entry = &now.history[0];
    assert_eq!(entry.actor, "admin@norrtalje.example");
    let change = entry
        .changes
        .iter()
        .find(|c| c.field == "targets")
        .expect("targets changed");
    assert!(
        change.old.contains("2026: 6") && change.new.contains("2026: 5,5"),
        "{change:?}"
    );
}

#[tokio::test]
async fn bad_fields_are_named_and_nothing_is_saved() {
    let app = TestApp::spawn().await;
    let admin = app.context_as("sodertalje", "admin@sodertalje.example").await;
    let view = load(&app.db, &admin, "budgetfoljsamhet").await.expect("load");
    assert_eq!(
        view.form
            .targets
            .iter()
            .find(|t| t.year == 2025)
            .map(|t| t.text.as_str()),
        Some("± 0,5")
    );
    type Change = fn(&mut app::model::IndicatorForm);
    let cases: [(Change, &str); 7] = [
        (
            |f| {
                f.method.kind = Some(MethodKind::Threshold);
                f.method.margin = "-5".into();
            },
            "margin: a margin cannot be negative",
        ),
        (
            |f| {
                f.method.kind = Some(MethodKind::Pace);
                f.method.margin = "fem".into();
            },
            "margin: \"fem\" is not a number",
        ),
        (|f| f.name = "  ".into(), "name: must not be empty"),
        (|f| f.decimals = 9, "decimals: may be at most 6, but is 9"),
        (
            |f| f.periodicity = "quarter".into(),
            "periodicity: \"quarter\" cannot be used here; use year, half_year, tertial or month",
        ),
        (
            |f| f.department = "Ekonomi".into(),
            "department: \"Ekonomi\" is not a department of Socialnämnden",
        ),
        (
            |f| f.targets[0].text = "Öja".into(),
            "targets: 2025: \"Öja\" is not a target",
        ),
    ];
    for (change, expected) in cases {
        let mut form = view.form.clone();
        change(&mut form);
        let err = save(&app.db, &admin, view.id, view.revision, form)
            .await
            .expect_err(expected);
        assert!(err.to_string().starts_with(expected), "{err} / {expected}");
    }
    let again = load(&app.db, &admin, "budgetfoljsamhet").await.expect("load");
    assert_eq!(again.revision, view.revision);
    assert!(again.history.is_empty());
}

#[tokio::test]
async fn only_admins_edit_and_other_tenants_codes_are_not_found() {
    let app = TestApp::spawn().await;
    let editor = app.context_as("norrtalje", "editor@norrtalje.example").await;
    assert!(matches!(
        load(&app.db, &editor, "sjukfranvaro").await,
        Err(ServiceError::Forbidden)
    ));
    let admin = app.context_as("norrtalje", "admin@norrtalje.example").await;
    let view = load(&app.db, &admin, "sjukfranvaro").await.expect("load");
    assert!(matches!(
        save(&app.db, &editor, view.id, view.revision, view.form.clone()).await,
        Err(ServiceError::Forbidden)
    ));

    // Södertälje has no "sjukfranvaro-manad"; and a Norrtälje id is not found from Södertälje.
    let other = app.context_as("sodertalje", "admin@sodertalje.example").await;
    assert!(matches!(
        load(&app.db, &other, "sjukfranvaro-manad").await,
        Err(ServiceError::NotFound)
    ));
    assert!(matches!(
        save(&app.db, &other, view.id, view.revision, view.form).await,
        Err(ServiceError::NotFound)
    ));
}

#[tokio::test]
async fn an_admin_adds_an_indicator_to_a_goal_that_carries_indicators() {
    let app = TestApp::spawn().await;
    let admin = app.context_as("norrtalje", "admin@norrtalje.example").await;
    let plan = app::services::plans::list_for(&app.db, &admin)
        .await
        .expect("plans")
        .into_iter()
        .find(|p| p.first_year == 2026)
        .expect("the 2026–2028 plan");
    let form = app::model::IndicatorForm {
        name: "Andel brukare som känner sig trygga".into(),
        kind: app::domain::IndicatorKind::Namnd,
        unit: "%".into(),
        direction: app::domain::Better::Higher,
        periodicity: "year".into(),
        targets: vec![app::model::TargetInput {
            year: 2027,
            text: "90".into(),
            ..Default::default()
        }],
        ..Default::default()
    };
    let goal = |code: &str| code.to_owned();
    let create = |goal: String, code: &'static str, form: app::model::IndicatorForm| {
        let (db, admin) = (&app.db, &admin);
        async move { app::services::indicator_edit::create(db, admin, plan.id, &goal, code, form).await }
    };

    // A målområde carries no indicators; a bad or taken code is named.
    for (goal_code, code, field, expected) in [
        ("1", "sn-trygghet", "goal", "which does not carry indicators"),
        ("1.1", "SN Trygghet", "code", "\"SN Trygghet\" is not a valid code"),
        (
            "1.1",
            "sjukfranvaro",
            "code",
            "there is already an indicator with the code \"sjukfranvaro\"",
        ),
        ("9.9", "sn-trygghet", "goal", "\"9.9\" is not a goal of the plan"),
    ] {
        match create(goal(goal_code), code, form.clone()).await {
            Err(ServiceError::Invalid { field: got, message }) => {
                assert_eq!(got, field, "{goal_code} {code}");
                assert!(
                    english(&message).contains(expected),
                    "{message:?} should say {expected}"
                );
            }
            other => panic!("{goal_code} {code}: {other:?}"),
        }
    }

    let code = create(goal("1.1"), "sn-trygghet", form.clone()).await.expect("created");
    let view = load(&app.db, &admin, &code).await.expect("editable");
    assert_eq!(view.form.name, form.name);
    assert!(view.goal.starts_with("1.1 "), "{}", view.goal);
    assert!(view.form.targets.iter().any(|t| t.year == 2027 && t.text == "90"));
    assert_eq!(view.history[0].action, "create");

    let editor = app.context_as("norrtalje", "editor@norrtalje.example").await;
    let denied = app::services::indicator_edit::create(&app.db, &editor, plan.id, "1.1", "sn-x", form).await;
    assert!(matches!(denied, Err(ServiceError::Forbidden)), "{denied:?}");
}

#[tokio::test]
async fn a_method_and_its_margin_are_saved_and_travel_in_the_tenant_document() {
    let app = TestApp::spawn().await;
    let admin = app.context_as("sodertalje", "admin@sodertalje.example").await;
    let view = load(&app.db, &admin, "avtalstrohet").await.expect("load");
    assert_eq!(view.form.method.kind, None, "the municipality's default");
    let method_of = |doc: &app::exchange::document::TenantDocument| {
        (doc.plans[0].content.indicators.iter())
            .find(|i| i.code == "avtalstrohet")
            .expect("avtalstrohet")
            .method
    };

    let mut form = view.form.clone();
    form.method.kind = Some(MethodKind::Directional);
    form.method.margin = "0,5".into();
    form.method.margin_unit = MarginUnit::Absolute;
    let revision = save(&app.db, &admin, view.id, view.revision, form).await.expect("save");
    let again = load(&app.db, &admin, "avtalstrohet").await.expect("load");
    assert_eq!(
        (
            again.form.method.kind,
            again.form.method.margin.as_str(),
            again.form.method.margin_unit
        ),
        (Some(MethodKind::Directional), "0,5", MarginUnit::Absolute)
    );
    let doc = export_tenant(&app.db, "sodertalje").await.expect("export");
    assert_eq!(
        method_of(&doc),
        Some(Method::Directional {
            margin: Margin::Absolute(Decimal::new(5, 1))
        })
    );
    assert!(
        again
            .history
            .iter()
            .any(|h| h.changes.iter().any(|c| c.field == "method")),
        "{:?}",
        again.history
    );

    let mut form = again.form.clone();
    form.method = app::model::MethodForm::default();
    save(&app.db, &admin, view.id, revision, form)
        .await
        .expect("back to the default");
    let doc = export_tenant(&app.db, "sodertalje").await.expect("export");
    assert_eq!(method_of(&doc), None);
}
