//! What went wrong, as a code with its parameters: the server says *what*, the reader's
//! language says it in words (`i18n::messages`). Crosses the wire to the browser inside
//! [`AppError`](super::AppError) and is written out by REST in the language of
//! `Accept-Language`. The code is the serde tag: `{"code": "too_long", "max": 200, …}`.
//!
//! Parameters are data (numbers, names, the input echoed) and [terms](terms) that are
//! themselves translated; never prose. Where a message is about is said beside it: a form's
//! field, or a [`Location`] in a document or file.

#[cfg(feature = "ssr")]
mod from_engine;
mod location;
mod terms;

use serde::{Deserialize, Serialize};

use crate::domain::{Carry, Gender, ValueKind};
pub use location::{Location, Place, Problem};
pub use terms::{CodeChars, Known, Named, PeriodKind, Thing};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(tag = "code", rename_all = "snake_case")]
// A message may hold another (`problem`, `cause`): the schema refers to itself there.
#[cfg_attr(feature = "ssr", schema(no_recursion))]
pub enum Message {
    // Values of any kind.
    /// A required value is empty.
    Required,
    /// Longer than allowed, in characters.
    TooLong {
        max: usize,
        length: usize,
    },
    /// Shorter than allowed, in characters.
    TooShort {
        min: usize,
        length: usize,
    },
    /// A count or number above its limit.
    AtMost {
        max: i64,
        value: i64,
    },
    /// A count or number below its limit.
    AtLeast {
        min: i64,
        value: i64,
    },
    /// Not an e-mail address.
    NotAnEmail,
    /// Not a short name of `min`–`max` characters of a–z, 0–9 and '-'.
    NotASlug {
        min: usize,
        max: usize,
    },
    /// Not a code of 1–`max` characters of the kind `allowed`.
    InvalidCode {
        text: String,
        max: usize,
        allowed: CodeChars,
    },
    /// Not one of the values that can be written here.
    NotOneOf {
        text: String,
        allowed: Vec<String>,
    },
    /// The same value twice where each must be unique.
    Duplicate {
        value: String,
    },
    /// Something of that kind and name exists already.
    AlreadyExists {
        what: Named,
        value: String,
    },
    /// A name that refers to nothing of the kind `what`.
    Unknown {
        what: Known,
        value: String,
    },

    // Dates, years and periods.
    NotADate {
        text: String,
    },
    /// A date after today where only the past makes sense.
    DateInFuture {
        date: String,
    },
    NotAYear {
        text: String,
    },
    /// A year or period outside the years `first`–`last` (of a plan, or that can be
    /// followed up).
    OutsideYears {
        value: String,
        first: i32,
        last: i32,
    },
    YearsReversed {
        first: i32,
        last: i32,
    },
    PlanTooLong {
        max: i32,
        years: i32,
    },
    /// Not a period (a year, half-year, tertial or month) as written.
    NotAPeriod {
        text: String,
    },
    /// Not a month as written (`YYYY-MM`).
    NotAMonth {
        text: String,
    },
    /// A table's row with another number of values than the table has columns.
    RowLength {
        found: usize,
        columns: usize,
    },
    /// A column referring to a column (by its 0-based index) the table does not have.
    NoSuchColumn {
        index: usize,
    },
    /// A half-year, tertial or month that a year does not have (`2025-T4`).
    NoSuchPeriod {
        text: String,
    },
    /// A value for a period the indicator is not measured by.
    PeriodMismatch {
        period: PeriodKind,
        periodicity: PeriodKind,
    },

    // Numbers, targets, rules.
    NotANumber {
        text: String,
    },
    MixedSeparators {
        text: String,
    },
    NumberTooLarge {
        text: String,
    },
    NotATarget {
        text: String,
    },
    /// The number inside a target cannot be read.
    TargetNumber {
        text: String,
        cause: Box<Message>,
    },
    NegativeTolerance {
        text: String,
    },
    NegativeMargin,
    ShareOutOfRange {
        value: String,
    },
    NegativeWeight {
        key: String,
        weight: String,
    },
    ThresholdsOutOfRange,
    /// A percent (a rule's threshold, written in a form) outside 0–100.
    PercentOutOfRange {
        value: String,
    },
    /// A weighted rule whose yellow threshold lies above its green one.
    YellowAboveGreen,
    /// A count that must be a whole number of at least 0.
    NotAWholeNumber {
        text: String,
    },
    /// A combined rule ("all") is not edited in a form.
    CombinedRuleInDocument,
    EmptyAll,
    ManualInAll,
    /// A rule names something that is not an input of its goal.
    NotAnInput {
        key: String,
        goal: String,
    },
    GoalOrIndicator,

    // The goal structure.
    NotADepartment {
        name: String,
        council: String,
    },
    NotASection {
        title: String,
        level: String,
        allowed: Vec<String>,
    },
    ParentNotBefore {
        parent: String,
    },
    /// A goal whose level does not carry what is attached to it.
    LevelDoesNotCarry {
        goal: String,
        level: String,
        carry: Carry,
    },
    AssignmentInputsNeedCarry,
    /// A goal on `level`, which is not below its parent's level `parent_level`.
    NotBelowParent {
        level: String,
        parent_level: String,
    },
    /// A goal of a grouping level has no verdict, so none can be given.
    GroupingNotAssessed {
        goal: String,
    },
    /// A goal of the municipality's own plan names goals it contributes to.
    MunicipalGoalContributes,
    /// Goals cannot be added below a goal of the last level.
    LastLevel {
        goal: String,
    },
    CannotPlaceHere {
        level: String,
    },
    NoLevels,

    // State: stale saves, adopted plans, things in use.
    /// Someone else changed it since the page was opened.
    Stale {
        what: Thing,
        name: Option<String>,
    },
    /// Someone else added one for `period` since the page was opened.
    StaleAdded {
        what: Thing,
        period: String,
    },
    /// Someone else removed it since the page was opened.
    StaleRemoved {
        what: Thing,
    },
    /// An adopted version is frozen: a change needs a new draft.
    PlanAdopted {
        plan: String,
        version: i32,
    },
    /// A new draft of a plan that is a draft already.
    AlreadyDraft {
        plan: String,
        version: i32,
    },
    TenantNotEmpty {
        tenant: String,
    },
    GoalHasDependents {
        goal: String,
        sub_goals: usize,
        indicators: usize,
        assignments: usize,
        activities: usize,
        focus_areas: usize,
    },
    DepartmentInUse {
        department: String,
        count: usize,
    },
    CouncilHasPlans {
        council: String,
        count: usize,
    },
    DuplicateValue {
        period: String,
        kind: ValueKind,
        gender: Gender,
    },
    DuplicateRow {
        indicator: String,
        period: String,
        first_row: usize,
    },
    CommentNeedsValue,

    // Busy.
    /// More sign-ins at once than passwords can be checked; try again in a moment.
    BusySignIns,
    /// The tenant runs `max` imports already.
    BusyImports {
        max: usize,
    },

    // Files, imports and documents.
    UnsupportedFileType {
        allowed: Vec<String>,
    },
    FileEmpty,
    Missing,
    TooManyRows {
        max: usize,
    },
    TooManyColumns {
        max: usize,
    },
    CellTooLong {
        max_bytes: usize,
    },
    UnpackedTooLarge {
        max_mb: u64,
    },
    NotUtf8,
    UnreadableXlsx {
        detail: String,
    },
    NoSheets,
    RowsOutOfOrder,
    /// A file that is not valid `format` (TOML, JSON); `detail` is the parser's own text.
    SyntaxError {
        format: String,
        detail: String,
    },
    /// More problems than are listed.
    MoreProblems {
        count: usize,
        listed: usize,
    },
    ImportFailed,
    ImportAbandoned,

    // Ledger files.
    /// A ledger file without a header row.
    LedgerFileEmpty,
    /// A mapped column the header row does not have; `headers` are those it has.
    NoSuchHeader {
        header: String,
        headers: Vec<String>,
    },
    /// One column mapped to two fields.
    MappedTwice {
        header: String,
    },
    /// Not a department or verksamhet of any council.
    UnknownUnit {
        text: String,
    },
    /// A department or verksamhet of that name in several councils.
    AmbiguousUnit {
        text: String,
        councils: Vec<String>,
    },
    /// Not an operating account (classes 3 to 7) nor `intäkt`/`kostnad`.
    NotAnAccountClass {
        text: String,
    },
    /// A sum of amounts too large to hold.
    SumTooLarge,
    /// Problems stored by an earlier version, in a form this one cannot show.
    EarlierProblems,
    UnsupportedDocumentFormat {
        format: String,
        version: u32,
        expected: String,
        oldest: u32,
        newest: u32,
    },
    AdoptedVersionsOrder,
    StatusVersionMismatch,

    // Requests.
    /// What is wrong with the text of section `title`.
    InSection {
        title: String,
        problem: Box<Message>,
    },
    /// What is wrong with the value for `year` of a list by year (targets).
    ForYear {
        year: i32,
        problem: Box<Message>,
    },
    /// What is wrong with the `nth` department (from 1) of a list.
    Department {
        nth: usize,
        problem: Box<Message>,
    },
    /// A request the server could not read (malformed JSON, a missing argument …).
    UnreadableRequest {
        detail: String,
    },
    NotJson,
    BodyTooLarge {
        max_mb: usize,
    },
    /// A query parameter is missing or malformed.
    MissingQuery {
        name: String,
        example: String,
    },
}

/// The input echoed in a message: trimmed and at most 40 characters, so a message stays a
/// line however long the input was.
pub fn echo(text: &str) -> String {
    const MAX: usize = 40;
    let text = text.trim();
    let mut out: String = text.chars().take(MAX).collect();
    if text.chars().nth(MAX).is_some() {
        out.push('…');
    }
    out
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
        assert_eq!(serde_json::from_value::<Message>(json).expect("back"), message);
        let nested = Message::Stale {
            what: Thing::Plan,
            name: Some("Plan 2025".into()),
        };
        let json = serde_json::to_value(&nested).expect("json");
        assert_eq!(json["code"], "stale");
        assert_eq!(json["what"], "plan");
    }

    #[test]
    fn echoed_input_is_trimmed_and_cut() {
        assert_eq!(echo("  abc "), "abc");
        assert_eq!(echo(&"x".repeat(41)), format!("{}…", "x".repeat(40)));
        assert_eq!(echo(&"å".repeat(40)), "å".repeat(40));
    }
}
