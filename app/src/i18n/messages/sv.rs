//! [`Message`]s, places and terms in Swedish.

use super::{counted, list, quoted};
use crate::domain::{AssignmentKind, Carry, Gender, ValueKind};
use crate::model::{CodeChars, Known, Message, Named, PeriodKind, Place, Thing};

pub(super) fn text(message: &Message) -> String {
    use Message as M;
    match message {
        M::Required => "måste fyllas i".into(),
        M::TooLong { max, length } => format!("är {length} tecken lång; högst {max} tecken går"),
        M::TooShort { min, length } => format!("måste vara minst {min} tecken (är {length})"),
        M::AtMost { max, value } => format!("får vara högst {max}, men är {value}"),
        M::AtLeast { min, value } => format!("måste vara minst {min}, men är {value}"),
        M::NotAnEmail => "är inte en e-postadress".into(),
        M::NotASlug { min, max } => format!("måste vara {min}–{max} tecken av a–z, 0–9 och '-'"),
        M::InvalidCode { text, max, allowed } => {
            format!(
                "”{text}” är ingen giltig kod: 1–{max} tecken av {}",
                code_chars(*allowed)
            )
        }
        M::NotOneOf { text, allowed } => {
            format!("”{text}” går inte att använda här; skriv {}", list(allowed, "eller"))
        }
        M::Duplicate { value } => format!("”{value}” förekommer två gånger"),
        M::AlreadyExists { what, value } => format!("det finns redan {} ”{value}”", named(*what)),
        M::Unknown { what, value } => format!("”{value}” är inte {}", known(*what)),
        M::NotADate { text } => {
            format!("”{text}” är inget datum; skriv det ÅÅÅÅ-MM-DD, till exempel 2025-03-31")
        }
        M::DateInFuture { date } => format!("{date} har inte varit än; ange ett datum som inte är senare än i dag"),
        M::NotAYear { text } => format!("”{text}” är inget årtal"),
        M::OutsideYears { value, first, last } => format!("{value} ligger utanför åren {first}–{last}"),
        M::YearsReversed { first, last } => format!("sista året ({last}) ligger före första året ({first})"),
        M::PlanTooLong { max, years } => format!("en plan kan omfatta högst {max} år, inte {years}"),
        M::NotAPeriod { text } => format!(
            "”{text}” är ingen period; skriv ett år (2025), ett halvår (2025-H1), ett tertial (2025-T2) eller en månad (2025-10)"
        ),
        M::NotAMonth { text } => format!("”{text}” är ingen månad; skriv den ÅÅÅÅ-MM, till exempel 2025-10"),
        M::RowLength { found, columns } => format!("raden har {found} värden men tabellen har {columns} kolumner"),
        M::NoSuchColumn { index } => format!("tabellen har ingen kolumn {index} (kolumnerna räknas från 0)"),
        M::NoSuchPeriod { text } => {
            format!("”{text}” finns inte: ett år har två halvår, tre tertial och tolv månader")
        }
        M::PeriodMismatch { period, periodicity } => format!(
            "perioden är {}, men indikatorn mäts per {}",
            a_period_kind(*period),
            period_kind(*periodicity)
        ),
        M::NotANumber { text } => format!("”{text}” är inget tal"),
        M::MixedSeparators { text } => {
            format!("”{text}” har både decimalkomma och decimalpunkt; använd bara det ena")
        }
        M::NumberTooLarge { text } => format!("”{text}” är för stort; ett tal får vara högst 1 000 000 000 000 000"),
        M::NotATarget { text } => format!(
            "”{text}” är inget målvärde; skriv ett tal (5,8), en jämförelse (<= 24), ett intervall (+/- 0,5) eller något av Öka, Minska, Bibehålla och Ej utvärderad"
        ),
        M::TargetNumber { text, cause } => format!("talet i ”{text}” går inte att läsa: {}", self::text(cause)),
        M::NegativeTolerance { text } => format!("i ”{text}” får intervallets tolerans (±) inte vara negativ"),
        M::NegativeMargin => "marginalen får inte vara negativ".into(),
        M::ShareOutOfRange { value } => {
            format!("andelen gröna underlag måste ligga mellan 0 och 100 procent, inte {value}")
        }
        M::NegativeWeight { key, weight } => {
            format!("vikten för {key} är negativ ({weight}); vikter får inte vara negativa")
        }
        M::ThresholdsOutOfRange => {
            "green_from och yellow_from måste ligga mellan 0 och 1, och yellow_from får inte vara högre än green_from"
                .into()
        }
        M::PercentOutOfRange { value } => format!("måste ligga mellan 0 och 100 %, inte {value}"),
        M::YellowAboveGreen => "gränsen för gult får inte ligga över gränsen för grönt".into(),
        M::NotAWholeNumber { text } => format!("”{text}” är inget heltal (0 eller mer)"),
        M::CombinedRuleInDocument => {
            "en kombinerad regel (flera regler som alla ska uppfyllas) ändras i kommunens dokument, inte här".into()
        }
        M::EmptyAll => "”all” måste innehålla minst en regel".into(),
        M::ManualInAll => {
            "en manuell regel inuti ”all” gör att målet aldrig blir bedömt; ge en manuell helhetsbedömning i stället"
                .into()
        }
        M::NotAnInput { key, goal } => {
            format!("”{key}” är varken en indikator till {goal} eller ett undermål till det")
        }
        M::GoalOrIndicator => "ange antingen ett mål eller en indikator".into(),
        M::NotADepartment { name, council } => format!("”{name}” är ingen avdelning under {council}"),
        M::NotASection { title, level, allowed } => format!(
            "”{title}” är inget textavsnitt på nivån {level} (nivån har: {})",
            allowed.join(", ")
        ),
        M::ParentNotBefore { parent } => format!("”{parent}” är inget mål som står före det här"),
        M::LevelDoesNotCarry { goal, level, carry } => {
            format!(
                "målet {goal} ligger på nivån {level}, som inte kan ha {}",
                carry_name(*carry)
            )
        }
        M::AssignmentInputsNeedCarry => {
            "uppdrag kan bara räknas in i bedömningen på en nivå där målen kan ha uppdrag".into()
        }
        M::NotBelowParent { level, parent_level } => {
            format!("ligger på nivån {level}, som inte ligger under överordnade målets nivå {parent_level}")
        }
        M::GroupingNotAssessed { goal } => {
            format!("{goal} grupperar bara mål och bedöms inte; ge bedömningen på målen under det")
        }
        M::MunicipalGoalContributes => "kommunens egna mål bidrar inte till andra mål; det gör nämndernas mål".into(),
        M::LastLevel { goal } => format!("{goal} ligger på den sista nivån; det går inte att lägga mål under det"),
        M::CannotPlaceHere { level } => format!("ett mål på nivån {level} kan inte placeras där"),
        M::NoLevels => "målstrukturen måste ha minst en nivå".into(),
        M::Stale { what, name } => {
            let name = name.as_ref().map(|n| format!(" {n}")).unwrap_or_default();
            format!(
                "{}{name} har ändrats av någon annan sedan du öppnade sidan; ladda om sidan och försök igen",
                thing(*what)
            )
        }
        M::StaleAdded { what, period } => format!(
            "någon annan har lagt in {} för {period} sedan du öppnade sidan; ladda om sidan",
            a_thing(*what)
        ),
        M::StaleRemoved { what } => format!(
            "någon annan har tagit bort {} sedan du öppnade sidan; ladda om sidan",
            thing(*what).to_lowercase()
        ),
        M::PlanAdopted { plan, version } => format!(
            "version {version} av {plan} är antagen och kan inte ändras; starta ett nytt utkast för att ändra den"
        ),
        M::AlreadyDraft { plan, version } => format!("version {version} av {plan} är redan ett utkast"),
        M::TenantNotEmpty { tenant } => {
            format!("kommunen ”{tenant}” har redan målnivåer eller planer; en import kan bara göras till en tom kommun")
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
                (*sub_goals, "undermål", "undermål"),
                (*indicators, "indikator", "indikatorer"),
                (*assignments, "uppdrag eller initiativ", "uppdrag eller initiativ"),
                (*activities, "målaktivitet", "målaktiviteter"),
                (*focus_areas, "fokusområde", "fokusområden"),
            ];
            format!(
                "målet {goal} har fortfarande {}; flytta eller ta bort dem först",
                counted(&counts, "och")
            )
        }
        M::DepartmentInUse { department, count } => format!(
            "avdelningen ”{department}” är ansvarig för {count} {}; flytta dem till en annan avdelning först",
            if *count == 1 {
                "indikator, uppdrag eller aktivitet"
            } else {
                "indikatorer, uppdrag eller aktiviteter"
            }
        ),
        M::CouncilHasPlans { council, count } => format!(
            "{council} har {count} {} och kan därför inte tas bort",
            if *count == 1 { "plan" } else { "planer" }
        ),
        M::DuplicateValue { period, kind, gender } => format!(
            "värdet för {period} ({}, {}) förekommer två gånger",
            value_kind(*kind),
            gender_name(*gender)
        ),
        M::DuplicateRow {
            indicator,
            period,
            first_row,
        } => format!("{indicator} {period} finns redan på rad {first_row}"),
        M::CommentNeedsValue => "en kommentar kräver att det också finns ett värde".into(),
        M::BusySignIns => "många loggar in just nu; försök igen om en liten stund".into(),
        M::BusyImports { max } => {
            format!("det pågår redan {max} importer i kommunen; starta den här när någon av dem är klar")
        }
        M::UnsupportedFileType { allowed } => format!("filnamnet måste sluta på {}", list(allowed, "eller")),
        M::FileEmpty => "filen är tom; första raden ska vara rubrikraden indicator,period,value".into(),
        M::Missing => "saknas".into(),
        M::TooManyRows { max } => format!("filen har fler än {max} rader; dela upp den i flera filer"),
        M::TooManyColumns { max } => format!("raden har fler än {max} kolumner"),
        M::CellTooLong { max_bytes } => format!("cellen är längre än {max_bytes} byte"),
        M::UnpackedTooLarge { max_mb } => {
            format!("filen blir större än {max_mb} MB när den packas upp; spara en mindre fil")
        }
        M::NotUtf8 => {
            "filen är inte sparad som UTF-8-text; spara den i Excel som ”CSV UTF-8 (kommaavgränsad)” och försök igen"
                .into()
        }
        M::UnreadableXlsx { detail } => format!("filen går inte att läsa som en Excelfil (XLSX): {detail}"),
        M::NoSheets => "Excelfilen har inga blad".into(),
        M::RowsOutOfOrder => "raden kommer efter en senare rad i bladet; spara filen på nytt i Excel".into(),
        M::SyntaxError { format, detail } => format!("innehållet går inte att tolka som {format}: {detail}"),
        M::MoreProblems { count, listed } => format!("och {count} fel till (de första {listed} visas)"),
        M::LedgerFileEmpty => {
            "filen är tom; första raden ska vara rubrikraden med period, avdelning eller verksamhet, konto och belopp"
                .into()
        }
        M::NoSuchHeader { header, headers } => {
            format!(
                "filen har ingen kolumn ”{header}”; den har {}",
                list(&quoted(headers, '”', '”'), "och")
            )
        }
        M::MappedTwice { header } => format!("kolumnen ”{header}” är redan vald för ett annat fält"),
        M::UnknownUnit { text } => {
            format!("”{text}” är varken en avdelning eller en verksamhet i någon av kommunens nämnder")
        }
        M::AmbiguousUnit { text, councils } => format!(
            "”{text}” finns i flera nämnder ({}); ge avdelningarna olika namn",
            list(councils, "och")
        ),
        M::NotAnAccountClass { text } => format!(
            "”{text}” är inget driftkonto; skriv kontot (3… intäkter, 4…–7… kostnader) eller intäkt eller kostnad"
        ),
        M::SumTooLarge => "summan blir för stor att räkna med".into(),
        M::ImportFailed => "importen misslyckades på servern; ingenting sparades".into(),
        M::ImportAbandoned => "servern som körde importen stannade innan den var klar; ingenting sparades".into(),
        M::EarlierProblems => {
            "felen sparades av en tidigare version och kan inte visas; importera filen igen för att se dem".into()
        }
        M::UnsupportedDocumentFormat {
            format,
            version,
            expected,
            oldest,
            newest,
        } => format!(
            "dokumentet har formatet ”{format}” version {version}; den här versionen av Målbild läser ”{expected}” version {oldest}–{newest}"
        ),
        M::AdoptedVersionsOrder => {
            "de antagna versionerna måste komma i stigande ordning och får inte vara högre än planens version".into()
        }
        M::StatusVersionMismatch => {
            "en antagen plan måste ha sin senast antagna version som aktuell version, och ett utkast får inte ha det"
                .into()
        }
        M::InSection { title, problem } => format!("{title}: {}", self::text(problem)),
        M::ForYear { year, problem } => format!("{year}: {}", self::text(problem)),
        M::Department { nth, problem } => format!("avdelning {nth}: {}", self::text(problem)),
        M::UnreadableRequest { detail } => format!("anropet gick inte att läsa: {detail}"),
        M::NotJson => "skicka JSON med Content-Type: application/json".into(),
        M::BodyTooLarge { max_mb } => format!("innehållet är större än {max_mb} MB"),
        M::MissingQuery { name, example } => format!("ange {name} i adressen, till exempel {example}"),
    }
}

pub(super) fn place(place: &Place) -> String {
    match place {
        Place::File { path } => format!("filen {path}"),
        Place::Row { row } => format!("rad {row}"),
        Place::Column { name } => format!("kolumn {name}"),
        Place::Field { name } => super::field_label(name, super::Locale::Sv),
        Place::LevelAt { nth, name } if name.is_empty() => format!("nivå {nth}"),
        Place::LevelAt { nth, name } => format!("nivå {nth} ({name})"),
        Place::Level { key } => format!("nivå ”{key}”"),
        Place::Council { slug } => format!("nämnd ”{slug}”"),
        Place::Plan { name } => format!("plan ”{name}”"),
        Place::AdoptedVersion { version } => format!("antagen version {version}"),
        Place::Goal { code } => format!("mål ”{code}”"),
        Place::Indicator { code } => format!("indikator ”{code}”"),
        Place::Assignment { kind, title } => match kind {
            AssignmentKind::Uppdrag => format!("uppdrag ”{title}”"),
            AssignmentKind::Initiativ => format!("initiativ ”{title}”"),
        },
        Place::FocusArea { title } => format!("fokusområde ”{title}”"),
        Place::Activity { title } => format!("målaktivitet ”{title}”"),
        Place::Comment { date } => format!("kommentar {date}"),
        Place::Period { period } => period.clone(),
        Place::Value { period, kind, gender } => format!("{period} {} ({})", value_kind(*kind), gender_name(*gender)),
        Place::Table { key } => format!("tabell ”{key}”"),
        Place::TableRow { label } => format!("raden ”{label}”"),
        Place::TableColumn { label } => format!("kolumnen ”{label}”"),
        Place::ActionPlan { key } => format!("åtgärdsplan ”{key}”"),
        Place::Measure { number } => format!("åtgärd {number}"),
        Place::Nth { nth } => format!("nr {nth}"),
    }
}

fn thing(what: Thing) -> &'static str {
    match what {
        Thing::Plan => "Planen",
        Thing::Level => "Nivån",
        Thing::Assignment => "Uppdraget",
        Thing::Texts => "Visionen och värdegrunden",
        Thing::Method => "Kommunens bedömningsmetod",
        Thing::Council => "Nämnden",
        Thing::Department => "Avdelningen",
        Thing::Goal => "Målet",
        Thing::Indicator => "Indikatorn",
        Thing::Verdict => "Bedömningen",
        Thing::Values => "Värdena",
    }
}

fn a_thing(what: Thing) -> &'static str {
    match what {
        Thing::Verdict => "en bedömning",
        Thing::Values => "värden",
        _ => "något",
    }
}

fn named(what: Named) -> &'static str {
    match what {
        Named::CouncilName => "en nämnd som heter",
        Named::CouncilSlug => "en nämnd med kortnamnet",
        Named::DepartmentName => "en avdelning som heter",
        Named::IndicatorCode => "en indikator med koden",
        Named::UserEmail => "en användare med e-postadressen",
        Named::TenantName => "en kommun som heter",
        Named::TenantSlug => "en kommun med kortnamnet",
        Named::PlanName => "en plan för nämnden som heter",
        Named::TargetYear => "ett målvärde för",
    }
}

fn known(what: Known) -> &'static str {
    match what {
        Known::GoalInPlan => "ett mål i planen",
        Known::MunicipalGoal => "ett mål i kommunens plan för de här åren",
        Known::GoalWithAssignments => "ett mål i planen som kan ha uppdrag",
        Known::IndicatorInPlan => "en indikator i planen",
        Known::IndicatorCode => "någon av kommunens indikatorkoder",
        Known::Council => "någon av kommunens nämnder",
        Known::Level => "någon av kommunens målnivåer",
        Known::Department => "en av nämndens avdelningar",
        Known::Column => "en kolumn som filtypen har",
    }
}

fn code_chars(allowed: CodeChars) -> &'static str {
    match allowed {
        CodeChars::Slug => "a–z, 0–9 och '-'",
        CodeChars::Key => "a–z, 0–9 och '_'",
        CodeChars::IndicatorCode => "a–z, 0–9, '-' och '_'",
        CodeChars::GoalCode => "bokstäver, siffror, '.', '-' och '_'",
    }
}

fn period_kind(kind: PeriodKind) -> &'static str {
    match kind {
        PeriodKind::Year => "år",
        PeriodKind::HalfYear => "halvår",
        PeriodKind::Tertial => "tertial",
        PeriodKind::Month => "månad",
    }
}

fn a_period_kind(kind: PeriodKind) -> &'static str {
    match kind {
        PeriodKind::Year => "ett år",
        PeriodKind::HalfYear => "ett halvår",
        PeriodKind::Tertial => "ett tertial",
        PeriodKind::Month => "en månad",
    }
}

fn carry_name(carry: Carry) -> &'static str {
    match carry {
        Carry::Indicators => "indikatorer",
        Carry::Assignments => "uppdrag eller initiativ",
        Carry::Activities => "målaktiviteter",
        Carry::FocusAreas => "fokusområden",
    }
}

fn value_kind(kind: ValueKind) -> &'static str {
    match kind {
        ValueKind::Outcome => "utfall",
        ValueKind::Forecast => "prognos",
    }
}

fn gender_name(gender: Gender) -> &'static str {
    match gender {
        Gender::Total => "totalt",
        Gender::Women => "kvinnor",
        Gender::Men => "män",
    }
}
