use super::*;
use crate::domain::{AssignmentKind, Carry, Gender, ValueKind};
use crate::model::{CodeChars, Known, Named, PeriodKind, Place, Thing};

fn text(s: &str) -> String {
    s.to_owned()
}

/// One of each message, with parameters that show in the text.
fn samples() -> Vec<Message> {
    use Message as M;
    let t = || text("X1");
    vec![
        M::Required,
        M::TooLong { max: 200, length: 230 },
        M::TooShort { min: 12, length: 3 },
        M::AtMost { max: 6, value: 9 },
        M::AtLeast { min: 1, value: 0 },
        M::NotAnEmail,
        M::NotASlug { min: 2, max: 63 },
        M::InvalidCode {
            text: t(),
            max: 63,
            allowed: CodeChars::GoalCode,
        },
        M::NotOneOf {
            text: t(),
            allowed: vec![text("T"), text("K"), text("M")],
        },
        M::Duplicate { value: t() },
        M::AlreadyExists {
            what: Named::UserEmail,
            value: t(),
        },
        M::Unknown {
            what: Known::IndicatorCode,
            value: t(),
        },
        M::NotADate { text: t() },
        M::DateInFuture {
            date: text("2999-01-01"),
        },
        M::NotAYear { text: t() },
        M::OutsideYears {
            value: text("2031"),
            first: 2026,
            last: 2028,
        },
        M::YearsReversed {
            first: 2026,
            last: 2024,
        },
        M::PlanTooLong { max: 10, years: 12 },
        M::NotAPeriod { text: t() },
        M::NotAMonth { text: t() },
        M::RowLength { found: 5, columns: 6 },
        M::NoSuchColumn { index: 9 },
        M::NoSuchPeriod { text: t() },
        M::PeriodMismatch {
            period: PeriodKind::Month,
            periodicity: PeriodKind::Tertial,
        },
        M::NotANumber { text: t() },
        M::MixedSeparators { text: t() },
        M::NumberTooLarge { text: t() },
        M::NotATarget { text: t() },
        M::TargetNumber {
            text: t(),
            cause: Box::new(M::NotANumber { text: t() }),
        },
        M::NegativeTolerance { text: t() },
        M::NegativeMargin,
        M::ShareOutOfRange { value: text("120") },
        M::NegativeWeight {
            key: t(),
            weight: text("-1"),
        },
        M::ThresholdsOutOfRange,
        M::PercentOutOfRange { value: text("120") },
        M::YellowAboveGreen,
        M::NotAWholeNumber { text: t() },
        M::CombinedRuleInDocument,
        M::EmptyAll,
        M::ManualInAll,
        M::NotAnInput {
            key: t(),
            goal: text("1.1"),
        },
        M::GoalOrIndicator,
        M::NotADepartment {
            name: t(),
            council: text("Socialnämnden"),
        },
        M::NotASection {
            title: t(),
            level: text("Mål"),
            allowed: vec![text("Syfte")],
        },
        M::ParentNotBefore { parent: t() },
        M::LevelDoesNotCarry {
            goal: t(),
            level: text("Målområde"),
            carry: Carry::Indicators,
        },
        M::AssignmentInputsNeedCarry,
        M::NotBelowParent {
            level: t(),
            parent_level: text("Mål"),
        },
        M::MunicipalGoalContributes,
        M::GroupingNotAssessed { goal: t() },
        M::LastLevel { goal: t() },
        M::CannotPlaceHere { level: t() },
        M::NoLevels,
        M::Stale {
            what: Thing::Plan,
            name: Some(t()),
        },
        M::StaleAdded {
            what: Thing::Verdict,
            period: text("2025-T2"),
        },
        M::StaleRemoved { what: Thing::Verdict },
        M::PlanAdopted { plan: t(), version: 1 },
        M::AlreadyDraft { plan: t(), version: 2 },
        M::TenantNotEmpty { tenant: t() },
        M::GoalHasDependents {
            goal: t(),
            sub_goals: 2,
            indicators: 1,
            assignments: 0,
            activities: 3,
            focus_areas: 0,
        },
        M::DepartmentInUse {
            department: t(),
            count: 2,
        },
        M::CouncilHasPlans { council: t(), count: 1 },
        M::DuplicateValue {
            period: text("2025"),
            kind: ValueKind::Forecast,
            gender: Gender::Women,
        },
        M::DuplicateRow {
            indicator: t(),
            period: text("2025"),
            first_row: 4,
        },
        M::CommentNeedsValue,
        M::BusySignIns,
        M::BusyImports { max: 2 },
        M::UnsupportedFileType {
            allowed: vec![text(".csv"), text(".xlsx")],
        },
        M::FileEmpty,
        M::LedgerFileEmpty,
        M::NoSuchHeader {
            header: t(),
            headers: vec![text("Period"), text("Belopp")],
        },
        M::MappedTwice { header: t() },
        M::UnknownUnit { text: t() },
        M::AmbiguousUnit {
            text: t(),
            councils: vec![text("Socialnämnden"), text("Kulturnämnden")],
        },
        M::NotAnAccountClass { text: t() },
        M::SumTooLarge,
        M::Missing,
        M::TooManyRows { max: 100_000 },
        M::TooManyColumns { max: 50 },
        M::CellTooLong { max_bytes: 4096 },
        M::UnpackedTooLarge { max_mb: 100 },
        M::NotUtf8,
        M::UnreadableXlsx { detail: t() },
        M::NoSheets,
        M::RowsOutOfOrder,
        M::SyntaxError {
            format: text("TOML"),
            detail: t(),
        },
        M::MoreProblems { count: 7, listed: 200 },
        M::ImportFailed,
        M::ImportAbandoned,
        M::EarlierProblems,
        M::UnsupportedDocumentFormat {
            format: t(),
            version: 9,
            expected: text("malbild"),
            oldest: 1,
            newest: 3,
        },
        M::AdoptedVersionsOrder,
        M::StatusVersionMismatch,
        M::ForYear {
            year: 2027,
            problem: Box::new(M::Required),
        },
        M::InSection {
            title: text("Syfte"),
            problem: Box::new(M::Required),
        },
        M::Department {
            nth: 2,
            problem: Box::new(M::Required),
        },
        M::UnreadableRequest { detail: t() },
        M::NotJson,
        M::BodyTooLarge { max_mb: 2 },
        M::MissingQuery {
            name: text("period"),
            example: text("?period=2025-10"),
        },
    ]
}

#[test]
fn every_code_reads_in_both_languages_with_its_parameters() {
    let samples = samples();
    let codes: std::collections::HashSet<String> = samples
        .iter()
        .map(|m| {
            serde_json::to_value(m).expect("json")["code"]
                .as_str()
                .expect("code")
                .to_owned()
        })
        .collect();
    assert_eq!(codes.len(), samples.len(), "one sample per code");
    for message in &samples {
        let (sv, en) = (message_text(message, Locale::Sv), message_text(message, Locale::En));
        assert!(!sv.is_empty() && sv != en, "{message:?}: {sv} / {en}");
        let json = serde_json::to_value(message).expect("json");
        for (name, value) in json.as_object().expect("object") {
            let shown = match value {
                // Terms are translated, not shown as written: snake_case words, T/K/M.
                serde_json::Value::String(s)
                    if name == "code"
                        || s.chars().all(|c| c.is_ascii_lowercase() || c == '_')
                        || (s.len() == 1 && s.chars().all(|c| c.is_ascii_uppercase())) =>
                {
                    continue;
                }
                serde_json::Value::String(s) => s.clone(),
                serde_json::Value::Number(n) if n.as_u64() == Some(0) => continue,
                serde_json::Value::Number(n) => n.to_string(),
                _ => continue,
            };
            for written in [&sv, &en] {
                assert!(written.contains(&shown), "{message:?} does not show {name}: {written}");
            }
        }
        assert!(!sv.contains('"'), "Swedish quotes with ”…”: {sv}");
    }
}

#[test]
fn a_new_code_needs_a_sample() {
    // Exhaustive: a new variant does not compile until it is placed here, and then needs a
    // sample above for the count to match.
    fn ordinal(m: &Message) -> usize {
        use Message as M;
        match m {
            M::Required | M::TooLong { .. } | M::TooShort { .. } | M::AtMost { .. } | M::AtLeast { .. } => 0,
            M::NotAnEmail | M::NotASlug { .. } | M::InvalidCode { .. } | M::NotOneOf { .. } => 0,
            M::Duplicate { .. } | M::AlreadyExists { .. } | M::Unknown { .. } | M::NotADate { .. } => 0,
            M::DateInFuture { .. } | M::NotAYear { .. } | M::OutsideYears { .. } | M::YearsReversed { .. } => 0,
            M::PlanTooLong { .. } | M::NotAPeriod { .. } | M::NotAMonth { .. } | M::NoSuchPeriod { .. } => 0,
            M::RowLength { .. } | M::NoSuchColumn { .. } => 0,
            M::PeriodMismatch { .. } | M::NotANumber { .. } | M::MixedSeparators { .. } => 0,
            M::NumberTooLarge { .. } | M::NotATarget { .. } | M::TargetNumber { .. } => 0,
            M::NegativeTolerance { .. } | M::NegativeMargin | M::ShareOutOfRange { .. } => 0,
            M::NegativeWeight { .. } | M::ThresholdsOutOfRange | M::EmptyAll | M::ManualInAll => 0,
            M::NotAnInput { .. } | M::GoalOrIndicator | M::NotADepartment { .. } | M::NotASection { .. } => 0,
            M::ParentNotBefore { .. } | M::LevelDoesNotCarry { .. } | M::AssignmentInputsNeedCarry => 0,
            M::NotBelowParent { .. }
            | M::MunicipalGoalContributes
            | M::GroupingNotAssessed { .. }
            | M::LastLevel { .. }
            | M::CannotPlaceHere { .. } => 0,
            M::NoLevels | M::Stale { .. } | M::StaleAdded { .. } | M::StaleRemoved { .. } => 0,
            M::PlanAdopted { .. } | M::AlreadyDraft { .. } | M::TenantNotEmpty { .. } => 0,
            M::GoalHasDependents { .. } | M::DepartmentInUse { .. } | M::CouncilHasPlans { .. } => 0,
            M::DuplicateValue { .. } | M::DuplicateRow { .. } | M::CommentNeedsValue => 0,
            M::BusySignIns | M::BusyImports { .. } | M::UnsupportedFileType { .. } | M::FileEmpty => 0,
            M::Missing | M::TooManyRows { .. } | M::TooManyColumns { .. } | M::CellTooLong { .. } => 0,
            M::UnpackedTooLarge { .. } | M::NotUtf8 | M::UnreadableXlsx { .. } | M::NoSheets => 0,
            M::RowsOutOfOrder | M::SyntaxError { .. } | M::MoreProblems { .. } | M::ImportFailed => 0,
            M::ImportAbandoned | M::EarlierProblems | M::UnsupportedDocumentFormat { .. } => 0,
            M::LedgerFileEmpty | M::NoSuchHeader { .. } | M::MappedTwice { .. } | M::UnknownUnit { .. } => 0,
            M::AmbiguousUnit { .. } | M::NotAnAccountClass { .. } | M::SumTooLarge => 0,
            M::AdoptedVersionsOrder | M::StatusVersionMismatch | M::Department { .. } | M::ForYear { .. } => 0,
            M::InSection { .. } => 0,
            M::PercentOutOfRange { .. } | M::YellowAboveGreen | M::NotAWholeNumber { .. } => 0,
            M::CombinedRuleInDocument => 0,
            M::UnreadableRequest { .. } | M::NotJson | M::BodyTooLarge { .. } | M::MissingQuery { .. } => 0,
        }
    }
    const VARIANTS: usize = 100;
    let samples = samples();
    assert_eq!(
        samples.iter().map(ordinal).count(),
        VARIANTS,
        "a sample of each of the {VARIANTS} codes"
    );
}

#[test]
fn texts_read_as_written() {
    assert_eq!(
        message_text(&Message::TooLong { max: 200, length: 230 }, Locale::Sv),
        "är 230 tecken lång; högst 200 tecken går"
    );
    assert_eq!(
        field_message("password", &Message::TooShort { min: 12, length: 3 }, Locale::Sv),
        "Lösenord: måste vara minst 12 tecken (är 3)"
    );
    assert_eq!(
        message_text(
            &Message::Department {
                nth: 2,
                problem: Box::new(Message::Required)
            },
            Locale::Sv
        ),
        "avdelning 2: måste fyllas i"
    );
    let dependents = Message::GoalHasDependents {
        goal: "1.1".into(),
        sub_goals: 2,
        indicators: 1,
        assignments: 0,
        activities: 0,
        focus_areas: 1,
    };
    assert_eq!(
        message_text(&dependents, Locale::Sv),
        "målet 1.1 har fortfarande 2 undermål, 1 indikator och 1 fokusområde; flytta eller ta bort dem först"
    );
    assert_eq!(
        message_text(&dependents, Locale::En),
        "goal 1.1 still has 2 sub-goals, 1 indicator and 1 focus area; move or delete them first"
    );
    assert_eq!(field_label("levels", Locale::En), "Goal levels");
    assert_eq!(
        field_label("no_such_field", Locale::Sv),
        "no_such_field",
        "no label: the identifier"
    );
}

#[test]
fn a_problem_says_where_in_the_readers_language() {
    let problem = Problem::new(
        Location::of(Place::Plan {
            name: "Plan 2025".into(),
        })
        .at(Place::Assignment {
            kind: AssignmentKind::Uppdrag,
            title: "Utred".into(),
        })
        .field("title"),
        Message::Required,
    );
    assert_eq!(
        problem_text(&problem, Locale::Sv),
        "plan ”Plan 2025” › uppdrag ”Utred” › Rubrik: måste fyllas i"
    );
    assert_eq!(
        problem_text(&problem, Locale::En),
        "plan \"Plan 2025\" › uppdrag \"Utred\" › Title: must not be empty"
    );
    let cell = Problem::new(Location::cell(7, "value"), Message::NotANumber { text: "tre".into() });
    assert_eq!(
        problem_text(&cell, Locale::Sv),
        "rad 7 › kolumn value: ”tre” är inget tal"
    );
    let whole = Problem::new(Location::default(), Message::FileEmpty);
    assert!(!problem_text(&whole, Locale::En).contains(':'));
}
