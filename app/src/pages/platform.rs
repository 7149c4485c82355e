//! The platform admins' page: every municipality, and a form that adds one with its first
//! admin. The new municipality is then configured in its own admin pages (organisation,
//! goal structure, plans), signed in to it.

use leptos::prelude::*;
use leptos_meta::Title;

use super::{error_view, save_error};
use crate::api::{create_municipality, municipalities};
use crate::i18n::{Msg, t, text_now};
use crate::model::{NewTenantForm, TenantSummary};

/// `/plattform`
#[component]
pub fn PlatformPage() -> impl IntoView {
    let data = Resource::new(|| (), |()| municipalities());
    view! {
        <Title text=text_now(Msg::Municipalities) />
        <h1>{t(Msg::Municipalities)}</h1>
        <Suspense fallback=|| view! { <p>{t(Msg::Loading)}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(list) => {
                        let list = RwSignal::new(list);
                        view! {
                            <ul class="municipalities">
                                {move || list.get().into_iter().map(|m| view! {
                                    <li><strong>{m.name}</strong>" "<span class="muted">{m.slug}</span></li>
                                }).collect_view()}
                            </ul>
                            {new_municipality_form(list)}
                        }
                        .into_any()
                    }
                    Err(err) => error_view(err),
                }
            })}
        </Suspense>
    }
}

fn new_municipality_form(list: RwSignal<Vec<TenantSummary>>) -> AnyView {
    let form = RwSignal::new(NewTenantForm::default());
    let create = Action::new(move |tenant: &NewTenantForm| {
        let tenant = tenant.clone();
        async move { create_municipality(tenant).await }
    });
    Effect::new(move |_| {
        if let Some(Ok(created)) = create.value().get() {
            list.update(|l| {
                l.push(created);
                l.sort_by(|a, b| a.name.cmp(&b.name));
            });
            form.set(NewTenantForm::default());
        }
    });
    let input = move |f: fn(&mut NewTenantForm, String)| move |ev| form.update(|m| f(m, event_target_value(&ev)));
    view! {
        <section aria-labelledby="new-municipality-heading">
            <h2 id="new-municipality-heading">{t(Msg::AddMunicipality)}</h2>
            <p class="muted">{t(Msg::AddMunicipalityIntro)}</p>
            <form class="form form--wide card" on:submit=move |ev| {
                ev.prevent_default();
                create.dispatch(form.get_untracked());
            }>
                <div class="form-row">
                    <label class="field">
                        <span>{t(Msg::MunicipalityName)}</span>
                        <input type="text" required prop:value=move || form.read().name.clone() on:input=input(|m, v| m.name = v) />
                    </label>
                    <label class="field field--narrow">
                        <span>{t(Msg::Slug)}</span>
                        <input type="text" placeholder=text_now(Msg::SlugFromName) prop:value=move || form.read().slug.clone()
                            on:input=input(|m, v| m.slug = v) />
                    </label>
                </div>
                <fieldset>
                    <legend>{t(Msg::FirstAdmin)}</legend>
                    <div class="form-row">
                        <label class="field">
                            <span>{t(Msg::Email)}</span>
                            <input type="email" required prop:value=move || form.read().admin.email.clone()
                                on:input=input(|m, v| m.admin.email = v) />
                        </label>
                        <label class="field">
                            <span>{t(Msg::Name)}</span>
                            <input type="text" required prop:value=move || form.read().admin.name.clone()
                                on:input=input(|m, v| m.admin.name = v) />
                        </label>
                        <label class="field">
                            <span>{t(Msg::FirstPassword)}</span>
                            <input type="text" required minlength="12" autocomplete="off"
                                prop:value=move || form.read().admin.password.clone() on:input=input(|m, v| m.admin.password = v) />
                        </label>
                    </div>
                </fieldset>
                {move || match create.value().get() {
                    Some(Ok(created)) => Some(view! {
                        <p class="notice" role="status">{t(Msg::MunicipalityAdded)}" "<strong>{created.name}</strong></p>
                    }.into_any()),
                    Some(Err(err)) => Some(save_error(&err, Msg::MunicipalityExists)),
                    None => None,
                }}
                <button type="submit" class="primary" disabled=move || create.pending().get()>{t(Msg::AddMunicipality)}</button>
            </form>
        </section>
    }
    .into_any()
}
