//! What went wrong, as a code with its parameters: the server says *what*, the reader's
//! language says it in words (`i18n::messages`). Crosses the wire to the browser inside
//! [`AppError`](super::AppError) and is written out by REST in the language of
//! `Accept-Language`.
//!
//! `Text` is English prose from code not yet moved to codes (docs/plans/messages.md lists
//! what remains); new code never makes one.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum Message {
    /// A required value is empty.
    Required,
    /// Longer than allowed, in characters.
    TooLong { max: usize, length: usize },
    /// Shorter than allowed, in characters.
    TooShort { min: usize, length: usize },
    /// Not an e-mail address.
    NotAnEmail,
    /// Not a short name of `min`–`max` characters of a–z, 0–9 and '-'.
    NotASlug { min: usize, max: usize },
    /// Not a period (a year, half-year, tertial or month) as written.
    NotAPeriod { text: String },
    /// Not a month as written (`YYYY-MM`).
    NotAMonth { text: String },
    /// A year or period outside the years `first`–`last` (of a plan, or that can be
    /// followed up).
    OutsideYears { value: String, first: i32, last: i32 },
    /// An adopted version is frozen: a change needs a new draft.
    PlanAdopted { plan: String, version: i32 },
    /// A new draft of a plan that is a draft already.
    AlreadyDraft { plan: String, version: i32 },
    /// More sign-ins at once than passwords can be checked; try again in a moment.
    BusySignIns,
    /// The tenant runs `max` imports already.
    BusyImports { max: usize },
    /// What is wrong with the `nth` department (from 1) of a list.
    Department { nth: usize, problem: Box<Message> },
    /// A request the server could not read (malformed JSON, a missing argument …).
    UnreadableRequest { detail: String },
    /// Not yet a code: English text.
    Text { text: String },
}

impl From<String> for Message {
    fn from(text: String) -> Self {
        Message::Text { text }
    }
}

impl From<&str> for Message {
    fn from(text: &str) -> Self {
        Message::Text { text: text.to_owned() }
    }
}

impl Message {
    /// The stable code, as serialised.
    pub fn code(&self) -> &'static str {
        match self {
            Message::Required => "required",
            Message::TooLong { .. } => "too_long",
            Message::TooShort { .. } => "too_short",
            Message::NotAnEmail => "not_an_email",
            Message::NotASlug { .. } => "not_a_slug",
            Message::NotAPeriod { .. } => "not_a_period",
            Message::NotAMonth { .. } => "not_a_month",
            Message::OutsideYears { .. } => "outside_years",
            Message::PlanAdopted { .. } => "plan_adopted",
            Message::AlreadyDraft { .. } => "already_draft",
            Message::BusySignIns => "busy_sign_ins",
            Message::BusyImports { .. } => "busy_imports",
            Message::Department { .. } => "department",
            Message::UnreadableRequest { .. } => "unreadable_request",
            Message::Text { .. } => "text",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_crosses_the_wire_as_its_code_and_parameters() {
        let message = Message::TooLong { max: 200, length: 230 };
        let json = serde_json::to_value(&message).expect("json");
        assert_eq!(
            json,
            serde_json::json!({ "code": "too_long", "max": 200, "length": 230 })
        );
        assert_eq!(json["code"], message.code());
        assert_eq!(serde_json::from_value::<Message>(json).expect("back"), message);
    }
}
