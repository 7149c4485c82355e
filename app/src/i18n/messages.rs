//! [`Message`]s and field names in words, Swedish and English.

use super::Locale;
use crate::model::Message;

/// The message in `locale`.
pub fn message_text(message: &Message, locale: Locale) -> String {
    let sv = locale == Locale::Sv;
    match message {
        Message::Required if sv => "måste fyllas i".to_owned(),
        Message::Required => "must not be empty".to_owned(),
        Message::TooLong { max, length } if sv => format!("är {length} tecken lång; högst {max} tecken går"),
        Message::TooLong { max, length } => format!("is {length} characters long; at most {max} are allowed"),
        Message::TooShort { min, .. } if sv => format!("måste vara minst {min} tecken"),
        Message::TooShort { min, .. } => format!("must be at least {min} characters"),
        Message::NotAnEmail if sv => "är inte en e-postadress".to_owned(),
        Message::NotAnEmail => "is not an e-mail address".to_owned(),
        Message::NotASlug { min, max } if sv => format!("måste vara {min}–{max} tecken av a–z, 0–9 och '-'"),
        Message::NotASlug { min, max } => format!("must be {min}–{max} characters of a–z, 0–9 and '-'"),
        Message::NotAPeriod { text } if sv => format!(
            "”{text}” är ingen period; skriv ett år (2025), ett halvår (2025-H1), ett tertial (2025-T2) eller en månad (2025-10)"
        ),
        Message::NotAPeriod { text } => format!(
            "\"{text}\" is not a period; write a year (2025), a half-year (2025-H1), a tertial (2025-T2) or a month (2025-10)"
        ),
        Message::NotAMonth { text } if sv => {
            format!("”{text}” är ingen månad; skriv den ÅÅÅÅ-MM, till exempel 2025-10")
        }
        Message::NotAMonth { text } => format!("\"{text}\" is not a month; write it YYYY-MM, e.g. 2025-10"),
        Message::OutsideYears { value, first, last } if sv => format!("{value} ligger utanför åren {first}–{last}"),
        Message::OutsideYears { value, first, last } => format!("{value} is outside the years {first}–{last}"),
        Message::PlanAdopted { plan, version } if sv => {
            format!(
                "version {version} av {plan} är antagen och kan inte ändras; starta ett nytt utkast för att ändra den"
            )
        }
        Message::PlanAdopted { plan, version } => {
            format!("version {version} of {plan} is adopted and cannot be changed; start a new draft to change it")
        }
        Message::AlreadyDraft { plan, version } if sv => format!("version {version} av {plan} är redan ett utkast"),
        Message::AlreadyDraft { plan, version } => format!("version {version} of {plan} is a draft already"),
        Message::BusySignIns if sv => "många loggar in just nu; försök igen om en liten stund".to_owned(),
        Message::BusySignIns => "too many sign-ins at once; try again in a moment".to_owned(),
        Message::BusyImports { max } if sv => {
            format!("det pågår redan {max} importer i kommunen; starta den här när någon av dem är klar")
        }
        Message::BusyImports { max } => {
            format!("{max} imports are already running in this municipality; start this one when one of them is done")
        }
        Message::Department { nth, problem } if sv => format!("avdelning {nth}: {}", message_text(problem, locale)),
        Message::Department { nth, problem } => format!("department {nth}: {}", message_text(problem, locale)),
        Message::UnreadableRequest { detail } if sv => format!("anropet gick inte att läsa: {detail}"),
        Message::UnreadableRequest { detail } => format!("the request could not be read: {detail}"),
        Message::Text { text } => text.clone(),
    }
}

/// Field identifiers with their names in Swedish and English.
const FIELD_LABELS: [(&str, &str, &str); 9] = [
    ("name", "Namn", "Name"),
    ("email", "E-postadress", "Email address"),
    ("password", "Lösenord", "Password"),
    ("slug", "Kortnamn", "Short name"),
    ("title", "Rubrik", "Title"),
    ("code", "Kod", "Code"),
    ("period", "Period", "Period"),
    ("motivation", "Motivering", "Motivation"),
    ("request", "Anrop", "Request"),
];

/// A form field's name as the reader knows it; the identifier itself for fields without
/// a label yet.
pub fn field_label(field: &str, locale: Locale) -> String {
    match FIELD_LABELS.iter().find(|(id, ..)| *id == field) {
        Some((_, sv, _)) if locale == Locale::Sv => (*sv).to_owned(),
        Some((_, _, en)) => (*en).to_owned(),
        None => field.to_owned(),
    }
}

/// "Fält: meddelande", as a form shows a rejected field.
pub fn field_message(field: &str, message: &Message, locale: Locale) -> String {
    format!("{}: {}", field_label(field, locale), message_text(message, locale))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_reads_in_both_languages_with_its_parameters() {
        let messages = [
            Message::Required,
            Message::TooLong { max: 200, length: 230 },
            Message::TooShort { min: 12, length: 3 },
            Message::NotAnEmail,
            Message::NotASlug { min: 2, max: 63 },
            Message::UnreadableRequest { detail: "x".into() },
            Message::Department {
                nth: 2,
                problem: Box::new(Message::Required),
            },
            Message::NotAPeriod { text: "x".into() },
            Message::NotAMonth { text: "x".into() },
            Message::OutsideYears {
                value: "2031".into(),
                first: 2026,
                last: 2028,
            },
            Message::PlanAdopted {
                plan: "Verksamhetsplan 2025".into(),
                version: 1,
            },
            Message::AlreadyDraft {
                plan: "Verksamhetsplan 2025".into(),
                version: 2,
            },
            Message::BusySignIns,
            Message::BusyImports { max: 2 },
        ];
        for message in &messages {
            let (sv, en) = (message_text(message, Locale::Sv), message_text(message, Locale::En));
            assert!(!sv.is_empty() && !en.is_empty() && sv != en, "{message:?}: {sv} / {en}");
        }
        assert_eq!(
            message_text(&messages[1], Locale::Sv),
            "är 230 tecken lång; högst 200 tecken går"
        );
        assert_eq!(
            message_text(&messages[1], Locale::En),
            "is 230 characters long; at most 200 are allowed"
        );
        assert_eq!(
            field_message("password", &messages[2], Locale::Sv),
            "Lösenord: måste vara minst 12 tecken"
        );
        assert_eq!(message_text(&messages[6], Locale::Sv), "avdelning 2: måste fyllas i");
        assert_eq!(
            message_text(&messages[9], Locale::Sv),
            "2031 ligger utanför åren 2026–2028"
        );
        assert_eq!(
            field_label("levels", Locale::En),
            "levels",
            "no label yet: the identifier"
        );
    }
}
