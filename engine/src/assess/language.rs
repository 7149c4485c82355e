//! The languages explanations are written in. Swedish is the product's first language; the
//! English texts say the same, with the same numbers (written the Swedish way, as everywhere
//! in the product).

use std::fmt::{self, Display, Formatter};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Language {
    #[default]
    Swedish,
    English,
}

impl Language {
    /// The text of the two for this language.
    pub fn pick(self, swedish: &'static str, english: &'static str) -> &'static str {
        match self {
            Language::Swedish => swedish,
            Language::English => english,
        }
    }
}

/// Something that writes itself in a language.
pub(crate) trait Written {
    fn write(&self, f: &mut Formatter<'_>, language: Language) -> fmt::Result;
}

/// `value` written in `language`, as a `Display`.
pub(crate) struct In<'a, T: ?Sized>(pub &'a T, pub Language);

impl<T: Written + ?Sized> Display for In<'_, T> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        self.0.write(f, self.1)
    }
}
