//! [`Message`]s, places and terms in English.

use super::{counted, list, quoted};
use crate::domain::{AssignmentKind, Carry, Gender, ValueKind};
use crate::model::{CodeChars, Known, Message, Named, PeriodKind, Place, Thing};

pub(super) fn text(message: &Message) -> String {
    use Message as M;
    match message {
        M::Required => "must not be empty".into(),
        M::TooLong { max, length } => format!("is {length} characters long; at most {max} are allowed"),
        M::TooShort { min, length } => format!("must be at least {min} characters (is {length})"),
        M::AtMost { max, value } => format!("may be at most {max}, but is {value}"),
        M::AtLeast { min, value } => format!("must be at least {min}, but is {value}"),
        M::NotAnEmail => "is not an e-mail address".into(),
        M::NotASlug { min, max } => format!("must be {min}–{max} characters of a–z, 0–9 and '-'"),
        M::InvalidCode { text, max, allowed } => {
            format!(
                "\"{text}\" is not a valid code: 1–{max} characters of {}",
                code_chars(*allowed)
            )
        }
        M::NotOneOf { text, allowed } => format!("\"{text}\" cannot be used here; use {}", list(allowed, "or")),
        M::Duplicate { value } => format!("\"{value}\" appears twice"),
        M::AlreadyExists { what, value } => format!("there is already {} \"{value}\"", named(*what)),
        M::Unknown { what, value } => format!("\"{value}\" is not {}", known(*what)),
        M::NotADate { text } => format!("\"{text}\" is not a date; write it YYYY-MM-DD, e.g. 2025-03-31"),
        M::DateInFuture { date } => format!("{date} is after today; give a date no later than today"),
        M::NotAYear { text } => format!("\"{text}\" is not a year"),
        M::OutsideYears { value, first, last } => format!("{value} is outside the years {first}–{last}"),
        M::YearsReversed { first, last } => format!("the last year ({last}) is before the first year ({first})"),
        M::PlanTooLong { max, years } => format!("a plan covers at most {max} years, not {years}"),
        M::NotAPeriod { text } => format!(
            "\"{text}\" is not a period; write a year (2025), a half-year (2025-H1), a tertial (2025-T2) or a month (2025-10)"
        ),
        M::NotAMonth { text } => format!("\"{text}\" is not a month; write it YYYY-MM, e.g. 2025-10"),
        M::RowLength { found, columns } => format!("the row has {found} values but the table has {columns} columns"),
        M::NoSuchColumn { index } => format!("the table has no column {index} (columns count from 0)"),
        M::NoSuchPeriod { text } => {
            format!("\"{text}\" does not exist: a year has two half-years, three tertials and twelve months")
        }
        M::PeriodMismatch { period, periodicity } => format!(
            "the period is a {}, but the indicator is measured per {}",
            period_kind(*period),
            period_kind(*periodicity)
        ),
        M::NotANumber { text } => format!("\"{text}\" is not a number"),
        M::MixedSeparators { text } => {
            format!("\"{text}\" has both a decimal comma and a decimal point; use one of them")
        }
        M::NumberTooLarge { text } => {
            format!("\"{text}\" is too large; numbers may be at most 1 000 000 000 000 000")
        }
        M::NotATarget { text } => format!(
            "\"{text}\" is not a target; write a number (5,8), a comparison (<= 24), a band (+/- 0,5), Öka, Minska, Bibehålla or Ej utvärderad"
        ),
        M::TargetNumber { text, cause } => format!("the number in \"{text}\" cannot be read: {}", self::text(cause)),
        M::NegativeTolerance { text } => format!("in \"{text}\", a band's tolerance (±) cannot be negative"),
        M::NegativeMargin => "a margin cannot be negative".into(),
        M::ShareOutOfRange { value } => {
            format!("a share of green inputs must lie between 0 and 100 percent, not {value}")
        }
        M::NegativeWeight { key, weight } => format!("the weight of {key} is negative ({weight})"),
        M::ThresholdsOutOfRange => {
            "green_from and yellow_from must lie between 0 and 1, yellow_from no higher than green_from".into()
        }
        M::PercentOutOfRange { value } => format!("must lie between 0 and 100 %, not {value}"),
        M::YellowAboveGreen => "the threshold for yellow must not lie above the one for green".into(),
        M::NotAWholeNumber { text } => format!("\"{text}\" is not a whole number (0 or more)"),
        M::CombinedRuleInDocument => {
            "a combined rule (several rules that must all hold) is changed in the tenant document, not here".into()
        }
        M::EmptyAll => "\"all\" needs at least one rule".into(),
        M::ManualInAll => {
            "a manual rule inside \"all\" would keep the goal unassessed; give a manual overall verdict instead".into()
        }
        M::NotAnInput { key, goal } => format!("\"{key}\" is neither an indicator nor a sub-goal of {goal}"),
        M::GoalOrIndicator => "give either a goal or an indicator".into(),
        M::NotADepartment { name, council } => format!("\"{name}\" is not a department of {council}"),
        M::NotASection { title, level, allowed } => {
            format!(
                "\"{title}\" is not a section of {level} (it has: {})",
                allowed.join(", ")
            )
        }
        M::ParentNotBefore { parent } => format!("\"{parent}\" is not a goal listed before it"),
        M::LevelDoesNotCarry { goal, level, carry } => {
            format!(
                "goal {goal} is on the level {level}, which does not carry {}",
                carry_name(*carry)
            )
        }
        M::AssignmentInputsNeedCarry => {
            "uppdrag can count in the verdicts only on a level whose goals carry them".into()
        }
        M::NotBelowParent { level, parent_level } => {
            format!("is on the level {level}, which is not below its parent's level {parent_level}")
        }
        M::GroupingNotAssessed { goal } => {
            format!("{goal} only groups goals and is not assessed; give the verdict on the goals under it")
        }
        M::MunicipalGoalContributes => {
            "the municipality's own goals do not contribute to other goals; the councils' goals do".into()
        }
        M::LastLevel { goal } => format!("{goal} is on the last level; goals cannot be added under it"),
        M::CannotPlaceHere { level } => format!("a goal on the level {level} cannot be placed there"),
        M::NoLevels => "the goal structure needs at least one level".into(),
        M::Stale { what, name } => {
            let was = if *what == Thing::Values { "were" } else { "was" };
            let name = name.as_ref().map(|n| format!(" {n}")).unwrap_or_default();
            format!(
                "{}{name} {was} changed by someone else since you opened the page; reload the page and try again",
                thing(*what)
            )
        }
        M::StaleAdded { what, period } => format!(
            "someone else entered {} for {period} since you opened the page; reload the page",
            a_thing(*what)
        ),
        M::StaleRemoved { what } => format!(
            "someone else removed {} since you opened the page; reload the page",
            thing(*what).to_lowercase()
        ),
        M::PlanAdopted { plan, version } => {
            format!("version {version} of {plan} is adopted and cannot be changed; start a new draft to change it")
        }
        M::AlreadyDraft { plan, version } => format!("version {version} of {plan} is a draft already"),
        M::TenantNotEmpty { tenant } => {
            format!("the municipality \"{tenant}\" already has goal levels or plans; an import loads into an empty one")
        }
        M::GoalHasDependents {
            goal,
            sub_goals,
            indicators,
            assignments,
            activities,
            focus_areas,
        } => {
            let counts = [
                (*sub_goals, "sub-goal", "sub-goals"),
                (*indicators, "indicator", "indicators"),
                (*assignments, "uppdrag or initiativ", "uppdrag or initiativ"),
                (*activities, "activity", "activities"),
                (*focus_areas, "focus area", "focus areas"),
            ];
            format!(
                "goal {goal} still has {}; move or delete them first",
                counted(&counts, "and")
            )
        }
        M::DepartmentInUse { department, count } => format!(
            "department \"{department}\" is responsible for {count} {}; move them to another department first",
            if *count == 1 {
                "indicator, uppdrag or activity"
            } else {
                "indicators, uppdrag or activities"
            }
        ),
        M::CouncilHasPlans { council, count } => format!(
            "{council} has {count} {} and cannot be removed",
            if *count == 1 { "plan" } else { "plans" }
        ),
        M::DuplicateValue { period, kind, gender } => format!(
            "the value for {period} ({}, {}) appears twice",
            value_kind(*kind),
            gender_name(*gender)
        ),
        M::DuplicateRow {
            indicator,
            period,
            first_row,
        } => format!("{indicator} {period} is also on row {first_row}"),
        M::CommentNeedsValue => "a comment needs a value".into(),
        M::BusySignIns => "too many sign-ins at once; try again in a moment".into(),
        M::BusyImports { max } => {
            format!("{max} imports are already running in this municipality; start this one when one of them is done")
        }
        M::UnsupportedFileType { allowed } => format!("the file name must end in {}", list(allowed, "or")),
        M::FileEmpty => "the file is empty; the first row must be the header indicator,period,value".into(),
        M::Missing => "is missing".into(),
        M::TooManyRows { max } => format!("the file has more than {max} rows; split it into several files"),
        M::TooManyColumns { max } => format!("the row has more than {max} columns"),
        M::CellTooLong { max_bytes } => format!("the cell is longer than {max_bytes} bytes"),
        M::UnpackedTooLarge { max_mb } => format!("the file unpacks to more than {max_mb} MB; save a smaller file"),
        M::NotUtf8 => "the file is not UTF-8 text; save it as CSV UTF-8 (comma delimited)".into(),
        M::UnreadableXlsx { detail } => format!("the file cannot be read as an XLSX workbook: {detail}"),
        M::NoSheets => "the workbook has no sheets".into(),
        M::RowsOutOfOrder => "the row comes after a later row of the sheet; save the file again from Excel".into(),
        M::SyntaxError { format, detail } => format!("cannot be read as {format}: {detail}"),
        M::MoreProblems { count, listed } => format!("and {count} more problems (the first {listed} are listed)"),
        M::LedgerFileEmpty => {
            "the file is empty; the first row must be the header with period, department or activity, account and amount"
                .into()
        }
        M::NoSuchHeader { header, headers } => {
            format!("the file has no column \"{header}\"; it has {}", list(&quoted(headers, '"', '"'), "and"))
        }
        M::MappedTwice { header } => format!("the column \"{header}\" is already chosen for another field"),
        M::UnknownUnit { text } => {
            format!("\"{text}\" is neither a department nor an activity of any of the municipality's councils")
        }
        M::AmbiguousUnit { text, councils } => format!(
            "\"{text}\" is in several councils ({}); give the departments different names",
            list(councils, "and")
        ),
        M::NotAnAccountClass { text } => format!(
            "\"{text}\" is not an operating account; write the account (3… income, 4…–7… costs) or income or cost"
        ),
        M::SumTooLarge => "the sum is too large to compute".into(),
        M::ImportFailed => "the import failed on the server; nothing was written".into(),
        M::ImportAbandoned => "the server running this import stopped before it finished; nothing was written".into(),
        M::EarlierProblems => {
            "the problems were saved by an earlier version and cannot be shown; import the file again to see them"
                .into()
        }
        M::UnsupportedDocumentFormat {
            format,
            version,
            expected,
            oldest,
            newest,
        } => format!(
            "the document is \"{format}\" version {version}; this version of Målbild reads \"{expected}\" versions {oldest}–{newest}"
        ),
        M::AdoptedVersionsOrder => "adopted versions must increase and not pass the plan's version".into(),
        M::StatusVersionMismatch => {
            "an adopted plan's version must be its last adopted version, and a draft's must not be".into()
        }
        M::InSection { title, problem } => format!("{title}: {}", self::text(problem)),
        M::ForYear { year, problem } => format!("{year}: {}", self::text(problem)),
        M::Department { nth, problem } => format!("department {nth}: {}", self::text(problem)),
        M::UnreadableRequest { detail } => format!("the request could not be read: {detail}"),
        M::NotJson => "expected a JSON body with Content-Type: application/json".into(),
        M::BodyTooLarge { max_mb } => format!("the body is larger than {max_mb} MB"),
        M::MissingQuery { name, example } => format!("give {name} in the query, e.g. {example}"),
    }
}

pub(super) fn place(place: &Place) -> String {
    match place {
        Place::File { path } => format!("file {path}"),
        Place::Row { row } => format!("row {row}"),
        Place::Column { name } => format!("column {name}"),
        Place::Field { name } => super::field_label(name, super::Locale::En),
        Place::LevelAt { nth, name } if name.is_empty() => format!("level {nth}"),
        Place::LevelAt { nth, name } => format!("level {nth} ({name})"),
        Place::Level { key } => format!("level \"{key}\""),
        Place::Council { slug } => format!("council \"{slug}\""),
        Place::Plan { name } => format!("plan \"{name}\""),
        Place::AdoptedVersion { version } => format!("adopted version {version}"),
        Place::Goal { code } => format!("goal \"{code}\""),
        Place::Indicator { code } => format!("indicator \"{code}\""),
        Place::Assignment { kind, title } => match kind {
            AssignmentKind::Uppdrag => format!("uppdrag \"{title}\""),
            AssignmentKind::Initiativ => format!("initiativ \"{title}\""),
        },
        Place::FocusArea { title } => format!("focus area \"{title}\""),
        Place::Activity { title } => format!("activity \"{title}\""),
        Place::Comment { date } => format!("comment {date}"),
        Place::Period { period } => period.clone(),
        Place::Value { period, kind, gender } => format!("{period} {} ({})", value_kind(*kind), gender_name(*gender)),
        Place::Table { key } => format!("table \"{key}\""),
        Place::TableRow { label } => format!("row \"{label}\""),
        Place::TableColumn { label } => format!("column \"{label}\""),
        Place::ActionPlan { key } => format!("action plan \"{key}\""),
        Place::Measure { number } => format!("measure {number}"),
        Place::Nth { nth } => format!("no. {nth}"),
    }
}

fn thing(what: Thing) -> &'static str {
    match what {
        Thing::Plan => "The plan",
        Thing::Level => "The level",
        Thing::Assignment => "The item",
        Thing::Texts => "The vision and values",
        Thing::Method => "The municipality's assessment method",
        Thing::Council => "The council",
        Thing::Department => "The department",
        Thing::Goal => "The goal",
        Thing::Indicator => "The indicator",
        Thing::Verdict => "The verdict",
        Thing::Values => "The values",
    }
}

fn a_thing(what: Thing) -> &'static str {
    match what {
        Thing::Verdict => "a verdict",
        Thing::Values => "values",
        _ => "something",
    }
}

fn named(what: Named) -> &'static str {
    match what {
        Named::CouncilName => "a council named",
        Named::CouncilSlug => "a council with the short name",
        Named::DepartmentName => "a department named",
        Named::IndicatorCode => "an indicator with the code",
        Named::UserEmail => "a user with the e-mail address",
        Named::TenantName => "a municipality named",
        Named::TenantSlug => "a municipality with the short name",
        Named::PlanName => "a plan of the council named",
        Named::TargetYear => "a target for",
    }
}

fn known(what: Known) -> &'static str {
    match what {
        Known::GoalInPlan => "a goal of the plan",
        Known::MunicipalGoal => "a goal of the municipality's plan for these years",
        Known::GoalWithAssignments => "a goal of the plan that can have uppdrag",
        Known::IndicatorInPlan => "an indicator of the plan",
        Known::IndicatorCode => "an indicator code of this municipality",
        Known::Council => "a council of the municipality",
        Known::Level => "a configured goal level",
        Known::Department => "a department of the council",
        Known::Column => "a column this file type has",
    }
}

fn code_chars(allowed: CodeChars) -> &'static str {
    match allowed {
        CodeChars::Slug => "a–z, 0–9 and '-'",
        CodeChars::Key => "a–z, 0–9 and '_'",
        CodeChars::IndicatorCode => "a–z, 0–9, '-' and '_'",
        CodeChars::GoalCode => "letters, digits, '.', '-' and '_'",
    }
}

fn period_kind(kind: PeriodKind) -> &'static str {
    match kind {
        PeriodKind::Year => "year",
        PeriodKind::HalfYear => "half-year",
        PeriodKind::Tertial => "tertial",
        PeriodKind::Month => "month",
    }
}

fn carry_name(carry: Carry) -> &'static str {
    match carry {
        Carry::Indicators => "indicators",
        Carry::Assignments => "uppdrag or initiativ",
        Carry::Activities => "goal activities",
        Carry::FocusAreas => "focus areas",
    }
}

fn value_kind(kind: ValueKind) -> &'static str {
    match kind {
        ValueKind::Outcome => "outcome",
        ValueKind::Forecast => "forecast",
    }
}

fn gender_name(gender: Gender) -> &'static str {
    match gender {
        Gender::Total => "total",
        Gender::Women => "women",
        Gender::Men => "men",
    }
}
