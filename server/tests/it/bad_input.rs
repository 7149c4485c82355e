//! Malformed requests get 400/415/422 with a specific message, never a 500; and
//! cross-site state-changing requests are refused.

use crate::common::{PASSWORD, TestApp, error_code, error_field, json_headers};

async fn post_raw(app: &TestApp, body: &str) -> reqwest::Response {
    app.client()
        .post(app.url("/api/v1/auth/login"))
        .headers(json_headers())
        .body(body.to_owned())
        .send()
        .await
        .expect("request")
}

#[tokio::test]
async fn malformed_json_is_400() {
    let app = TestApp::spawn().await;
    let (code, _) = error_code(post_raw(&app, "{\"tenant\": ").await, 400).await;
    assert_eq!(code, "malformed_json");
}

#[tokio::test]
async fn missing_field_is_422_naming_the_field() {
    let app = TestApp::spawn().await;
    let (code, message) = error_code(post_raw(&app, r#"{"tenant":"norrtalje","email":"a@b.se"}"#).await, 422).await;
    assert_eq!(code, "invalid_input");
    assert!(message.contains("password"), "{message}");
}

#[tokio::test]
async fn wrong_types_and_unknown_fields_are_422() {
    let app = TestApp::spawn().await;
    let (_, message) = error_code(
        post_raw(&app, r#"{"tenant":1,"email":"a@b.se","password":"x"}"#).await,
        422,
    )
    .await;
    assert!(message.contains("tenant"), "{message}");
    let (_, message) = error_code(
        post_raw(&app, r#"{"tenant":"a","email":"a@b.se","password":"x","admin":true}"#).await,
        422,
    )
    .await;
    assert!(message.contains("admin"), "{message}");
}

#[tokio::test]
async fn over_long_strings_are_422_naming_the_field() {
    let app = TestApp::spawn().await;
    let cases = [
        (
            "email",
            format!(
                r#"{{"tenant":"norrtalje","email":"{}@x.se","password":"x"}}"#,
                "a".repeat(300)
            ),
        ),
        (
            "tenant",
            format!(r#"{{"tenant":"{}","email":"a@x.se","password":"x"}}"#, "t".repeat(64)),
        ),
        (
            "password",
            format!(
                r#"{{"tenant":"norrtalje","email":"a@x.se","password":"{}"}}"#,
                "p".repeat(1025)
            ),
        ),
    ];
    for (field, body) in cases {
        let answer = error_field(post_raw(&app, &body).await, 422).await;
        assert_eq!(answer, ("invalid_input".to_owned(), field.to_owned()));
    }
}

#[tokio::test]
async fn not_json_is_415() {
    let app = TestApp::spawn().await;
    let res = app
        .client()
        .post(app.url("/api/v1/auth/login"))
        .body("tenant=x")
        .send()
        .await
        .expect("request");
    assert_eq!(error_code(res, 415).await.0, "not_json");
}

#[tokio::test]
async fn cross_site_posts_are_refused_and_change_nothing() {
    let app = TestApp::spawn().await;
    let client = app.login_as("norrtalje", "admin@norrtalje.example").await;
    let forged = [("origin", "https://evil.example"), ("sec-fetch-site", "cross-site")];
    for (header, value) in forged {
        let res = client
            .post(app.url("/api/v1/auth/logout"))
            .header(header, value)
            .send()
            .await
            .expect("logout");
        assert_eq!(error_code(res, 403).await.0, "cross_site_request", "{header}");
    }
    // The session survived both forged logouts.
    assert_eq!(
        client.get(app.url("/api/v1/me")).send().await.expect("me").status(),
        200
    );
    // A same-origin request goes through.
    let same = client
        .post(app.url("/api/v1/auth/logout"))
        .header("origin", app.base.clone())
        .send()
        .await
        .expect("logout");
    assert_eq!(same.status(), 204);
}

#[tokio::test]
async fn cross_site_login_is_refused() {
    let app = TestApp::spawn().await;
    let res = app
        .client()
        .post(app.url("/api/v1/auth/login"))
        .header("origin", "https://evil.example")
        .json(&serde_json::json!({ "tenant": "norrtalje", "email": "admin@norrtalje.example", "password": PASSWORD }))
        .send()
        .await
        .expect("login");
    assert_eq!(res.status(), 403);
    assert!(res.headers().get("set-cookie").is_none());
}

/// An `https://` page of the same host is another origin than this `http://` site.
#[tokio::test]
async fn an_origin_with_another_scheme_is_cross_site() {
    let app = TestApp::spawn().await;
    let client = app.login_as("norrtalje", "admin@norrtalje.example").await;
    let other_scheme = app.base.replacen("http://", "https://", 1);
    let res = client
        .post(app.url("/api/v1/auth/logout"))
        .header("origin", other_scheme)
        .send()
        .await
        .expect("logout");
    assert_eq!(error_code(res, 403).await.0, "cross_site_request");
}

fn server_fn_path<F: server_fn::ServerFn>() -> &'static str {
    F::PATH
}

/// The server function's answer: its status and the typed error it decodes to.
async fn call_server_fn(
    client: &reqwest::Client,
    app: &TestApp,
    path: &str,
    content_type: &str,
    body: impl Into<reqwest::Body>,
) -> (u16, app::model::AppError) {
    let res = client
        .post(app.url(path))
        .header("content-type", content_type)
        .header("accept", "application/json")
        .body(body)
        .send()
        .await
        .expect("server function");
    let status = res.status().as_u16();
    let text = res.text().await.expect("body");
    let error = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{status} {text}: {e}"));
    (status, error)
}

/// Malformed JSON, an id that is no UUID, missing arguments: the client's mistakes, 400
/// with what was wrong; a body over the limit, 413. They were 500s.
#[tokio::test]
async fn server_functions_answer_client_mistakes_with_400_and_413() {
    use app::api::{GiveManualVerdict, OutcomeImportStatus};
    use app::model::AppError;
    let app = TestApp::spawn().await;
    let client = app.login_as("sodertalje", "editor@sodertalje.example").await;
    let json_fn = server_fn_path::<GiveManualVerdict>();
    let form_fn = server_fn_path::<OutcomeImportStatus>();

    let cases: [(&str, &str, String, u16); 5] = [
        (json_fn, "application/json", "{\"plan_id\": ".to_owned(), 400),
        (
            json_fn,
            "application/json",
            r#"{"plan_id":"not-a-uuid","form":{}}"#.to_owned(),
            400,
        ),
        (json_fn, "application/json", "{}".to_owned(), 400),
        (
            form_fn,
            "application/x-www-form-urlencoded",
            "id=not-a-uuid".to_owned(),
            400,
        ),
        (form_fn, "application/x-www-form-urlencoded", String::new(), 400),
    ];
    for (path, content_type, body, want) in cases {
        let (status, error) = call_server_fn(&client, &app, path, content_type, body.clone()).await;
        assert_eq!(status, want, "{body}: {error:?}");
        assert!(
            matches!(&error, AppError::Invalid { field, message } if field == "request" && matches!(message, app::model::Message::UnreadableRequest { detail } if !detail.is_empty())),
            "{body}: {error:?}"
        );
    }
    let huge = format!("id={}", "a".repeat(3 * 1024 * 1024));
    let (status, _) = call_server_fn(&client, &app, form_fn, "application/x-www-form-urlencoded", huge).await;
    assert_eq!(status, 413);
}

/// An API error's message is in the language of `Accept-Language`, Swedish by default, with
/// the same code and field either way.
#[tokio::test]
async fn error_messages_follow_accept_language() {
    let app = TestApp::spawn().await;
    let admin = app.login_as("norrtalje", "admin@norrtalje.example").await;
    let add = |language: Option<&'static str>| {
        let mut request = admin.post(app.url("/api/v1/tenants/norrtalje/users")).json(
            &serde_json::json!({ "email": "ny@norrtalje.example", "name": "Ny", "role": "viewer", "password": "kort" }),
        );
        if let Some(language) = language {
            request = request.header("accept-language", language);
        }
        async move {
            let res = request.send().await.expect("request");
            assert_eq!(res.status(), 422);
            let body: serde_json::Value = res.json().await.expect("json");
            assert_eq!(
                (body["error"]["code"].as_str(), body["error"]["field"].as_str()),
                (Some("invalid_input"), Some("password"))
            );
            body["error"]["message"].as_str().expect("message").to_owned()
        }
    };
    assert_eq!(add(None).await, "Lösenord: måste vara minst 12 tecken (är 4)");
    assert_eq!(add(Some("sv-SE")).await, "Lösenord: måste vara minst 12 tecken (är 4)");
    assert_eq!(
        add(Some("en-GB,en;q=0.8")).await,
        "Password: must be at least 12 characters (is 4)"
    );

    // Fixed messages too, also where no handler ran (an unknown route).
    let app = &app;
    let unknown_route = |language: &'static str| async move {
        let request = app.client().get(app.url("/api/v1/nothing-here"));
        let res = request
            .header("accept-language", language)
            .send()
            .await
            .expect("request");
        error_code(res, 404).await.1
    };
    assert_eq!(unknown_route("en").await, "no such API route");
    assert_eq!(unknown_route("").await, "API:et har ingen sådan adress");
}
