//! Every UI text as a [`Msg`] variant with its Swedish and English, and the texts of the
//! typed domain's words.

use super::Locale;
use crate::domain::{
    AssignmentForecast, AssignmentKind, AssignmentStatus, Better, Contribution, IndicatorKind, MarginUnit, MethodKind,
    PlanStatus, QuotaUnit, Role, RuleKind,
};

macro_rules! messages {
    ($($key:ident => $sv:literal, $en:literal;)*) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Msg { $($key),* }

        impl Msg {
            pub fn text(self, locale: Locale) -> &'static str {
                match (self, locale) {
                    $((Msg::$key, Locale::Sv) => $sv, (Msg::$key, Locale::En) => $en,)*
                }
            }
        }
    };
}

messages! {
    AppName => "Målbild", "Målbild";
    Tagline => "Mål, indikatorer och uppföljning för kommunens nämnder", "Goals, indicators and follow-up for the municipality's councils";
    LoginTitle => "Logga in", "Sign in";
    Municipality => "Kommun", "Municipality";
    ChooseMunicipality => "Välj kommun", "Choose municipality";
    Email => "E-postadress", "Email address";
    Password => "Lösenord", "Password";
    SignIn => "Logga in", "Sign in";
    SignOut => "Logga ut", "Sign out";
    InvalidCredentials => "Fel kommun, e-postadress eller lösenord.", "Wrong municipality, email address or password.";
    Throttled => "För många misslyckade inloggningar. Vänta en stund och försök igen.", "Too many failed sign-in attempts. Wait a while and try again.";
    SomethingWentWrong => "Något gick fel. Försök igen.", "Something went wrong. Please try again.";
    Departments => "Avdelningar", "Departments";
    Councils => "Nämnder", "Councils";
    NoCouncils => "Inga nämnder är upplagda ännu.", "No councils have been set up yet.";
    NoDepartments => "Inga avdelningar.", "No departments.";
    Users => "Användare", "Users";
    ManageUsers => "Administrera användare", "Manage users";
    Name => "Namn", "Name";
    Role => "Roll", "Role";
    Created => "Skapad", "Created";
    UserCount => "Antal användare", "Number of users";
    RoleAdmin => "Administratör", "Administrator";
    RoleEditor => "Redigerare", "Editor";
    RoleViewer => "Läsare", "Viewer";
    PlatformAdmin => "Plattformsadministratör", "Platform administrator";
    UserMenu => "Användarmeny", "User menu";
    Language => "Language: English", "Språk: svenska";
    Home => "Start", "Home";
    NotFound => "Sidan finns inte.", "Page not found.";
    Forbidden => "Du har inte behörighet till den här sidan.", "You are not allowed to see this page.";
    Loading => "Laddar…", "Loading…";
    Plans => "Planer", "Plans";
    NoPlans => "Inga planer ännu.", "No plans yet.";
    Draft => "Utkast", "Draft";
    Adopted => "Antagen", "Adopted";
    Version => "version", "version";
    VersionCapital => "Version", "Version";
    Decisions => "Beslut", "Decisions";
    NotAdoptedYet => "Planen har inte antagits än.", "The plan has not been adopted yet.";
    AdoptedBy => "antogs av", "adopted by";
    AdoptVersion => "Anta version", "Adopt version";
    DecisionDate => "Sammanträdesdatum", "Meeting date";
    DecisionBody => "Beslutande organ", "Deciding body";
    DecisionParagraph => "Paragraf", "Paragraph";
    AdoptHint => "En antagen version kan inte ändras. Utfall, prognoser och kommentarer kan fortfarande anges.", "An adopted version cannot be changed. Outcomes, forecasts and comments can still be entered.";
    Adopt => "Anta planen", "Adopt the plan";
    NewDraftHint => "Ett nytt utkast börjar som en kopia av den antagna versionen, som sparas som den antogs.", "A new draft starts as a copy of the adopted version, which is kept as it was adopted.";
    StartNewDraft => "Starta nytt utkast", "Start a new draft";
    Contents => "Innehåll", "Contents";
    AboutPlan => "Om planen", "About the plan";
    FilterGoals => "Filtrera mål och indikatorer", "Filter goals and indicators";
    NoMatches => "Inga mål eller indikatorer matchar.", "No goals or indicators match.";
    Indicator => "Indikator", "Indicator";
    KindKf => "Indikator (KF)", "Indicator (KF)";
    KindNamnd => "Indikator (Nämnd)", "Indicator (council)";
    KindKontoret => "Kontorets indikator", "Office indicator";
    Baseline => "Ingående värde", "Baseline";
    Outcome => "Utfall", "Outcome";
    Forecast => "Prognos", "Forecast";
    Target => "Mål", "Target";
    Source => "Källa", "Source";
    ResponsibleDepartment => "Ansvarig avdelning", "Responsible department";
    ChartLegend => "Utfall (linje) och mål (streckat)", "Outcome (line) and target (dashed)";
    Uppdrag => "Uppdrag", "Assignment";
    Initiativ => "Nämndinitiativ", "Council initiative";
    EndDate => "Slutdatum", "End date";
    NewOrRemaining => "Kvarvarande/nytt", "Remaining/new";
    New => "Nytt", "New";
    Remaining => "Kvarvarande", "Remaining";
    Status => "Status", "Status";
    NotStarted => "Ej påbörjad", "Not started";
    Started => "Påbörjad", "Started";
    Completed => "Slutförd", "Completed";
    OnPlan => "Enligt plan", "On plan";
    Deviation => "Avvikelse från plan", "Deviation from plan";
    LatestComment => "Senaste kommentar", "Latest comment";
    FocusAreas => "Fokusområden", "Focus areas";
    Activities => "Målaktiviteter", "Goal activities";
    Edit => "Redigera", "Edit";
    EditIndicator => "Redigera indikator", "Edit indicator";
    Code => "Kod", "Code";
    Definition => "Definition", "Definition";
    Kind => "Typ", "Kind";
    Unit => "Enhet", "Unit";
    Decimals => "Decimaler", "Decimals";
    Direction => "Riktning", "Direction";
    HigherBetter => "Högre är bättre", "Higher is better";
    LowerBetter => "Lägre är bättre", "Lower is better";
    Band => "Inom intervall", "Within a band";
    Periodicity => "Periodicitet", "Periodicity";
    PerYear => "År", "Year";
    PerHalfYear => "Halvår", "Half-year";
    PerTertial => "Tertial", "Tertial";
    PerMonth => "Månad", "Month";
    Cumulative => "Ackumuleras över året", "Accumulates over the year";
    NoDepartment => "(ingen)", "(none)";
    BaselineLabel => "Etikett för ingående värde", "Baseline label";
    Footnotes => "Fotnoter (en per rad)", "Footnotes (one per line)";
    Targets => "Mål per år", "Targets per year";
    TargetHelp => "Ett tal (5,8), en jämförelse (<= 24), ett intervall (+/- 0,5), Öka, Minska, Bibehålla eller Ej utvärderad.", "A number (5,8), a comparison (<= 24), a band (+/- 0,5), Öka, Minska, Bibehålla or Ej utvärderad.";
    Year => "År", "Year";
    PlanWording => "Planens formulering", "The plan's wording";
    FreeText => "Fritext", "Free text";
    Save => "Spara", "Save";
    Saving => "Sparar…", "Saving…";
    Saved => "Sparat.", "Saved.";
    Frozen => "Planen är antagen och kan inte ändras.", "The plan is adopted and cannot be changed.";
    History => "Historik", "History";
    NoHistory => "Inga ändringar ännu.", "No changes yet.";
    BackToPlan => "Tillbaka till planen", "Back to the plan";
    SaveConflict => "Någon annan har sparat efter att du öppnade sidan, så din ändring sparades inte. Det du skrivit finns kvar här; ladda om sidan för att se den andra ändringen och gör sedan din igen.", "Someone else saved after you opened the page, so your change was not saved. What you typed is still here; reload the page to see the other change, then make yours again.";
    ImportOutcomes => "Importera utfall", "Import outcomes";
    ImportIntro => "En CSV- eller Excelfil (XLSX) med kolumnerna indicator, period och value, och om du vill kind (outcome eller forecast), gender (T, K eller M) och comment. Perioder skrivs 2025, 2025-H1, 2025-T2 eller 2025-10, värden med decimalkomma eller punkt. Alla rader kontrolleras först: finns något fel sparas ingenting.", "A CSV or Excel (XLSX) file with the columns indicator, period and value, and optionally kind (outcome or forecast), gender (T, K or M) and comment. Periods are written 2025, 2025-H1, 2025-T2 or 2025-10, values with a decimal comma or point. Every row is checked first: if anything is wrong, nothing is saved.";
    File => "Fil", "File";
    Import => "Importera", "Import";
    ChooseFile => "Välj en fil först.", "Choose a file first.";
    Uploading => "Laddar upp filen", "Uploading the file";
    ReadingFile => "Läser filen", "Reading the file";
    CheckingRows => "Kontrollerar rader", "Checking rows";
    WritingRows => "Sparar rader", "Saving rows";
    Of => "av", "of";
    ImportDone => "Importen är klar", "The import is done";
    Rows => "Rader", "Rows";
    RowsNew => "nya", "new";
    RowsChanged => "ändrade", "changed";
    RowsUnchanged => "oförändrade", "unchanged";
    ImportFailed => "Filen importerades inte och ingenting har sparats. Rätta följande och försök igen:", "The file was not imported and nothing was saved. Correct the following and try again:";
    Where => "Var", "Where";
    Problem => "Problem", "Problem";
    EnterValues => "Ange utfall", "Enter outcomes";
    SheetHelp => "Skriv i cellerna eller klistra in ett block från Excel. Varje ändrad cell sparas när du lämnar den; piltangenterna och Enter flyttar mellan raderna.", "Type in the cells or paste a block from Excel. Each changed cell is saved when you leave it; the arrow keys and Enter move between rows.";
    SheetOfGoal => "Ange utfall för målet", "Enter the goal's outcomes";
    LatestOutcome => "Senaste utfall", "Latest outcome";
    NewGoal => "Nytt mål", "New goal";
    EditGoal => "Redigera mål", "Edit goal";
    AddGoal => "Lägg till mål", "Add goal";
    AddSubGoal => "Lägg till mål under", "Add goal under";
    Level => "Nivå", "Level";
    Number => "Nummer", "Number";
    GoalTitle => "Rubrik", "Title";
    GoalConflict => "Någon annan har ändrat målet efter att du öppnade sidan, så din ändring sparades inte. Ladda om sidan och gör ändringen igen.", "Someone else changed the goal after you opened the page, so your change was not saved. Reload the page and make the change again.";
    MoveGoal => "Flytta", "Move";
    Method => "Bedömningsmetod", "Assessment method";
    MethodHelp => "Hur indikatorns utfall jämförs med målet. Marginalen avgör hur långt från målet som är gult i stället för rött.", "How the indicator's outcome is compared with the target. The margin decides how far from the target is yellow rather than red.";
    MethodDefault => "Kommunens standard", "The municipality's default";
    MethodThreshold => "Mot årets mål", "Against the year's target";
    MethodPace => "I takt mot årets mål", "On pace towards the year's target";
    MethodDirectional => "Jämfört med föregående värde", "Against the previous value";
    MethodManual => "Bara manuell bedömning", "Manual verdicts only";
    Margin => "Marginal", "Margin";
    MarginUnitLabel => "Marginalen räknas i", "The margin is counted in";
    MarginPercent => "procent av målet", "percent of the target";
    MarginAbsolute => "i indikatorns enhet", "in the indicator's unit";
    MethodBuiltIn => "Inbyggd standard (mot årets mål, gul inom 5 %)", "Built-in default (against the year's target, yellow within 5 %)";
    TenantMethod => "Kommunens bedömningsmetod för indikatorer", "The municipality's assessment method for indicators";
    TenantMethodHelp => "Gäller varje indikator som inte har en egen metod.", "Applies to every indicator without a method of its own.";
    Rule => "Bedömningsregel", "Assessment rule";
    RuleHelp => "Hur målets bedömning följer av dess indikatorers och undermåls bedömningar.", "How the goal's verdict follows from the verdicts of its indicators and sub-goals.";
    RuleNow => "Gäller nu", "In force now";
    RuleInherited => "Utan egen regel gäller", "Without a rule of its own";
    RuleOfLevel => "Nivåns regel", "The level's rule";
    RuleBuiltIn => "Inbyggd standard", "Built-in default";
    RuleCountGreen => "Minst ett antal gröna", "At least a number green";
    RuleWeighted => "Viktat medelvärde", "Weighted mean";
    RuleManual => "Bara helhetsbedömning", "Overall verdict only";
    RuleAll => "Kombinerad regel", "Combined rule";
    GreenQuota => "Minst gröna", "At least green";
    QuotaUnitLabel => "Räknat som", "Counted as";
    QuotaCount => "antal", "a number";
    QuotaShare => "procent av underlagen", "percent of the inputs";
    RestAtLeast => "Övriga ska minst vara", "The others at least";
    NoRequirement => "inget krav", "no requirement";
    AtLeastYellow => "gula", "yellow";
    AtLeastRed => "bedömda (röda)", "assessed (red)";
    MustBeGreen => "Måste vara gröna", "Must be green";
    GreenFrom => "Grönt från medelvärde, %", "Green from a mean of, %";
    YellowFrom => "Gult från medelvärde, %", "Yellow from a mean of, %";
    Weights => "Vikter (tomt = 1)", "Weights (empty = 1)";
    PreviewRule => "Förhandsgranska", "Preview";
    SaveRule => "Spara regeln", "Save the rule";
    PreviewHeading => "Bedömningen med den nya regeln", "The verdicts under the new rule";
    PreviewMonth => "Månad", "Month";
    PreviewSubject => "Mål eller indikator", "Goal or indicator";
    VerdictHeading => "Bedömning", "Verdict";
    Contributions => "Nämndernas mål som bidrar", "The councils' goals contributing";
    ContributionKind => "Bidrar", "Contributes";
    ContributesDirectly => "direkt", "directly";
    ContributesIndirectly => "indirekt (räknas inte)", "indirectly (not counted)";
    ContributesTo => "Bidrar till kommunens mål", "Contributes to the municipality's goals";
    ContributesToHelp => "Ett direkt bidrag räknas i bedömningen av kommunens mål; ett indirekt visas bredvid men räknas inte.", "A direct contribution counts in the municipality's goal's verdict; an indirect one is shown beside it but not counted.";
    AddContribution => "Lägg till bidrag", "Add a contribution";
    RemoveContribution => "Ta bort", "Remove";
    SaveContributions => "Spara bidragen", "Save the contributions";
    NoMunicipalPlan => "Det finns ingen plan för kommunens mål för de här åren.", "There is no plan of the municipality's goals for these years.";
    Municipal => "Kommunens egna mål (kommunfullmäktige)", "The municipality's own goals (municipal assembly)";
    PreviewNoOtherChanges => "Inga andra bedömningar ändras.", "No other verdict changes.";
    PreviewNoChanges => "Ingen bedömning ändras.", "No verdict changes.";
    VerdictBefore => "Nu", "Now";
    VerdictAfter => "Med ändringen", "With the change";
    MoveUp => "Flytta upp", "Move up";
    MoveDown => "Flytta ner", "Move down";
    PlaceUnder => "Placera under", "Place under";
    MoveThere => "Flytta dit", "Move there";
    Moved => "Flyttat.", "Moved.";
    DeleteGoal => "Ta bort målet", "Delete the goal";
    CannotDeleteGoal => "Målet kan inte tas bort förrän det som hör till det är flyttat eller borttaget:", "The goal cannot be deleted until what belongs to it is moved or deleted:";
    ConfirmDeleteGoal => "Vill du ta bort målet? Det går inte att ångra. Mål:", "Delete the goal? This cannot be undone. Goal:";
    YesDelete => "Ja, ta bort", "Yes, delete";
    Cancel => "Avbryt", "Cancel";
    SubGoals => "Undermål", "Sub-goals";
    Indicators => "Indikatorer", "Indicators";
    AssignmentsAndInitiatives => "Uppdrag och initiativ", "Assignments and initiatives";
    Period => "Period", "Period";
    OutcomeWomen => "Utfall kvinnor", "Outcome women";
    OutcomeMen => "Utfall män", "Outcome men";
    Comment => "Kommentar", "Comment";
    NoChanges => "Inget är ändrat, så inget behövde sparas.", "Nothing was changed, so nothing needed saving.";
    NewAssignment => "Nytt uppdrag eller initiativ", "New assignment or initiative";
    AssignmentHeading => "Uppdrag eller initiativ", "Assignment or initiative";
    AddAssignment => "Lägg till uppdrag eller initiativ", "Add assignment or initiative";
    NotAssessed => "(ej bedömd)", "(not assessed)";
    NotStated => "(ej angivet)", "(not stated)";
    FollowUpHeading => "Uppföljning", "Follow-up";
    CommentDate => "Kommentarens datum", "Comment date";
    NewComment => "Ny kommentar", "New comment";
    SaveFollowUp => "Spara uppföljningen", "Save the follow-up";
    Comments => "Kommentarer", "Comments";
    NoComments => "Inga kommentarer ännu.", "No comments yet.";
    AssignmentConflict => "Någon annan har ändrat uppdraget efter att du öppnade sidan, så din ändring sparades inte. Ladda om sidan och gör ändringen igen.", "Someone else changed the item after you opened the page, so your change was not saved. Reload the page and make the change again.";
    AssignmentDetails => "Uppgifter", "Details";
    DetailsAdminsOnDrafts => "Uppgifterna ändras av en administratör medan planen är ett utkast.", "The details are changed by an admin while the plan is a draft.";
    Goal => "Mål", "Goal";
    NoGoal => "(inget mål)", "(no goal)";
    DeleteAssignment => "Ta bort", "Delete";
    ConfirmDeleteAssignment => "Vill du ta bort uppdraget med dess kommentarer? Det går inte att ångra.", "Delete the item with its comments? This cannot be undone.";
    GoalStructure => "Målstruktur", "Goal structure";
    StructureIntro => "Nivåerna i kommunens mål, överst först. Varje nivå har sina textavsnitt och bär det som kryssats i. Ändringar kontrolleras mot alla planer, även antagna versioner, innan något sparas.", "The levels of the municipality's goals, top first. Each level has its text sections and carries what is ticked. Changes are checked against every plan, adopted versions included, before anything is saved.";
    AddLevel => "Lägg till nivå", "Add level";
    RemoveLevel => "Ta bort nivån", "Remove the level";
    SaveStructure => "Spara målstrukturen", "Save the goal structure";
    StructureConflict => "Någon annan har ändrat målstrukturen efter att du öppnade sidan, så din ändring sparades inte. Ladda om sidan och gör ändringen igen.", "Someone else changed the goal structure after you opened the page, so your change was not saved. Reload the page and make the change again.";
    Organisation => "Organisation", "Organisation";
    VisionAndValues => "Vision och värdegrund", "Vision and values";
    VisionTitle => "Visionens rubrik", "Vision heading";
    Vision => "Vision", "Vision";
    Values => "Värdegrund", "Values";
    SaveTexts => "Spara vision och värdegrund", "Save vision and values";
    TextsConflict => "Någon annan har ändrat visionen eller värdegrunden efter att du öppnade sidan, så din ändring sparades inte. Ladda om sidan och gör ändringen igen.", "Someone else changed the vision or values after you opened the page, so your change was not saved. Reload the page and make the change again.";
    Council => "Nämnd", "Council";
    CouncilName => "Nämndens namn", "Council name";
    Slug => "Kortnamn i adresser", "Short name in addresses";
    SlugFromName => "skapas från namnet", "made from the name";
    AddCouncil => "Lägg till nämnd", "Add council";
    SaveCouncil => "Spara nämnden", "Save the council";
    RemoveCouncil => "Ta bort nämnden", "Remove the council";
    CouncilConflict => "Någon annan har ändrat nämnden efter att du öppnade sidan, så din ändring sparades inte. Ladda om sidan och gör ändringen igen.", "Someone else changed the council after you opened the page, so your change was not saved. Reload the page and make the change again.";
    Department => "Avdelning", "Department";
    AddDepartment => "Lägg till avdelning", "Add department";
    InUseBy => "– ansvarig för indikatorer, uppdrag eller aktiviteter:", "– responsible for indicators, uppdrag or activities:";
    Remove => "Ta bort", "Remove";
    NewPlan => "Ny plan", "New plan";
    PlanName => "Planens namn", "Plan name";
    FirstYear => "Första år", "First year";
    LastYear => "Sista år", "Last year";
    Choose => "Välj …", "Choose …";
    CreatePlan => "Skapa planen", "Create the plan";
    NewIndicator => "Ny indikator", "New indicator";
    CreateIndicator => "Skapa indikatorn", "Create the indicator";
    IndicatorCodeHelp => "Unik i kommunen och stabil (används i filer och API): a–z, 0–9, - och _, t.ex. sn-trygghet.", "Unique in the municipality and stable (used in files and the API): a–z, 0–9, - and _, e.g. sn-trygghet.";
    AddUser => "Lägg till användare", "Add user";
    FirstPassword => "Första lösenord (minst 12 tecken)", "First password (at least 12 characters)";
    UserAdded => "Användaren är tillagd.", "The user has been added.";
    UserExists => "Det finns redan en användare med den e-postadressen.", "A user with that email address exists already.";
    Municipalities => "Kommuner", "Municipalities";
    AddMunicipality => "Lägg till kommun", "Add municipality";
    AddMunicipalityIntro => "Kommunen får en första administratör, som sedan loggar in och lägger upp organisation, målstruktur och planer.", "The municipality gets a first admin, who then signs in and sets up its organisation, goal structure and plans.";
    MunicipalityName => "Kommunens namn", "Municipality name";
    FirstAdmin => "Första administratör", "First admin";
    MunicipalityAdded => "Kommunen är tillagd:", "The municipality has been added:";
    MunicipalityExists => "Det finns redan en kommun med det namnet eller kortnamnet.", "A municipality with that name or short name exists already.";
    LevelName => "Namn", "Name";
    LevelPlural => "Namn i plural", "Plural name";
    Numbering => "Numrering", "Numbering";
    NumberingSequence => "1, 2, 3", "1, 2, 3";
    NumberingNested => "1.1, 1.2 (under överordnat mål)", "1.1, 1.2 (under the parent)";
    NumberingLetters => "A, B, C", "A, B, C";
    NumberingNumberLetter => "1A, 1B (bokstav efter överordnat måls nummer)", "1A, 1B (a letter after the parent's number)";
    NumberingNone => "Ingen", "None";
    Grouping => "Grupperar bara (t.ex. perspektiv): målen bedöms inte", "Groups only (e.g. perspectives): its goals are not assessed";
    PlanKind => "Plantyp", "Type of plan";
    PlanKindHelp => "Till exempel Verksamhetsplan, Uppdragsplan, Internbudget eller Mål och budget.", "For example Verksamhetsplan, Uppdragsplan, Internbudget or Mål och budget.";
    GoalLevelChoice => "Nivå", "Level";
    LevelSections => "Textavsnitt (ett per rad)", "Text sections (one per line)";
    LevelCarries => "Mål på nivån kan ha", "Goals on the level can have";
    FollowUpOf => "Uppföljning av", "Follow-up of";
    Month => "Månad", "Month";
    AllDepartments => "Alla avdelningar", "All departments";
    Colour => "Färg", "Colour";
    AllColours => "Alla färger", "All colours";
    Green => "Grön", "Green";
    Yellow => "Gul", "Yellow";
    Red => "Röd", "Red";
    Grey => "Ej bedömd", "Not assessed";
    Show => "Visa", "Show";
    HowAssessed => "Så bedöms det som saknar egen regel", "How verdicts are reached where nothing else is set";
    GoalsPerLevel => "Mål per nivå", "Goals per level";
    ChangeSince => "Förändring sedan", "Change since";
    LastMonth => "Förra månaden", "Last month";
    NoGoalsMatch => "Inga mål matchar filtret.", "No goals match the filter.";
    ManualVerdict => "Manuell bedömning", "Manual verdict";
    Motivation => "Motivering", "Motivation";
    AppliesTo => "Gäller för", "Applies to";
    SaveVerdict => "Spara bedömning", "Save verdict";
    WithdrawVerdict => "Ta bort bedömning", "Withdraw verdict";
    GivenBy => "Bedömd av", "Given by";
    VerdictConflict => "Någon annan har ändrat bedömningen efter att du öppnade sidan, så inget sparades. Ladda om sidan.", "Someone else changed the verdict after you opened the page, so nothing was saved. Reload the page.";
    StatusByForecast => "Status och prognos", "Status and forecast";
    NoForecast => "Ingen prognos", "No forecast";
    Overdue => "Försenat", "Overdue";
    Total => "Totalt", "Total";
    PaceLine => "Takt mot årsmålet", "Pace towards the annual target";
    OutcomeToDate => "Utfall (hittills i år för summerade mått)", "Outcome (year to date when summed)";
    AssignmentInputs => "Uppdragens och initiativens status och prognos räknas in i målens bedömning", "The uppdrag's and initiativ's status and forecast count in the goals' verdicts";
    ValuesConflict => "Någon annan har ändrat några av värdena efter att du öppnade sidan, så inget sparades. Det du skrivit finns kvar; ladda om sidan för att se de andra ändringarna och gör sedan dina igen.", "Someone else changed some of the values after you opened the page, so nothing was saved. What you typed is still here; reload the page to see the other changes, then make yours again.";
    Economy => "Ekonomi", "Economy";
    EconomyOf => "Ekonomi –", "Economy –";
    NoEconomy => "Nämnden har ingen ekonomi i Målbild ännu.", "The council has no economy in Målbild yet.";
    AmountsIn => "Belopp i", "Amounts in";
    AmountsNote => "som de publicerats; kostnader är negativa där dokumenten skriver dem så.", "as published; costs are negative where the documents print them so.";
    PublishedIn => "Publicerad i", "Published in";
    ChecksHeading => "Kontroll av siffrorna", "Checking the figures";
    ChecksOk => "Alla summor och skillnader stämmer (en enhets avrundning godtas).", "Every sum and difference agrees (rounding by one unit is tolerated).";
    ChecksIntro => "Siffrorna visas som de publicerats, och rättas aldrig. De här stämmer inte med siffrorna de följer av (en enhets avrundning godtas):", "The figures are shown as published and never corrected. These do not agree with the figures they follow from (rounding by one unit is tolerated):";
    Printed => "tryckt står", "printed is";
    CheckSumOfParts => "summan av raderna ger", "the rows add up to";
    CheckIncomeAndCosts => "intäkter plus kostnader ger", "income plus costs gives";
    CheckColumnDifference => "skillnaden mellan kolumnerna ger", "the difference of the columns gives";
    CheckNetChange => "förändringen av nettot ger", "the change in net gives";
    CheckNetChangePercent => "förändringen av nettot i procent ger", "the change in net in percent gives";
    CheckAverage => "snittet av månaderna ger", "the months average";
    CheckSplitAgainstNet => "nettot", "the net";
    CheckChangesAgainstNet => "förändringen av nettot", "the change in net";
    CheckIn => "i", "in";
    Gives => "ger", "gives";
    SumOfItems => "Summan av posterna", "The sum of the items";
    DoesNotAddUp => "stämmer inte", "does not add up";
    MonthlyChart => "per månad, utfall (heldragen) mot budget (streckad)", "by month, outcome (solid) against budget (dashed)";
    ActionPlans => "Åtgärdsplaner", "Action plans";
    DecidedOn => "Beslutad", "Decided";
    MeasureHeading => "Åtgärd", "Measure";
    Responsible => "Ansvarig", "Responsible";
    GrossEffect => "Bruttoeffekt", "Gross effect";
    ImplementationCost => "Kostnad för genomförande", "Cost of implementation";
    NetEffect => "Nettoeffekt", "Net effect";
    FullEffect => "Full effekt", "Full effect";
    ExpectedEffect => "Förväntad effekt", "Expected effect";
    RealisedEffect => "Realiserad effekt", "Realised effect";
    Through => "t.o.m.", "through";
    NetEffectComputed => "brutto minus kostnad ger", "gross less cost gives";
    FollowedUpBy => "Följs upp genom", "Followed up by";
    PlanFigures => "Planens siffror", "The plan's figures";
}

/// The words of the typed domain as people read them.
impl Msg {
    pub fn for_role(role: Role) -> Msg {
        match role {
            Role::Admin => Msg::RoleAdmin,
            Role::Editor => Msg::RoleEditor,
            Role::Viewer => Msg::RoleViewer,
        }
    }

    pub fn for_plan_status(status: PlanStatus) -> Msg {
        match status {
            PlanStatus::Draft => Msg::Draft,
            PlanStatus::Adopted => Msg::Adopted,
        }
    }

    pub fn for_indicator_kind(kind: IndicatorKind) -> Msg {
        match kind {
            IndicatorKind::Kf => Msg::KindKf,
            IndicatorKind::Namnd => Msg::KindNamnd,
            IndicatorKind::Kontoret => Msg::KindKontoret,
        }
    }

    pub fn for_method(method: Option<MethodKind>) -> Msg {
        match method {
            None => Msg::MethodDefault,
            Some(MethodKind::Threshold) => Msg::MethodThreshold,
            Some(MethodKind::Pace) => Msg::MethodPace,
            Some(MethodKind::Directional) => Msg::MethodDirectional,
            Some(MethodKind::Manual) => Msg::MethodManual,
        }
    }

    pub fn for_rule(rule: RuleKind) -> Msg {
        match rule {
            RuleKind::CountGreen => Msg::RuleCountGreen,
            RuleKind::Weighted => Msg::RuleWeighted,
            RuleKind::Manual => Msg::RuleManual,
            RuleKind::All => Msg::RuleAll,
        }
    }

    pub fn for_contribution(kind: Contribution) -> Msg {
        match kind {
            Contribution::Direct => Msg::ContributesDirectly,
            Contribution::Indirect => Msg::ContributesIndirectly,
        }
    }

    pub fn for_quota_unit(unit: QuotaUnit) -> Msg {
        match unit {
            QuotaUnit::Count => Msg::QuotaCount,
            QuotaUnit::Share => Msg::QuotaShare,
        }
    }

    pub fn for_margin_unit(unit: MarginUnit) -> Msg {
        match unit {
            MarginUnit::Percent => Msg::MarginPercent,
            MarginUnit::Absolute => Msg::MarginAbsolute,
        }
    }

    pub fn for_direction(better: Better) -> Msg {
        match better {
            Better::Higher => Msg::HigherBetter,
            Better::Lower => Msg::LowerBetter,
            Better::Band => Msg::Band,
        }
    }

    pub fn for_assignment_kind(kind: AssignmentKind) -> Msg {
        match kind {
            AssignmentKind::Uppdrag => Msg::Uppdrag,
            AssignmentKind::Initiativ => Msg::Initiativ,
        }
    }

    pub fn for_assignment_status(status: AssignmentStatus) -> Msg {
        match status {
            AssignmentStatus::EjPaborjad => Msg::NotStarted,
            AssignmentStatus::Paborjad => Msg::Started,
            AssignmentStatus::Slutford => Msg::Completed,
        }
    }

    pub fn for_assignment_forecast(forecast: AssignmentForecast) -> Msg {
        match forecast {
            AssignmentForecast::EnligtPlan => Msg::OnPlan,
            AssignmentForecast::Avvikelse => Msg::Deviation,
        }
    }
}
