//! The session cookie: HttpOnly (no script can read it), SameSite=Lax, Secure over https.

pub const SESSION_COOKIE: &str = "malbild_session";

pub fn session_cookie(value: &str, max_age_secs: i64, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!("{SESSION_COOKIE}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age_secs}{secure}")
}

pub fn clear_session_cookie(secure: bool) -> String {
    session_cookie("", 0, secure)
}

/// The session cookie's value in a `Cookie` request header.
pub fn session_from_header(header: &str) -> Option<&str> {
    header
        .split(';')
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == SESSION_COOKIE)
        .map(|(_, value)| value)
        .filter(|value| !value.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookie_attributes() {
        let c = session_cookie("v", 3600, true);
        assert_eq!(
            c,
            "malbild_session=v; Path=/; HttpOnly; SameSite=Lax; Max-Age=3600; Secure"
        );
        assert!(!session_cookie("v", 1, false).contains("Secure"));
        assert!(clear_session_cookie(false).contains("Max-Age=0"));
    }

    #[test]
    fn finds_session_among_other_cookies() {
        assert_eq!(session_from_header("a=1; malbild_session=xyz; b=2"), Some("xyz"));
        assert_eq!(session_from_header("malbild_session="), None);
        assert_eq!(session_from_header("other=1"), None);
    }
}
