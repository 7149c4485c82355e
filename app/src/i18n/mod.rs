//! UI strings, Swedish first with English available. Each text is a [`Msg`] variant,
//! so a missing translation is a compile error rather than a blank on screen.

mod catalogue;
mod domain_words;
mod messages;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

pub use catalogue::Msg;
pub use messages::{field_label, field_message, location_text, message_text, problem_text};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Locale {
    #[default]
    Sv,
    En,
}

/// The cookie that remembers the chosen language.
pub const LOCALE_COOKIE: &str = "malbild_lang";

impl Locale {
    pub fn code(self) -> &'static str {
        match self {
            Locale::Sv => "sv",
            Locale::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Locale> {
        match code {
            "sv" => Some(Locale::Sv),
            "en" => Some(Locale::En),
            _ => None,
        }
    }

    /// The language in a `Cookie` header, Swedish when absent.
    pub fn from_cookie_header(header: &str) -> Locale {
        header
            .split(';')
            .filter_map(|pair| pair.trim().split_once('='))
            .find(|(name, _)| *name == LOCALE_COOKIE)
            .and_then(|(_, value)| Locale::from_code(value))
            .unwrap_or_default()
    }

    /// The preferred of Swedish and English in an `Accept-Language` header (by quality,
    /// then order), Swedish when it names neither.
    pub fn from_accept_language(header: &str) -> Locale {
        let mut best: Option<(u16, Locale)> = None;
        for entry in header.split(',').take(32) {
            let mut parts = entry.split(';');
            let tag = parts.next().unwrap_or_default().trim();
            let primary = tag.split('-').next().unwrap_or_default().to_ascii_lowercase();
            let Some(locale) = Locale::from_code(&primary) else {
                continue;
            };
            let quality = parts
                .find_map(|p| p.trim().strip_prefix("q=").map(str::trim))
                .map_or(Some(1000), |q| {
                    q.parse::<f32>().ok().map(|q| (q.clamp(0.0, 1.0) * 1000.0) as u16)
                });
            if let Some(quality) = quality.filter(|q| *q > 0)
                && best.is_none_or(|(b, _)| quality > b)
            {
                best = Some((quality, locale));
            }
        }
        best.map_or_else(Locale::default, |(_, locale)| locale)
    }

    /// The engine's language for explanations.
    #[cfg(feature = "ssr")]
    pub fn language(self) -> engine::assess::Language {
        match self {
            Locale::Sv => engine::assess::Language::Swedish,
            Locale::En => engine::assess::Language::English,
        }
    }

    pub fn other(self) -> Locale {
        match self {
            Locale::Sv => Locale::En,
            Locale::En => Locale::Sv,
        }
    }
}

/// The current language, provided at the root of the app.
pub fn use_locale() -> RwSignal<Locale> {
    expect_context::<RwSignal<Locale>>()
}

/// The text in the current language, read once. For the document head (`<Title>`,
/// `<Meta>`), which is rendered after the page's reactive owner may be gone: a reactive
/// text there would read a disposed signal.
pub fn text_now(msg: Msg) -> &'static str {
    msg.text(use_locale().get_untracked())
}

/// A rejected field and why, reactive like [`t`].
pub fn field_error(field: String, message: crate::model::Message) -> impl Fn() -> String + Send + Sync + 'static {
    let locale = use_locale();
    move || field_message(&field, &message, locale.get())
}

/// A message, reactive like [`t`].
pub fn message(message: crate::model::Message) -> impl Fn() -> String + Send + Sync + 'static {
    let locale = use_locale();
    move || message_text(&message, locale.get())
}

/// Where a problem is, reactive like [`t`].
pub fn location(location: crate::model::Location) -> impl Fn() -> String + Send + Sync + 'static {
    let locale = use_locale();
    move || location_text(&location, locale.get())
}

/// A problem, "where: what", reactive like [`t`].
pub fn problem(problem: crate::model::Problem) -> impl Fn() -> String + Send + Sync + 'static {
    let locale = use_locale();
    move || problem_text(&problem, locale.get())
}

/// A reactive translated text: `t(Msg::SignIn)` re-renders when the language changes.
pub fn t(msg: Msg) -> impl Fn() -> &'static str + Send + Sync + Copy + 'static {
    let locale = use_locale();
    move || msg.text(locale.get())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_is_read_from_cookie_header_and_defaults_to_swedish() {
        assert_eq!(Locale::from_cookie_header("a=b; malbild_lang=en"), Locale::En);
        assert_eq!(Locale::from_cookie_header("malbild_lang=sv"), Locale::Sv);
        assert_eq!(Locale::from_cookie_header("malbild_lang=fi"), Locale::Sv);
        assert_eq!(Locale::from_cookie_header(""), Locale::Sv);
    }

    #[test]
    fn the_accept_language_header_picks_swedish_or_english_by_quality() {
        let cases = [
            ("", Locale::Sv),
            ("en", Locale::En),
            ("en-GB,en;q=0.9", Locale::En),
            ("sv-SE,sv;q=0.9,en;q=0.8", Locale::Sv),
            ("de-DE,de;q=0.9,en;q=0.5,sv;q=0.4", Locale::En),
            ("fi;q=1, sv;q=0.2, en;q=0.7", Locale::En),
            ("en;q=0, sv", Locale::Sv),
            ("fr, de", Locale::Sv),
            ("en;q=nonsense", Locale::Sv),
        ];
        for (header, want) in cases {
            assert_eq!(Locale::from_accept_language(header), want, "{header}");
        }
    }

    #[test]
    fn every_message_has_both_languages() {
        for msg in [Msg::SignIn, Msg::Councils, Msg::RoleAdmin] {
            assert!(!msg.text(Locale::Sv).is_empty());
            assert_ne!(msg.text(Locale::Sv), msg.text(Locale::En));
        }
    }
}
