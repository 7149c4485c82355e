//! The tenant's goal structure: admins rename levels, change sections and what goals carry,
//! add and remove levels; every change is checked against all plans first (a section with
//! text, a level with goals, a carried kind in use cannot go), stale saves are conflicts,
//! and each change is in the history.

use crate::common::TestApp;

use app::domain::{Carry, Numbering};
use app::exchange::validate;
use app::model::{LevelForm, Location, Message, Place, StructureView};
use app::services::ServiceError;
use app::services::context::TenantContext;
use app::services::structure::{load, save};
use app::services::tenant_document::export_tenant;

async fn admin(app: &TestApp) -> TenantContext {
    app.context_as("norrtalje", "admin@norrtalje.example").await
}

fn rejected(result: Result<StructureView, ServiceError>, expected: &str) {
    match result {
        Err(ServiceError::Rejected(problems)) => {
            let all: Vec<String> = problems.iter().map(ToString::to_string).collect();
            assert!(
                all.iter().any(|p| p.contains(expected)),
                "{all:#?} should mention {expected}"
            );
        }
        other => panic!("expected a rejection mentioning {expected}, got {other:?}"),
    }
}

async fn assert_unchanged(app: &TestApp, auth: &TenantContext, before: &StructureView) {
    assert_eq!(
        load(&app.db, auth).await.expect("load").levels,
        before.levels,
        "nothing written"
    );
}

#[tokio::test]
async fn levels_change_when_every_plan_still_fits() {
    let app = TestApp::spawn().await;
    let auth = admin(&app).await;
    let before = load(&app.db, &auth).await.expect("load");
    let names: Vec<&str> = before.levels.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(names, ["Målområde", "Inriktningsmål"]);

    let mut levels = before.levels.clone();
    levels[1].sections.push("Uppföljning".into());
    levels[1].plural = "Inriktningsmålen".into();
    levels.push(LevelForm {
        name: "Aktivitetsmål".into(),
        plural: "Aktivitetsmål".into(),
        numbering: Numbering::Nested,
        sections: vec!["Beskrivning".into()],
        carries: vec![Carry::Indicators],
        ..LevelForm::default()
    });
    let saved = save(&app.db, &auth, &levels).await.expect("saved");
    assert_eq!(saved.levels.len(), 3);
    assert_eq!(saved.levels[1].revision, before.levels[1].revision + 1);
    assert_eq!(
        saved.levels[0].revision, before.levels[0].revision,
        "an unchanged level is not written"
    );
    let actions: Vec<&str> = saved.history.iter().map(|h| h.action.as_str()).collect();
    assert_eq!(actions, ["create", "update"]);
    assert!(
        saved.history[1]
            .changes
            .iter()
            .any(|c| c.field == "sections" && c.new.ends_with("; Uppföljning"))
    );

    // The new level is usable at once: a goal can go under an inriktningsmål.
    let plan = app::services::plans::list_for(&app.db, &auth).await.expect("plans")[0].id;
    let under = app::services::goal_edit::blank(&app.db, &auth, plan, Some("1.1"), None)
        .await
        .expect("blank");
    assert_eq!(
        (under.level.as_str(), under.form.number.as_str()),
        ("Aktivitetsmål", "1.1.1")
    );
    let doc = export_tenant(&app.db, "norrtalje").await.expect("export");
    assert_eq!(validate::document(&doc), []);
    assert_eq!(doc.levels[2].key, "aktivitetsmal");

    // An unused level can go again.
    let removed = save(&app.db, &auth, &saved.levels[..2]).await.expect("removed");
    assert_eq!(removed.levels.len(), 2);
    assert_eq!(removed.history[0].action, "delete");
}

#[tokio::test]
async fn what_plans_use_cannot_go_and_nothing_is_written() {
    let app = TestApp::spawn().await;
    let auth = admin(&app).await;
    let before = load(&app.db, &auth).await.expect("load");

    let mut no_section = before.levels.clone();
    no_section[1].sections.retain(|s| s != "Beskrivning");
    rejected(
        save(&app.db, &auth, &no_section).await,
        "\"Beskrivning\" is not a section of Inriktningsmål",
    );

    let mut no_indicators = before.levels.clone();
    no_indicators[1].carries.retain(|&c| c != Carry::Indicators);
    rejected(save(&app.db, &auth, &no_indicators).await, "indicator");

    rejected(save(&app.db, &auth, &before.levels[..1]).await, "inriktningsmal");

    let mut bad = before.levels.clone();
    bad[0].name = " ".into();
    match save(&app.db, &auth, &bad).await {
        Err(ServiceError::Rejected(problems)) => {
            let texts: Vec<String> = problems.iter().map(ToString::to_string).collect();
            assert_eq!(texts, ["level 1 › Name: must not be empty"]);
        }
        other => panic!("{other:?}"),
    }
    assert_unchanged(&app, &auth, &before).await;
}

#[tokio::test]
async fn a_stale_save_is_a_conflict_and_only_admins_save() {
    let app = TestApp::spawn().await;
    let auth = admin(&app).await;
    let before = load(&app.db, &auth).await.expect("load");
    let mut first = before.levels.clone();
    first[0].plural = "Målområdena".into();
    save(&app.db, &auth, &first).await.expect("first save");
    let mut second = before.levels.clone();
    second[0].name = "Strategiskt område".into();
    assert!(matches!(
        save(&app.db, &auth, &second).await,
        Err(ServiceError::Conflict(_))
    ));
    assert_eq!(
        load(&app.db, &auth).await.expect("load").levels[0].plural,
        "Målområdena"
    );

    let editor = app.context_as("norrtalje", "editor@norrtalje.example").await;
    assert!(matches!(load(&app.db, &editor).await, Err(ServiceError::Forbidden)));
    assert!(matches!(
        save(&app.db, &editor, &first).await,
        Err(ServiceError::Forbidden)
    ));
    // Another tenant's admin sees and changes only their own levels.
    let other = app.context_as("sodertalje", "admin@sodertalje.example").await;
    let theirs = load(&app.db, &other).await.expect("load");
    assert!(
        theirs
            .levels
            .iter()
            .all(|l| !before.levels.iter().any(|m| m.id == l.id))
    );
    assert!(matches!(
        save(&app.db, &other, &first).await,
        Err(ServiceError::NotFound)
    ));
}

#[tokio::test]
async fn levels_move_only_where_every_goal_still_fits_the_tree() {
    let app = TestApp::spawn().await;
    let auth = admin(&app).await;
    let before = load(&app.db, &auth).await.expect("load");

    // Swapping målområde and inriktningsmål would put every goal in the wrong place.
    let swapped: Vec<LevelForm> = before.levels.iter().rev().cloned().collect();
    rejected(
        save(&app.db, &auth, &swapped).await,
        "which is not below its parent's level",
    );
    assert_unchanged(&app, &auth, &before).await;

    // Two new levels below that no goal uses yet can be added and then reordered.
    let level = |name: &str| LevelForm {
        name: name.into(),
        plural: name.into(),
        numbering: Numbering::Nested,
        ..LevelForm::default()
    };
    let mut levels = before.levels.clone();
    levels.extend([level("Delmål"), level("Aktivitet")]);
    let added = save(&app.db, &auth, &levels).await.expect("added").levels;
    let mut reordered = added.clone();
    reordered.swap(2, 3);
    let saved = save(&app.db, &auth, &reordered).await.expect("reordered").levels;
    let names: Vec<&str> = saved.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(names, ["Målområde", "Inriktningsmål", "Aktivitet", "Delmål"]);
    assert_eq!(saved[2].revision, added[3].revision + 1, "a moved level is written");
    let history = load(&app.db, &auth).await.expect("load").history;
    assert!(
        history[0].changes.iter().any(|c| c.field == "position"),
        "the move is in the history: {:?}",
        history[0]
    );
}

#[tokio::test]
async fn a_level_counts_its_uppdrag_in_verdicts_only_where_it_carries_them() {
    let app = TestApp::spawn().await;
    let auth = app.context_as("sodertalje", "admin@sodertalje.example").await;
    let before = load(&app.db, &auth).await.expect("load");
    let mut levels = before.levels.clone();
    let namndmal = levels.last_mut().expect("nämndmål");
    namndmal.assignment_inputs = true;
    match save(&app.db, &auth, &levels).await {
        Err(ServiceError::Rejected(problems)) => {
            assert_eq!(problems.len(), 1, "{problems:?}");
            assert_eq!(
                problems[0].location,
                Location::of(Place::LevelAt {
                    nth: 4,
                    name: "Nämndmål".into()
                })
                .field("assignment_inputs")
            );
            assert_eq!(problems[0].message, Message::AssignmentInputsNeedCarry);
        }
        other => panic!("expected invalid, got {other:?}"),
    }
    assert_unchanged(&app, &auth, &before).await;

    levels.last_mut().expect("nämndmål").carries.push(Carry::Assignments);
    let saved = save(&app.db, &auth, &levels).await.expect("saved");
    assert!(saved.levels.last().expect("nämndmål").assignment_inputs);
    let doc = export_tenant(&app.db, "sodertalje").await.expect("export");
    assert!(doc.levels.iter().any(|l| l.key == "namndmal" && l.assignment_inputs));
    assert!(!doc.levels.iter().any(|l| l.key == "kf_mal" && l.assignment_inputs));
}
