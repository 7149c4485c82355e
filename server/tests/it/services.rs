//! Service-level behaviour that HTTP cannot reach directly: expiry, seeding, audit.

use crate::common::{PASSWORD, TestApp};
use chrono::{Duration, Utc};

use app::db::repo;
use app::services::auth::{LoginInput, login, resolve_session};
use app::services::{ServiceError, demo, tenants, users};

fn input<'a>(tenant: &'a str, email: &'a str) -> LoginInput<'a> {
    LoginInput {
        tenant,
        email,
        password: PASSWORD,
        client_addr: None,
    }
}

#[tokio::test]
async fn sessions_expire() {
    let app = TestApp::spawn().await;
    let now = Utc::now();
    let session = login(
        &app.db,
        input("norrtalje", "viewer@norrtalje.example"),
        Duration::hours(1),
        now,
    )
    .await
    .expect("login");
    assert!(
        resolve_session(&app.db, &session.cookie_value, now + Duration::minutes(59))
            .await
            .expect("resolve")
            .is_some()
    );
    assert!(
        resolve_session(&app.db, &session.cookie_value, now + Duration::minutes(61))
            .await
            .expect("resolve")
            .is_none()
    );
}

#[tokio::test]
async fn login_and_logout_are_audited() {
    let app = TestApp::spawn().await;
    let session = login(
        &app.db,
        input("sodertalje", "editor@sodertalje.example"),
        Duration::hours(1),
        Utc::now(),
    )
    .await
    .expect("login");
    let auth = resolve_session(&app.db, &session.cookie_value, Utc::now())
        .await
        .expect("resolve")
        .expect("live");
    let cache = app::auth::session_cache::SessionCache::new();
    app::services::auth::logout(&app.db, &cache, &auth)
        .await
        .expect("logout");
    let scope = app::services::context::TenantContext::own(&auth).scope();
    let entries = repo::audit::recent(&app.db, scope, 2).await.expect("audit");
    let actions: Vec<(&str, &str)> = entries.iter().map(|e| (e.action.as_str(), e.actor.as_str())).collect();
    assert_eq!(
        actions,
        [
            ("logout", "editor@sodertalje.example"),
            ("login", "editor@sodertalje.example")
        ]
    );
}

#[tokio::test]
async fn demo_seed_is_idempotent_and_keeps_passwords_unless_told() {
    let app = TestApp::spawn().await;
    let report = demo::seed(&app.db, None).await.expect("second seed");
    assert_eq!(report.password, None, "nothing new, password unchanged");
    assert_eq!(report.tenants, ["norrtalje", "sodertalje"]);
    assert_eq!(repo::tenants::list(&app.db).await.expect("tenants").len(), 2);
    let scope = tenants::operator_scope(&app.db, "norrtalje").await.expect("scope");
    assert_eq!(repo::users::list(&app.db, scope).await.expect("users").len(), 3);
    let councils = repo::councils::list_with_departments(&app.db, scope)
        .await
        .expect("councils");
    assert_eq!(councils.len(), 1);
    assert_eq!(
        councils[0].departments.len(),
        6,
        "2026's three and 2024's three avdelningar"
    );
    // The original password still works.
    login(
        &app.db,
        input("norrtalje", "admin@norrtalje.example"),
        Duration::hours(1),
        Utc::now(),
    )
    .await
    .expect("login");
    assert!(
        demo::demo_accounts_present(&app.db).await.expect("query"),
        "production start must refuse"
    );
}

#[tokio::test]
async fn operator_commands_validate_and_refuse_duplicates() {
    let app = TestApp::spawn().await;
    let err = tenants::create(&app.db, "Bad Slug", "X", "cli")
        .await
        .expect_err("invalid slug");
    assert!(matches!(err, ServiceError::Invalid { field: "slug", .. }), "{err:?}");
    let err = tenants::create(&app.db, "norrtalje", "Norrtälje igen", "cli")
        .await
        .expect_err("duplicate");
    assert!(matches!(err, ServiceError::Conflict(_)), "{err:?}");

    let scope = tenants::create(&app.db, "uppsala", "Uppsala kommun", "cli")
        .await
        .expect("new tenant");
    let new_user = || users::NewUserInput {
        email: "Controller@Uppsala.se",
        name: "Controller",
        role: app::model::Role::Editor,
        password: "a long enough password",
        is_demo: false,
    };
    assert!(
        users::create_or_update(&app.db, scope, new_user(), false, "cli")
            .await
            .expect("created")
    );
    let err = users::create_or_update(&app.db, scope, new_user(), false, "cli")
        .await
        .expect_err("duplicate");
    assert!(matches!(err, ServiceError::Conflict(_)), "{err:?}");
    let short = users::NewUserInput {
        password: "short",
        ..new_user()
    };
    let err = users::create_or_update(&app.db, scope, short, true, "cli")
        .await
        .expect_err("short password");
    assert!(
        matches!(err, ServiceError::Invalid { field: "password", .. }),
        "{err:?}"
    );

    let session = login(
        &app.db,
        LoginInput {
            password: "a long enough password",
            ..input("uppsala", "controller@uppsala.se")
        },
        Duration::hours(1),
        Utc::now(),
    )
    .await
    .expect("new user logs in");
    assert_eq!(session.me.role, app::model::Role::Editor);
}
