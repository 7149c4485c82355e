//! `/api/v1/auth/*` and `/api/v1/me`: login, cookies, generic failures, throttling, logout.

use crate::common::{PASSWORD, TestApp, error_code};

#[tokio::test]
async fn login_sets_http_only_session_cookie_and_me_returns_the_user() {
    let app = TestApp::spawn().await;
    let client = app.client();
    let res = app
        .post_login(&client, "norrtalje", "Editor@Norrtalje.example", PASSWORD)
        .await;
    assert_eq!(res.status(), 200);
    let cookie = res.headers()["set-cookie"].to_str().expect("ascii").to_owned();
    assert!(cookie.starts_with("malbild_session="), "{cookie}");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    assert!(
        !cookie.contains("Secure"),
        "plain http must not mark the cookie Secure: {cookie}"
    );

    let me: serde_json::Value = client
        .get(app.url("/api/v1/me"))
        .send()
        .await
        .expect("me")
        .json()
        .await
        .expect("json");
    assert_eq!(me["email"], "editor@norrtalje.example");
    assert_eq!(me["role"], "editor");
    assert_eq!(me["tenant"]["slug"], "norrtalje");
    assert_eq!(me["tenant"]["name"], "Norrtälje kommun");
    assert_eq!(me["platform_admin"], false);
}

#[tokio::test]
async fn cookie_is_secure_behind_an_https_proxy() {
    let app = TestApp::spawn().await;
    let res = app
        .client()
        .post(app.url("/api/v1/auth/login"))
        .header("x-forwarded-proto", "https")
        .json(&serde_json::json!({ "tenant": "norrtalje", "email": "viewer@norrtalje.example", "password": PASSWORD }))
        .send()
        .await
        .expect("login");
    assert_eq!(res.status(), 200);
    assert!(
        res.headers()["set-cookie"]
            .to_str()
            .expect("ascii")
            .contains("; Secure")
    );
}

#[tokio::test]
async fn me_without_session_is_401() {
    let app = TestApp::spawn().await;
    let (code, _) = error_code(app.client().get(app.url("/api/v1/me")).send().await.expect("me"), 401).await;
    assert_eq!(code, "unauthenticated");
}

#[tokio::test]
async fn login_failures_are_indistinguishable() {
    let app = TestApp::spawn().await;
    let attempts = [
        ("norrtalje", "admin@norrtalje.example", "wrong password!"),
        ("norrtalje", "nobody@norrtalje.example", PASSWORD),
        ("nowhere", "admin@norrtalje.example", PASSWORD),
        // a user of another tenant cannot log in to this one
        ("sodertalje", "admin@norrtalje.example", PASSWORD),
    ];
    let mut bodies = Vec::new();
    for (tenant, email, password) in attempts {
        let res = app.post_login(&app.client(), tenant, email, password).await;
        assert!(res.headers().get("set-cookie").is_none());
        bodies.push(error_code(res, 401).await);
    }
    assert!(bodies.iter().all(|b| b == &bodies[0]), "{bodies:?}");
    assert_eq!(bodies[0].0, "invalid_credentials");
}

#[tokio::test]
async fn five_failures_for_one_account_throttle_it_even_with_the_right_password() {
    let app = TestApp::spawn().await;
    for _ in 0..5 {
        let res = app
            .post_login(&app.client(), "norrtalje", "admin@norrtalje.example", "wrong password!")
            .await;
        assert_eq!(res.status(), 401);
    }
    let res = app
        .post_login(&app.client(), "norrtalje", "admin@norrtalje.example", PASSWORD)
        .await;
    let (code, _) = error_code(res, 429).await;
    assert_eq!(code, "too_many_attempts");
}

/// A municipality's office shares one address: one user's typos must not lock out the rest.
#[tokio::test]
async fn five_failures_on_one_account_leave_others_at_the_same_address_alone() {
    let app = TestApp::spawn().await;
    for _ in 0..5 {
        let res = app
            .post_login(
                &app.client(),
                "norrtalje",
                "editor@norrtalje.example",
                "wrong password!",
            )
            .await;
        assert_eq!(res.status(), 401);
    }
    let res = app
        .post_login(&app.client(), "norrtalje", "viewer@norrtalje.example", PASSWORD)
        .await;
    assert_eq!(res.status(), 200);
}

#[tokio::test]
async fn a_hundred_failures_from_one_address_throttle_it() {
    let app = TestApp::spawn().await;
    for n in 0..app::services::auth::MAX_FAILURES_PER_ADDRESS {
        let email = format!("guess{n}@norrtalje.example");
        let res = app.post_login(&app.client(), "norrtalje", &email, "x").await;
        assert_eq!(res.status(), 401, "attempt {n}");
    }
    let res = app
        .post_login(&app.client(), "sodertalje", "viewer@sodertalje.example", PASSWORD)
        .await;
    assert_eq!(res.status(), 429);
}

/// Attempts are counted before the password is checked, so a burst of concurrent guesses
/// gets no more tries than one at a time would (a burst may well be refused whole).
#[tokio::test]
async fn concurrent_wrong_passwords_get_no_more_than_five_tries() {
    let app = TestApp::spawn().await;
    let attempts = (0..20).map(|_| async {
        app.post_login(&app.client(), "norrtalje", "admin@norrtalje.example", "wrong password!")
            .await
            .status()
            .as_u16()
    });
    let statuses = futures::future::join_all(attempts).await;
    let tried = statuses.iter().filter(|s| **s == 401).count();
    let throttled = statuses.iter().filter(|s| **s == 429).count();
    assert!(tried <= 5, "{tried} passwords checked: {statuses:?}");
    assert_eq!(tried + throttled, 20, "{statuses:?}");
    let res = app
        .post_login(&app.client(), "norrtalje", "admin@norrtalje.example", PASSWORD)
        .await;
    assert_eq!(res.status(), 429);
}

/// A platform admin can sign in through every tenant: their failures count per person too,
/// not only per tenant's account.
#[tokio::test]
async fn a_platform_admins_failures_count_across_tenants() {
    let app = TestApp::spawn().await;
    let mut statuses = Vec::new();
    // Four each: under every account's limit of five. A tenant that does not exist counts too.
    for tenant in ["norrtalje", "sodertalje", "ingen-sadan"] {
        for _ in 0..4 {
            let res = app
                .post_login(&app.client(), tenant, "platform@malbild.example", "wrong password!")
                .await;
            statuses.push(res.status().as_u16());
        }
    }
    assert_eq!(statuses.iter().filter(|s| **s == 401).count(), 10, "{statuses:?}");
    assert_eq!(&statuses[10..], [429, 429]);
}

#[tokio::test]
async fn four_failures_then_success_resets_the_account() {
    let app = TestApp::spawn().await;
    for _ in 0..4 {
        app.post_login(
            &app.client(),
            "norrtalje",
            "viewer@norrtalje.example",
            "wrong password!",
        )
        .await;
    }
    assert_eq!(
        app.post_login(&app.client(), "norrtalje", "viewer@norrtalje.example", PASSWORD)
            .await
            .status(),
        200
    );
}

#[tokio::test]
async fn logout_ends_the_session_everywhere() {
    let app = TestApp::spawn().await;
    let client = app.client();
    let res = app
        .post_login(&client, "norrtalje", "viewer@norrtalje.example", PASSWORD)
        .await;
    let cookie = res.headers()["set-cookie"]
        .to_str()
        .expect("ascii")
        .split(';')
        .next()
        .expect("pair")
        .to_owned();

    let res = client
        .post(app.url("/api/v1/auth/logout"))
        .send()
        .await
        .expect("logout");
    assert_eq!(res.status(), 204);
    assert!(
        res.headers()["set-cookie"]
            .to_str()
            .expect("ascii")
            .contains("Max-Age=0")
    );

    // Replaying the old cookie from another client no longer works.
    let replay = app
        .client()
        .get(app.url("/api/v1/me"))
        .header("cookie", cookie)
        .send()
        .await
        .expect("me");
    assert_eq!(replay.status(), 401);
}

#[tokio::test]
async fn forged_or_foreign_cookies_are_not_sessions() {
    let app = TestApp::spawn().await;
    for cookie in [
        "malbild_session=garbage",
        "malbild_session=00000000-0000-0000-0000-000000000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    ] {
        let res = app
            .client()
            .get(app.url("/api/v1/me"))
            .header("cookie", cookie)
            .send()
            .await
            .expect("me");
        assert_eq!(res.status(), 401, "{cookie}");
    }
}

#[tokio::test]
async fn platform_admin_logs_in_to_any_tenant_as_admin() {
    let app = TestApp::spawn().await;
    let client = app.login_as("sodertalje", "platform@malbild.example").await;
    let me: serde_json::Value = client
        .get(app.url("/api/v1/me"))
        .send()
        .await
        .expect("me")
        .json()
        .await
        .expect("json");
    assert_eq!(me["role"], "admin");
    assert_eq!(me["platform_admin"], true);
    assert_eq!(me["tenant"]["name"], "Södertälje kommun");
}

#[tokio::test]
async fn the_health_check_answers_without_a_session_and_tells_when_the_database_is_gone() {
    let app = TestApp::spawn().await;
    let health = || async {
        let res = app
            .client()
            .get(app.url("/api/v1/health"))
            .send()
            .await
            .expect("request");
        let status = res.status().as_u16();
        (
            status,
            res.json::<serde_json::Value>().await.expect("json")["status"].clone(),
        )
    };
    assert_eq!(health().await, (200, "ok".into()));
    // The test's handle shares the server's pool: closing it takes the database away.
    app.db.clone().close().await.expect("close");
    assert_eq!(health().await, (503, "unavailable".into()));
}
