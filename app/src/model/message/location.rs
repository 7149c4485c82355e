//! Where in a document or file a [`Message`] applies: a path of [`Place`]s from the
//! outside in (`plan "Verksamhetsplan 2025" › goal "1.1" › title`, `row 7 › column value`),
//! each place translated when shown.

use serde::{Deserialize, Serialize};

use super::Message;
use crate::domain::{AssignmentKind, Gender, ValueKind};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(tag = "at", rename_all = "snake_case")]
pub enum Place {
    /// A file, by its path or name.
    File {
        path: String,
    },
    /// A row of a spreadsheet, numbered as the spreadsheet does (the header is row 1).
    Row {
        row: usize,
    },
    /// A column of a file, by its header (the file format's own name).
    Column {
        name: String,
    },
    /// A field of the tenant document, by its name in the format (`tenant.slug`, `title`).
    Field {
        name: String,
    },
    Level {
        key: String,
    },
    /// The `nth` (from 1) level of a structure being edited, with its name as written.
    LevelAt {
        nth: usize,
        name: String,
    },
    Council {
        slug: String,
    },
    Plan {
        name: String,
    },
    AdoptedVersion {
        version: i32,
    },
    Goal {
        code: String,
    },
    Indicator {
        code: String,
    },
    Assignment {
        kind: AssignmentKind,
        title: String,
    },
    FocusArea {
        title: String,
    },
    Activity {
        title: String,
    },
    Comment {
        date: String,
    },
    Period {
        period: String,
    },
    /// An indicator's value: its period, kind and gender (a cell of the value sheet).
    Value {
        period: String,
        kind: ValueKind,
        gender: Gender,
    },
    /// A council's economy table, by its key.
    Table {
        key: String,
    },
    /// A row of a table, by its label.
    TableRow {
        label: String,
    },
    /// A column of a table, by its label.
    TableColumn {
        label: String,
    },
    ActionPlan {
        key: String,
    },
    /// An action plan's measure, by its number.
    Measure {
        number: u32,
    },
    /// The `nth` (from 1) of a list, such as a plan's manual verdicts.
    Nth {
        nth: usize,
    },
}

/// A path of places, outermost first; empty for the whole of what was sent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(transparent)]
pub struct Location(pub Vec<Place>);

impl Location {
    pub fn of(place: Place) -> Self {
        Location(vec![place])
    }

    /// This location with `place` inside it.
    pub fn at(&self, place: Place) -> Self {
        let mut places = self.0.clone();
        places.push(place);
        Location(places)
    }

    /// This location's field `name`.
    pub fn field(&self, name: &str) -> Self {
        self.at(Place::Field { name: name.to_owned() })
    }

    /// A cell of a file: `row`, `column`.
    pub fn cell(row: usize, column: &str) -> Self {
        Location(vec![
            Place::Row { row },
            Place::Column {
                name: column.to_owned(),
            },
        ])
    }
}

impl From<Place> for Location {
    fn from(place: Place) -> Self {
        Location::of(place)
    }
}

/// One thing wrong with a document or file: where, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Problem {
    pub location: Location,
    pub message: Message,
}

impl Problem {
    pub fn new(location: impl Into<Location>, message: Message) -> Self {
        Self {
            location: location.into(),
            message,
        }
    }

    /// A problem with the whole of what was sent (a file, an import), not one place in it.
    pub fn whole(message: Message) -> Self {
        Self::new(Location::default(), message)
    }
}

impl std::fmt::Display for Problem {
    /// In English, for logs and the command line.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::i18n::problem_text(self, crate::i18n::Locale::En))
    }
}
