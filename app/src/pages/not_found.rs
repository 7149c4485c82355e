use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::{Msg, t, text_now};

#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <Title text=text_now(Msg::NotFound) />
        <h1>{t(Msg::NotFound)}</h1>
        <p><a href="/">{t(Msg::Home)}</a></p>
    }
}
