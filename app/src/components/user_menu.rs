use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

use crate::api::Logout;
use crate::i18n::{Locale, Msg, t, use_locale};
use crate::model::{Me, Role};

/// The signed-in user's menu: who they are, language, admin link, sign out.
/// Opening it needs the hydrated page (it is a signal, not a link).
#[component]
pub fn UserMenu(me: Me) -> impl IntoView {
    let open = RwSignal::new(false);
    let locale = use_locale();
    let logout = expect_context::<ServerAction<Logout>>();
    let role_text = Msg::for_role(me.role);
    let is_admin = me.role >= Role::Admin;
    let is_editor = me.role >= Role::Editor;
    let platform = me.platform_admin;
    let close_on_escape = move |ev: KeyboardEvent| {
        if ev.key() == "Escape" {
            open.set(false);
        }
    };
    let switch_language = move |_| {
        let next = locale.get_untracked().other();
        remember_locale(next);
        locale.set(next);
    };

    view! {
        <div class="user-menu" on:keydown=close_on_escape>
            <button
                type="button"
                class="user-menu__button"
                aria-haspopup="true"
                aria-expanded=move || open.get().to_string()
                aria-controls="user-menu-panel"
                on:click=move |_| open.update(|o| *o = !*o)
            >
                <span class="visually-hidden">{t(Msg::UserMenu)}": "</span>
                {me.name.clone()}
            </button>
            <div id="user-menu-panel" class="user-menu__panel" hidden=move || !open.get()>
                <p class="user-menu__who">
                    <strong>{me.name.clone()}</strong>
                    <br />
                    {me.email.clone()}
                    <br />
                    <span class="role" data-role=me.role.as_str()>{move || role_text.text(locale.get())}</span>
                    {platform.then(|| view! { <span class="role">" · "{t(Msg::PlatformAdmin)}</span> })}
                </p>
                <ul>
                    {is_editor.then(|| view! {
                        <li><a href="/utfall/import" on:click=move |_| open.set(false)>{t(Msg::ImportOutcomes)}</a></li>
                        <li><a href="/ekonomi/huvudbok" on:click=move |_| open.set(false)>{t(Msg::ImportLedger)}</a></li>
                    })}
                    {is_admin.then(|| view! {
                        <li><a href="/admin/users" on:click=move |_| open.set(false)>{t(Msg::ManageUsers)}</a></li>
                        <li><a href="/admin/organisation" on:click=move |_| open.set(false)>{t(Msg::Organisation)}</a></li>
                        <li><a href="/admin/malstruktur" on:click=move |_| open.set(false)>{t(Msg::GoalStructure)}</a></li>
                    })}
                    {platform.then(|| view! {
                        <li><a href="/plattform" on:click=move |_| open.set(false)>{t(Msg::Municipalities)}</a></li>
                    })}
                    <li>
                        <button type="button" class="link-button" on:click=switch_language>{t(Msg::Language)}</button>
                    </li>
                    <li>
                        <ActionForm action=logout>
                            <button type="submit" class="link-button">{t(Msg::SignOut)}</button>
                        </ActionForm>
                    </li>
                </ul>
            </div>
        </div>
    }
}

/// Stores the language in a cookie for a year, so the server renders it next time.
fn remember_locale(locale: Locale) {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        if let Some(doc) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.dyn_into::<web_sys::HtmlDocument>().ok())
        {
            let cookie = format!(
                "{}={}; Path=/; Max-Age=31536000; SameSite=Lax",
                crate::i18n::LOCALE_COOKIE,
                locale.code()
            );
            let _ = doc.set_cookie(&cookie);
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = locale;
}
