//! Input checks shared by every entry point (UI, REST, CLI): specific messages, by field.

use super::ServiceError;
use crate::model::{Message, echo};

const SLUG_MIN: usize = 2;
const SLUG_MAX: usize = 63;
const PASSWORD_MIN: usize = 12;
pub const PASSWORD_MAX: usize = 1024;

/// An optional date written `YYYY-MM-DD`; empty is `None`.
pub fn optional_date(field: &'static str, written: &str) -> Result<Option<chrono::NaiveDate>, ServiceError> {
    let written = written.trim();
    if written.is_empty() {
        return Ok(None);
    }
    chrono::NaiveDate::parse_from_str(written, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| ServiceError::invalid(field, Message::NotADate { text: echo(written) }))
}

/// A date that has been: required, written `YYYY-MM-DD`, not after `today`.
pub fn past_date(
    field: &'static str,
    written: &str,
    today: chrono::NaiveDate,
) -> Result<chrono::NaiveDate, ServiceError> {
    let date = optional_date(field, written)?.ok_or(ServiceError::invalid(field, Message::Required))?;
    if date > today {
        return Err(ServiceError::invalid(
            field,
            Message::DateInFuture { date: date.to_string() },
        ));
    }
    Ok(date)
}

/// Checks a required text field: trimmed, non-empty, at most `max` characters.
pub fn text<'a>(field: &'static str, value: &'a str, max: usize) -> Result<&'a str, ServiceError> {
    let value = value.trim();
    if value.is_empty() {
        return Err(ServiceError::invalid(field, Message::Required));
    }
    let length = value.chars().count();
    if length > max {
        return Err(ServiceError::invalid(field, Message::TooLong { max, length }));
    }
    Ok(value)
}

/// An e-mail address, lower-cased. Deliberately loose: one `@` with text on both sides.
pub fn email(value: &str) -> Result<String, ServiceError> {
    let value = text("email", value, 254)?;
    match value.split_once('@') {
        Some((local, domain)) if !local.is_empty() && domain.contains('.') && !domain.contains('@') => {
            Ok(value.to_lowercase())
        }
        _ => Err(ServiceError::invalid("email", Message::NotAnEmail)),
    }
}

/// A slug: 2–63 characters of `a-z`, `0-9` and `-`, not starting or ending with `-`.
pub fn slug(field: &'static str, value: &str) -> Result<String, ServiceError> {
    let value = text(field, value, SLUG_MAX)?;
    let ok = value.len() >= SLUG_MIN
        && value
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !value.starts_with('-')
        && !value.ends_with('-');
    if ok {
        Ok(value.to_owned())
    } else {
        Err(ServiceError::invalid(
            field,
            Message::NotASlug {
                min: SLUG_MIN,
                max: SLUG_MAX,
            },
        ))
    }
}

/// A slug made from a name (`Målområde` → `malomrade`, `KF-mål` → `kf-mal`): lower-case
/// ASCII letters, digits and `-`, and not one of `taken` (`-2`, `-3`, … added).
/// `fallback` when the name has no letters or digits at all.
pub fn key_from_name(name: &str, taken: &std::collections::HashSet<String>, fallback: &str) -> String {
    key_joined_by(name, taken, fallback, "-")
}

/// A goal level's key made from its name: as [`key_from_name`], joined by `_` as level
/// keys are (`Nämndens mål` → `namndens_mal`).
pub fn level_key_from_name(name: &str, taken: &std::collections::HashSet<String>) -> String {
    key_joined_by(name, taken, "niva", "_")
}

fn key_joined_by(name: &str, taken: &std::collections::HashSet<String>, fallback: &str, separator: &str) -> String {
    let folded: String = name
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'å' | 'ä' | 'à' | 'á' => 'a',
            'ö' | 'ø' | 'ó' => 'o',
            'é' | 'è' => 'e',
            'ü' => 'u',
            c if c.is_ascii_alphanumeric() => c,
            _ => '-',
        })
        .collect();
    let base: String = folded
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(separator);
    let base = if base.is_empty() { fallback.to_owned() } else { base };
    (1..)
        .map(|n| {
            if n == 1 {
                base.clone()
            } else {
                format!("{base}{separator}{n}")
            }
        })
        .find(|k| !taken.contains(k))
        .expect("a free key")
}

/// A new password: 12–1024 characters (long passphrases welcome, megabyte bodies not).
pub fn new_password(value: &str) -> Result<&str, ServiceError> {
    let length = value.chars().count();
    if length < PASSWORD_MIN {
        return Err(ServiceError::invalid(
            "password",
            Message::TooShort {
                min: PASSWORD_MIN,
                length,
            },
        ));
    }
    if length > PASSWORD_MAX {
        return Err(ServiceError::invalid(
            "password",
            Message::TooLong {
                max: PASSWORD_MAX,
                length,
            },
        ));
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field_of(err: ServiceError) -> &'static str {
        match err {
            ServiceError::Invalid { field, .. } => field,
            other => panic!("expected Invalid, got {other:?}"),
        }
    }

    #[test]
    fn keys_from_names_are_ascii_and_unique() {
        let taken: std::collections::HashSet<String> = ["malomrade".to_owned()].into();
        assert_eq!(key_from_name("Målområde", &taken, "niva"), "malomrade-2");
        assert_eq!(key_from_name("KF-mål", &taken, "niva"), "kf-mal");
        assert_eq!(key_from_name("Nämndens mål", &taken, "niva"), "namndens-mal");
        assert_eq!(key_from_name("§§", &taken, "niva"), "niva");
        assert_eq!(
            key_from_name("Vård- och omsorgsnämnden", &taken, "x"),
            "vard-och-omsorgsnamnden"
        );
        let levels: std::collections::HashSet<String> = ["namndens_mal".to_owned()].into();
        assert_eq!(level_key_from_name("Nämndens mål", &levels), "namndens_mal_2");
        assert_eq!(level_key_from_name("KF-mål i plan", &levels), "kf_mal_i_plan");
        assert!(
            level_key_from_name("Kommunfullmäktiges mål", &levels)
                .chars()
                .all(crate::exchange::validate::level_key_char),
            "a key the document check accepts"
        );
    }

    #[test]
    fn text_trims_and_bounds() {
        assert_eq!(text("name", "  Socialnämnden ", 20).ok(), Some("Socialnämnden"));
        assert_eq!(field_of(text("name", "   ", 20).unwrap_err()), "name");
        assert!(
            text("name", &"å".repeat(20), 20).is_ok(),
            "counts characters, not bytes"
        );
        assert!(text("name", &"å".repeat(21), 20).is_err());
    }

    #[test]
    fn email_is_lowercased_and_checked() {
        assert_eq!(
            email("Admin@Norrtalje.Example").ok().as_deref(),
            Some("admin@norrtalje.example")
        );
        for bad in ["", "no-at", "@x.se", "a@b", "a@b@c.se"] {
            assert_eq!(field_of(email(bad).unwrap_err()), "email", "{bad}");
        }
    }

    #[test]
    fn slugs() {
        assert!(slug("slug", "norrtalje").is_ok());
        assert!(slug("slug", "upplands-vasby").is_ok());
        for bad in ["Norrtalje", "n", "-x", "x-", "nörrtälje", "a b"] {
            assert!(slug("slug", bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn passwords() {
        assert!(new_password("short").is_err());
        assert!(new_password("twelve chars").is_ok());
        assert!(new_password(&"x".repeat(1025)).is_err());
    }
}
