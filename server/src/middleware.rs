//! Request middleware: who is signed in, and protection against cross-site request forgery.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::{HeaderMap, Method, header};

use app::state::{AppState, CurrentAuth};

use crate::http::error::ApiError;

/// Resolves the session cookie once per request and stores the result as a [`CurrentAuth`]
/// extension, read by server functions and REST handlers alike.
pub async fn resolve_session(State(state): State<AppState>, mut req: Request<Body>, next: Next) -> Response {
    let cookie = req
        .headers()
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(app::auth::cookie::session_from_header)
        .map(str::to_owned);
    let auth = match cookie {
        Some(value) => match state.sessions.resolve(&state.db, &value, chrono::Utc::now()).await {
            Ok(auth) => auth,
            Err(err) => return ApiError::from(err).into_response(),
        },
        None => None,
    };
    req.extensions_mut().insert(CurrentAuth(auth));
    next.run(req).await
}

/// Rejects state-changing requests that a browser sent on behalf of another site.
///
/// Browsers mark every request with `Sec-Fetch-Site`, and cross-origin POSTs with `Origin`;
/// neither can be forged by a page. A request without both (curl, an integration) carries
/// no ambient browser credentials worth forging. Together with `SameSite=Lax` cookies this
/// is the protection modern frameworks use (cf. Go's `http.CrossOriginProtection`).
pub async fn reject_cross_site(State(state): State<AppState>, req: Request<Body>, next: Next) -> Response {
    let scheme = if state.settings.is_https(req.headers()) {
        "https"
    } else {
        "http"
    };
    if is_safe_method(req.method()) || is_same_origin(req.headers(), scheme) {
        next.run(req).await
    } else {
        ApiError::CrossSite.into_response()
    }
}

fn is_safe_method(method: &Method) -> bool {
    matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// Whether the request comes from our own origin: `Sec-Fetch-Site` where the browser sends
/// it, else `Origin` compared whole (scheme, host and port) with where the request arrived:
/// `http://` pages must not post to the `https://` site, nor the other way round.
fn is_same_origin(headers: &HeaderMap, scheme: &str) -> bool {
    if let Some(site) = headers.get("sec-fetch-site") {
        return matches!(site.as_bytes(), b"same-origin" | b"none");
    }
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        return true;
    };
    let Some(host) = headers.get(header::HOST).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    origin.split_once("://").is_some_and(|(origin_scheme, origin_host)| {
        origin_scheme.eq_ignore_ascii_case(scheme) && origin_host.eq_ignore_ascii_case(host)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use http::HeaderValue;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn same_origin_rules() {
        let cases: &[(&[(&str, &str)], bool)] = &[
            (&[], true),
            (
                &[("origin", "https://localhost:3000"), ("host", "localhost:3000")],
                false,
            ),
            (
                &[
                    ("origin", "http://localhost:3000.evil.example"),
                    ("host", "localhost:3000"),
                ],
                false,
            ),
            (&[("sec-fetch-site", "same-origin")], true),
            (&[("sec-fetch-site", "none")], true),
            (&[("sec-fetch-site", "cross-site")], false),
            (&[("sec-fetch-site", "same-site")], false),
            (&[("origin", "http://localhost:3000"), ("host", "localhost:3000")], true),
            (&[("origin", "https://evil.example"), ("host", "localhost:3000")], false),
            (&[("origin", "null"), ("host", "localhost:3000")], false),
            (&[("origin", "http://localhost:3000")], false),
        ];
        for (pairs, expected) in cases {
            assert_eq!(is_same_origin(&headers(pairs), "http"), *expected, "{pairs:?}");
        }
        let https = headers(&[("origin", "https://malbild.example"), ("host", "malbild.example")]);
        assert!(is_same_origin(&https, "https"));
        assert!(
            !is_same_origin(&https, "http"),
            "an https origin posting to the http site"
        );
    }
}
