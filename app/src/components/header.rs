use leptos::prelude::*;

use super::user_menu::UserMenu;
use crate::CurrentUser;
use crate::i18n::{Msg, t};

/// The top bar: product name, the tenant, and the user menu when signed in.
#[component]
pub fn Header() -> impl IntoView {
    let me = expect_context::<CurrentUser>();
    view! {
        <header class="topbar">
            <a class="skip-link" href="#main">"Hoppa till innehållet"</a>
            <a class="brand" href="/">{t(Msg::AppName)}</a>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match me.await {
                        Ok(Some(me)) => {
                            view! {
                                <span class="tenant-name">{me.tenant.name.clone()}</span>
                                <UserMenu me />
                            }
                                .into_any()
                        }
                        _ => ().into_any(),
                    }
                })}
            </Transition>
        </header>
    }
}
