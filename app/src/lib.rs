//! Målbild's UI and the API surface shared by server and browser.
//!
//! Compiled twice: with `ssr` into the server (rendering pages, running server functions,
//! and the server-only modules `db`, `auth`, `services`), and with `hydrate` into the
//! WebAssembly bundle (components, model types and server function *clients* only).

pub mod api;
pub mod components;
pub mod domain;
pub mod format;
pub mod i18n;
pub mod model;
pub mod pages;

#[cfg(feature = "ssr")]
pub mod auth;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod exchange;
#[cfg(feature = "ssr")]
pub mod services;
#[cfg(feature = "ssr")]
pub mod state;

use leptos::prelude::*;
use leptos_meta::{Html, Meta, MetaTags, Title, provide_meta_context};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{SsrMode, path};

use crate::api::{Login, Logout, current_user};
use crate::components::header::Header;
use crate::i18n::{Locale, Msg, text_now};
use crate::pages::{
    AssignmentPage, EconomyPage, FollowUpPage, GoalEditPage, HomePage, IndicatorEditPage, LedgerImportPage, LoginPage,
    MonthlyPage, NewAssignmentPage, NewGoalPage, NewIndicatorPage, NotFound, OrganisationPage, OutcomeImportPage,
    PlanPage, PlanSheetPage, PlatformPage, ScenarioPage, StructurePage, UsersPage, ValueSheetPage,
};

/// File names of the stylesheet and icon in `pkg/` (content-hashed by `scripts/build.sh`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteAssets {
    pub stylesheet: String,
    pub favicon: String,
}

/// The HTML document around the app, rendered on the server only.
pub fn shell(options: LeptosOptions, assets: SiteAssets) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <link rel="stylesheet" href=format!("/pkg/{}", assets.stylesheet) />
                <link rel="icon" type="image/svg+xml" href=format!("/pkg/{}", assets.favicon) />
                <HydrationScripts options />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// Signed-in user, shared by the header and pages. Refetched after login and logout.
pub type CurrentUser = Resource<Result<Option<model::Me>, model::AppError>>;

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let locale = RwSignal::new(initial_locale());
    provide_context(locale);

    let login = ServerAction::<Login>::new();
    let logout = ServerAction::<Logout>::new();
    let me: CurrentUser = Resource::new(
        move || (login.version().get(), logout.version().get()),
        |_| current_user(),
    );
    provide_context(login);
    provide_context(logout);
    provide_context(me);

    view! {
        <Html attr:lang=move || locale.get().code() />
        <Title formatter=|page: String| if page.is_empty() { "Målbild".to_owned() } else { format!("{page} – Målbild") } />
        <Meta name="description" content=text_now(Msg::Tagline) />
        <Router>
            <Header />
            <main id="main" class="page">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=HomePage ssr=SsrMode::Async />
                    <Route path=path!("/login") view=LoginPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/users") view=UsersPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/malstruktur") view=StructurePage ssr=SsrMode::Async />
                    <Route path=path!("/admin/organisation") view=OrganisationPage ssr=SsrMode::Async />
                    <Route path=path!("/plattform") view=PlatformPage ssr=SsrMode::Async />
                    <Route path=path!("/planer/:id") view=PlanPage ssr=SsrMode::Async />
                    <Route path=path!("/planer/:id/uppfoljning") view=FollowUpPage ssr=SsrMode::Async />
                    <Route path=path!("/planer/:id/utfall") view=PlanSheetPage ssr=SsrMode::Async />
                    <Route path=path!("/planer/:id/mal/:code") view=GoalEditPage ssr=SsrMode::Async />
                    <Route path=path!("/planer/:id/nytt-mal") view=NewGoalPage ssr=SsrMode::Async />
                    <Route path=path!("/planer/:id/uppdrag/:item") view=AssignmentPage ssr=SsrMode::Async />
                    <Route path=path!("/planer/:id/nytt-uppdrag") view=NewAssignmentPage ssr=SsrMode::Async />
                    <Route path=path!("/planer/:id/ny-indikator") view=NewIndicatorPage ssr=SsrMode::Async />
                    <Route path=path!("/indikatorer/:code") view=IndicatorEditPage ssr=SsrMode::Async />
                    <Route path=path!("/indikatorer/:code/utfall") view=ValueSheetPage ssr=SsrMode::Async />
                    <Route path=path!("/utfall/import") view=OutcomeImportPage ssr=SsrMode::Async />
                    <Route path=path!("/ekonomi/huvudbok") view=LedgerImportPage ssr=SsrMode::Async />
                    <Route path=path!("/ekonomi/:council") view=EconomyPage ssr=SsrMode::Async />
                    <Route path=path!("/ekonomi/:council/manader") view=MonthlyPage ssr=SsrMode::Async />
                    <Route path=path!("/ekonomi/:council/scenario") view=ScenarioPage ssr=SsrMode::Async />
                </Routes>
            </main>
        </Router>
    }
}

/// The language of the request being served (a page or a server function): its
/// `malbild_lang` cookie, Swedish without one.
#[cfg(feature = "ssr")]
pub(crate) fn request_locale() -> Locale {
    let Some(parts) = use_context::<http::request::Parts>() else {
        return Locale::default();
    };
    let cookies: Vec<&str> = (parts.headers.get_all(http::header::COOKIE).iter())
        .filter_map(|v| v.to_str().ok())
        .collect();
    Locale::from_cookie_header(&cookies.join("; "))
}

/// The language the page starts in: the `malbild_lang` cookie, read on the server from the
/// request and in the browser from `document.cookie`, so both render the same first frame.
fn initial_locale() -> Locale {
    #[cfg(feature = "ssr")]
    {
        request_locale()
    }
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    {
        use wasm_bindgen::JsCast;
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.dyn_into::<web_sys::HtmlDocument>().ok())
            .and_then(|d| d.cookie().ok())
            .map(|c| Locale::from_cookie_header(&c))
            .unwrap_or_default()
    }
    #[cfg(not(any(feature = "ssr", feature = "hydrate")))]
    {
        Locale::default()
    }
}
