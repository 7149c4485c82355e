//! [`Message`]s, [`Location`]s and field names in words, Swedish and English.

mod en;
mod sv;

use super::Locale;
use crate::model::{Location, Message, Problem};

/// The message in `locale`.
pub fn message_text(message: &Message, locale: Locale) -> String {
    match locale {
        Locale::Sv => sv::text(message),
        Locale::En => en::text(message),
    }
}

/// Where, in `locale`: places from the outside in, joined by " › ".
pub fn location_text(location: &Location, locale: Locale) -> String {
    let place = match locale {
        Locale::Sv => sv::place,
        Locale::En => en::place,
    };
    location.0.iter().map(place).collect::<Vec<_>>().join(" › ")
}

/// "Where: what", as a list of problems shows one.
pub fn problem_text(problem: &Problem, locale: Locale) -> String {
    let message = message_text(&problem.message, locale);
    if problem.location.0.is_empty() {
        message
    } else {
        format!("{}: {message}", location_text(&problem.location, locale))
    }
}

/// Field identifiers with their names in Swedish and English.
const FIELD_LABELS: [(&str, &str, &str); 45] = [
    ("name", "Namn", "Name"),
    ("email", "E-postadress", "Email address"),
    ("password", "Lösenord", "Password"),
    ("slug", "Kortnamn", "Short name"),
    ("title", "Rubrik", "Title"),
    ("code", "Kod", "Code"),
    ("period", "Period", "Period"),
    ("motivation", "Motivering", "Motivation"),
    ("request", "Anrop", "Request"),
    ("tenant", "Kommun", "Municipality"),
    ("admin_name", "Administratörens namn", "Administrator's name"),
    (
        "admin_email",
        "Administratörens e-postadress",
        "Administrator's email address",
    ),
    (
        "admin_password",
        "Administratörens lösenord",
        "Administrator's password",
    ),
    ("body", "Beslutande organ", "Decided by"),
    ("paragraph", "Paragraf", "Paragraph"),
    ("date", "Datum", "Date"),
    ("council", "Nämnd", "Council"),
    ("first_year", "Första år", "First year"),
    ("last_year", "Sista år", "Last year"),
    ("levels", "Målnivåer", "Goal levels"),
    ("goal", "Mål", "Goal"),
    ("parent", "Överordnat mål", "Parent goal"),
    ("department", "Ansvarig avdelning", "Responsible department"),
    ("departments", "Avdelningar", "Departments"),
    ("decision_body", "Beslutande organ", "Decided by"),
    ("comment", "Kommentar", "Comment"),
    ("comment_date", "Kommentarens datum", "Comment date"),
    ("vision_title", "Visionens rubrik", "Vision heading"),
    ("vision", "Vision", "Vision"),
    ("tenant_values", "Värdegrund", "Values"),
    ("values", "Värden", "Values"),
    ("unit", "Enhet", "Unit"),
    ("file_name", "Filnamn", "File name"),
    ("document", "Dokument", "Document"),
    ("targets", "Målvärden", "Targets"),
    ("margin", "Marginal", "Margin"),
    ("plural", "Namn i plural", "Plural name"),
    ("sections", "Textavsnitt", "Sections"),
    ("volume", "Volym", "Volume"),
    ("price", "À-pris", "Unit price"),
    ("line", "Rad", "Line"),
    ("changes", "Ändringar", "Changes"),
    ("amount", "Belopp", "Amount"),
    ("profile", "Periodens budget", "The period's budget"),
    (
        "assignment_inputs",
        "Uppdrag räknas in i bedömningen",
        "Uppdrag count in the verdicts",
    ),
];

/// A form field's name as the reader knows it; the identifier itself for fields without
/// a label.
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

/// "a, b and c" (or "eller", …).
fn list(items: &[String], and_or: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {and_or} {last}", init.join(", ")),
    }
}

/// Each item between quotes.
fn quoted(items: &[String], open: char, close: char) -> Vec<String> {
    items.iter().map(|item| format!("{open}{item}{close}")).collect()
}

/// "2 sub-goals and 1 indicator": the counts above zero with their word in the singular
/// or plural, as a list.
fn counted(counts: &[(usize, &str, &str)], and: &str) -> String {
    let parts: Vec<String> = counts
        .iter()
        .filter(|(n, ..)| *n > 0)
        .map(|(n, one, many)| format!("{n} {}", if *n == 1 { one } else { many }))
        .collect();
    list(&parts, and)
}

#[cfg(test)]
mod tests;
