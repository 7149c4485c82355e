//! The tenant's organisation: admins edit the vision and values, councils and their
//! departments, and start new plans; stale saves are conflicts, a department still named
//! as responsible or a council with plans cannot go, and every change is in the history.

use crate::common::{TestApp, english};

use app::model::{CouncilForm, DepartmentForm, NewPlanForm, OrganisationView};
use app::services::ServiceError;
use app::services::context::TenantContext;
use app::services::organisation::{delete_council, load, save_council, save_texts};
use app::services::plan_decisions::create_plan;

async fn admin(app: &TestApp) -> TenantContext {
    app.context_as("norrtalje", "admin@norrtalje.example").await
}

fn social(view: &OrganisationView) -> CouncilForm {
    view.councils
        .iter()
        .find(|c| c.slug == "socialnamnden")
        .cloned()
        .expect("Socialnämnden")
}

fn invalid(result: Result<OrganisationView, ServiceError>, field: &str, expected: &str) {
    match result {
        Err(ServiceError::Invalid { field: got, message }) => {
            assert_eq!(got, field);
            assert!(
                english(&message).contains(expected),
                "{message:?} should say {expected}"
            );
        }
        other => panic!("expected {field} to be refused, got {other:?}"),
    }
}

#[tokio::test]
async fn vision_and_values_are_saved_once_per_revision() {
    let app = TestApp::spawn().await;
    let auth = admin(&app).await;
    let before = load(&app.db, &auth).await.expect("load");
    assert!(
        before.texts.values.contains("Invånaren först"),
        "seeded values: {}",
        before.texts.values
    );

    let mut texts = before.texts.clone();
    texts.vision = "Norrtälje – en kommun där alla kan växa.".into();
    let saved = save_texts(&app.db, &auth, &texts).await.expect("saved");
    assert_eq!(saved.texts.vision, texts.vision);
    assert_eq!(saved.texts.revision, before.texts.revision + 1);
    let entry = &saved.history[0];
    assert_eq!(
        (entry.action.as_str(), entry.actor.as_str()),
        ("update", "admin@norrtalje.example")
    );
    assert!(
        entry
            .changes
            .iter()
            .any(|c| c.field == "vision" && c.new == texts.vision)
    );

    // A second admin who loaded before the save is told, and the first save stands.
    let mut stale = before.texts.clone();
    stale.values = "Något annat".into();
    assert!(matches!(
        save_texts(&app.db, &auth, &stale).await,
        Err(ServiceError::Conflict(_))
    ));
    assert_eq!(load(&app.db, &auth).await.unwrap().texts, saved.texts);

    let editor = app.context_as("norrtalje", "editor@norrtalje.example").await;
    assert!(matches!(load(&app.db, &editor).await, Err(ServiceError::Forbidden)));
    assert!(matches!(
        save_texts(&app.db, &editor, &saved.texts).await,
        Err(ServiceError::Forbidden)
    ));
}

#[tokio::test]
async fn departments_are_renamed_added_and_removed_when_unused() {
    let app = TestApp::spawn().await;
    let auth = admin(&app).await;
    let before = social(&load(&app.db, &auth).await.expect("load"));
    assert!(before.departments.iter().all(|d| d.id.is_some()));
    let used = before
        .departments
        .iter()
        .find(|d| d.in_use > 0)
        .expect("a department in use")
        .clone();

    let mut form = before.clone();
    form.departments[0].name = format!("{} (ny)", form.departments[0].name);
    form.departments.push(DepartmentForm {
        name: "Avdelningen för digitalisering".into(),
        ..DepartmentForm::default()
    });
    let saved = social(&save_council(&app.db, &auth, &form).await.expect("saved"));
    assert_eq!(saved.revision, before.revision + 1);
    assert_eq!(saved.departments.len(), before.departments.len() + 1);
    assert_eq!(
        saved.departments[0].id, before.departments[0].id,
        "a rename keeps the id"
    );
    assert_eq!(
        saved.departments[0].in_use, before.departments[0].in_use,
        "and what it is responsible for"
    );
    assert_eq!(saved.departments.last().unwrap().name, "Avdelningen för digitalisering");

    // The unused new department can go again; one in use cannot, and nothing changes.
    let mut unused_gone = saved.clone();
    unused_gone.departments.pop();
    let after = social(&save_council(&app.db, &auth, &unused_gone).await.expect("removed"));
    assert_eq!(after.departments.len(), before.departments.len());
    let used = after
        .departments
        .iter()
        .find(|d| d.id == used.id)
        .expect("still there")
        .clone();
    let mut used_gone = after.clone();
    used_gone.departments.retain(|d| d.id != used.id);
    invalid(
        save_council(&app.db, &auth, &used_gone).await,
        "departments",
        &format!("\"{}\" is responsible for {}", used.name, used.in_use),
    );
    assert_eq!(social(&load(&app.db, &auth).await.unwrap()), after, "nothing written");

    // Saving the form as it was loaded before the first save is a conflict.
    assert!(matches!(
        save_council(&app.db, &auth, &before).await,
        Err(ServiceError::Conflict(_))
    ));
    let history = load(&app.db, &auth).await.unwrap().history;
    assert!(history[0].changes.iter().any(|c| c.field == "departments"));
}

#[tokio::test]
async fn a_new_council_gets_a_slug_a_plan_and_can_go_while_it_has_none() {
    let app = TestApp::spawn().await;
    let auth = admin(&app).await;
    let form = CouncilForm {
        name: "Vård- och omsorgsnämnden".into(),
        departments: vec![DepartmentForm {
            name: "Äldreomsorg".into(),
            ..DepartmentForm::default()
        }],
        ..CouncilForm::default()
    };
    let view = save_council(&app.db, &auth, &form).await.expect("added");
    let council = view
        .councils
        .iter()
        .find(|c| c.name == form.name)
        .expect("listed")
        .clone();
    assert_eq!(council.slug, "vard-och-omsorgsnamnden");
    assert_eq!(council.departments[0].name, "Äldreomsorg");
    invalid(
        save_council(&app.db, &auth, &form).await,
        "name",
        "there is already a council named \"Vård- och omsorgsnämnden\"",
    );

    let plan = NewPlanForm {
        council_id: council.id,
        name: "Verksamhetsplan 2027–2029".into(),
        first_year: 2027,
        last_year: 2029,
        kind: " Verksamhetsplan ".into(),
    };
    let id = create_plan(&app.db, &auth, &plan).await.expect("plan created");
    let plans = app::services::plans::list_for(&app.db, &auth).await.expect("plans");
    let created = plans.iter().find(|p| p.id == id).expect("listed");
    assert_eq!(
        created.kind.as_deref(),
        Some("Verksamhetsplan"),
        "the plan's type, trimmed"
    );
    assert_eq!(
        (created.council_slug.as_str(), created.status.as_str(), created.version),
        ("vard-och-omsorgsnamnden", "draft", 1)
    );

    let with_plan = social_or(&load(&app.db, &auth).await.unwrap(), &council.slug);
    assert_eq!(with_plan.plans, 1);
    invalid(
        delete_council(&app.db, &auth, council.id.unwrap(), with_plan.revision).await,
        "council",
        "has 1 plan and cannot be removed",
    );
}

fn social_or(view: &OrganisationView, slug: &str) -> CouncilForm {
    view.councils.iter().find(|c| c.slug == slug).cloned().expect("council")
}

#[tokio::test]
async fn a_council_without_plans_is_removed_with_its_departments() {
    let app = TestApp::spawn().await;
    let auth = admin(&app).await;
    let form = CouncilForm {
        name: "Kulturnämnden".into(),
        slug: "kultur".into(),
        departments: vec![DepartmentForm {
            name: "Bibliotek".into(),
            ..DepartmentForm::default()
        }],
        ..CouncilForm::default()
    };
    let council = social_or(&save_council(&app.db, &auth, &form).await.expect("added"), "kultur");
    assert!(matches!(
        delete_council(&app.db, &auth, council.id.unwrap(), council.revision + 1).await,
        Err(ServiceError::Conflict(_))
    ));
    let view = delete_council(&app.db, &auth, council.id.unwrap(), council.revision)
        .await
        .expect("removed");
    assert!(view.councils.iter().all(|c| c.slug != "kultur"));
    assert_eq!(view.history[0].action, "delete");
    assert!(
        view.history[0]
            .changes
            .iter()
            .any(|c| c.field == "departments" && c.old == "Bibliotek")
    );
}

#[tokio::test]
async fn plans_are_started_only_for_the_tenants_own_councils_with_sane_years() {
    let app = TestApp::spawn().await;
    let auth = admin(&app).await;
    let other = app.context_as("sodertalje", "admin@sodertalje.example").await;
    let theirs = social(&load(&app.db, &other).await.expect("load")).id;
    let form = |council_id, first_year, last_year| NewPlanForm {
        council_id,
        name: "Verksamhetsplan".into(),
        first_year,
        last_year,
        kind: String::new(),
    };
    assert!(matches!(
        create_plan(&app.db, &auth, &form(theirs, 2027, 2027)).await,
        Err(ServiceError::NotFound)
    ));
    let ours = social(&load(&app.db, &auth).await.unwrap()).id;
    match create_plan(&app.db, &auth, &form(ours, 2029, 2027)).await {
        Err(ServiceError::Invalid { field, message }) => {
            assert_eq!(field, "last_year");
            assert!(
                english(&message).contains("the last year (2027) is before the first year (2029)"),
                "{message:?}"
            );
        }
        other => panic!("{other:?}"),
    }
    let editor = app.context_as("norrtalje", "editor@norrtalje.example").await;
    assert!(matches!(
        create_plan(&app.db, &editor, &form(ours, 2027, 2027)).await,
        Err(ServiceError::Forbidden)
    ));
}

#[tokio::test]
async fn a_platform_admin_adds_a_municipality_with_its_first_admin_or_nothing() {
    use app::model::{NewTenantForm, NewUserForm, Role};
    use app::services::tenants::create_with_admin;
    let app = TestApp::spawn().await;
    let platform = app.context_as("norrtalje", "platform@malbild.example").await;
    let form = |password: &str| NewTenantForm {
        name: "Sigtuna kommun".into(),
        slug: String::new(),
        admin: NewUserForm {
            email: "admin@sigtuna.example".into(),
            name: "Siri Admin".into(),
            role: Role::Viewer, // the first user is an admin whatever the form says
            password: password.into(),
        },
    };
    match create_with_admin(&app.db, &platform, &form("kort")).await {
        Err(ServiceError::Invalid { field, .. }) => assert_eq!(field, "password"),
        other => panic!("{other:?}"),
    }
    let tenants = app::services::tenants::list_public(&app.db).await.expect("tenants");
    assert!(
        tenants.iter().all(|t| t.slug != "sigtuna"),
        "a refused form creates nothing"
    );

    let created = create_with_admin(&app.db, &platform, &form("ett-långt-lösenord"))
        .await
        .expect("created");
    assert_eq!(
        (created.slug.as_str(), created.name.as_str()),
        ("sigtuna", "Sigtuna kommun")
    );
    let now = chrono::Utc::now();
    let input = app::services::auth::LoginInput {
        tenant: "sigtuna",
        email: "admin@sigtuna.example",
        password: "ett-långt-lösenord",
        client_addr: None,
    };
    let session = app::services::auth::login(&app.db, input, chrono::Duration::hours(1), now)
        .await
        .expect("the first admin signs in");
    let sigtuna_admin = app::services::auth::resolve_session(&app.db, &session.cookie_value, now)
        .await
        .expect("resolve")
        .expect("session");
    let sigtuna_admin = TenantContext::own(&sigtuna_admin);
    assert_eq!(sigtuna_admin.role(), Role::Admin);
    assert!(
        load(&app.db, &sigtuna_admin)
            .await
            .expect("an empty organisation")
            .councils
            .is_empty()
    );
    assert!(matches!(
        create_with_admin(&app.db, &platform, &form("ett-långt-lösenord")).await,
        Err(ServiceError::Conflict(_))
    ));

    let municipal_admin = admin(&app).await;
    assert!(matches!(
        create_with_admin(&app.db, &municipal_admin, &form("ett-långt-lösenord")).await,
        Err(ServiceError::Forbidden)
    ));
}
