use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::{Login, public_tenants};
use crate::i18n::{Msg, t, text_now};
use crate::model::AppError;

#[component]
pub fn LoginPage() -> impl IntoView {
    let login = expect_context::<ServerAction<Login>>();
    let tenants = Resource::new(|| (), |_| public_tenants());
    let error = move || {
        login
            .value()
            .get()
            .and_then(|result| result.err())
            .map(|err| match err {
                AppError::InvalidCredentials => Msg::InvalidCredentials,
                AppError::Throttled => Msg::Throttled,
                _ => Msg::SomethingWentWrong,
            })
    };

    view! {
        <Title text=text_now(Msg::LoginTitle) />
        <section class="card login">
            <h1>{t(Msg::LoginTitle)}</h1>
            <p class="muted">{t(Msg::Tagline)}</p>
            <ActionForm action=login attr:class="form">
                <label for="login-tenant">{t(Msg::Municipality)}</label>
                <select id="login-tenant" name="tenant" required>
                    <option value="">{t(Msg::ChooseMunicipality)}</option>
                    <Suspense fallback=|| ()>
                        {move || Suspend::new(async move {
                            tenants
                                .await
                                .unwrap_or_default()
                                .into_iter()
                                .map(|tenant| view! { <option value=tenant.slug>{tenant.name}</option> })
                                .collect_view()
                        })}
                    </Suspense>
                </select>
                <label for="login-email">{t(Msg::Email)}</label>
                <input id="login-email" type="email" name="email" autocomplete="username" required maxlength="254" />
                <label for="login-password">{t(Msg::Password)}</label>
                <input id="login-password" type="password" name="password" autocomplete="current-password" required maxlength="1024" />
                {move || error().map(|msg| view! { <p class="notice notice--error" role="alert">{t(msg)}</p> })}
                <button type="submit" class="primary" disabled=move || login.pending().get()>{t(Msg::SignIn)}</button>
            </ActionForm>
        </section>
    }
}
