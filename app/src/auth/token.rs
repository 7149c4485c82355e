//! Session tokens: 256 random bits in the cookie, only their SHA-256 in the database,
//! so a leaked database does not hand out live sessions.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::RngCore;
use sha2::{Digest, Sha256};
use uuid::Uuid;

pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

pub fn hash_token(token: &str) -> String {
    let digest = Sha256::digest(token.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// The cookie value is `<tenant id>.<token>`: the tenant leads the session's key.
pub fn cookie_value(tenant_id: Uuid, token: &str) -> String {
    format!("{tenant_id}.{token}")
}

/// Splits a cookie value into tenant id and token; `None` if it is not of our shape.
pub fn parse_cookie_value(value: &str) -> Option<(Uuid, &str)> {
    let (tenant, token) = value.split_once('.')?;
    let tenant = Uuid::parse_str(tenant).ok()?;
    (token.len() == 43
        && token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'))
    .then_some((tenant, token))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookie_value_roundtrips() {
        let tenant = Uuid::now_v7();
        let token = new_token();
        let value = cookie_value(tenant, &token);
        assert_eq!(parse_cookie_value(&value), Some((tenant, token.as_str())));
    }

    #[test]
    fn rejects_foreign_shapes() {
        let tenant = Uuid::now_v7();
        assert_eq!(parse_cookie_value("nodot"), None);
        assert_eq!(parse_cookie_value(&format!("{tenant}.short")), None);
        assert_eq!(parse_cookie_value(&format!("not-a-uuid.{}", new_token())), None);
        assert_eq!(parse_cookie_value(&format!("{tenant}.{}", "!".repeat(43))), None);
    }

    #[test]
    fn hash_is_hex_sha256_and_tokens_differ() {
        let a = new_token();
        assert_eq!(hash_token(&a).len(), 64);
        assert_ne!(a, new_token());
        assert_eq!(
            hash_token("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
