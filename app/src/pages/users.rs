use leptos::prelude::*;
use leptos_meta::Title;

use super::{error_view, save_error};
use crate::api::{add_user, tenant_users};
use crate::format;
use crate::i18n::{Msg, t, text_now, use_locale};
use crate::model::{NewUserForm, Role, UserSummary};

/// Admin page: the tenant's users, and a form to add one. The server refuses both to
/// other roles.
#[component]
pub fn UsersPage() -> impl IntoView {
    let users = Resource::new(|| (), |_| tenant_users());
    view! {
        <Title text=text_now(Msg::Users) />
        <h1>{t(Msg::Users)}</h1>
        <Suspense fallback=|| view! { <p>{t(Msg::Loading)}</p> }>
            {move || Suspend::new(async move {
                match users.await {
                    Ok(users) => {
                        let users = RwSignal::new(users);
                        view! {
                            {move || users_table(users.get())}
                            {new_user_form(users)}
                        }
                        .into_any()
                    }
                    Err(err) => error_view(err),
                }
            })}
        </Suspense>
    }
}

fn users_table(users: Vec<UserSummary>) -> AnyView {
    let locale = use_locale();
    let count = users.len();
    view! {
        <p class="muted">{move || format!("{}: {}", Msg::UserCount.text(locale.get()), format::number(count.into(), 0))}</p>
        <div class="table-wrap">
            <table class="data">
                <thead>
                    <tr>
                        <th scope="col">{t(Msg::Email)}</th>
                        <th scope="col">{t(Msg::Name)}</th>
                        <th scope="col">{t(Msg::Role)}</th>
                        <th scope="col">{t(Msg::Created)}</th>
                    </tr>
                </thead>
                <tbody>
                    {users
                        .into_iter()
                        .map(|u| {
                            let role = Msg::for_role(u.role);
                            view! {
                                <tr>
                                    <td>{u.email}</td>
                                    <td>{u.name}</td>
                                    <td>{move || role.text(locale.get())}</td>
                                    <td class="num">{format::date(u.created_at.date_naive())}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }.into_any()
}

/// Adds a user with a first password for the admin to hand over.
pub(crate) fn new_user_form(users: RwSignal<Vec<UserSummary>>) -> AnyView {
    let form = RwSignal::new(NewUserForm::default());
    let add = Action::new(move |user: &NewUserForm| {
        let user = user.clone();
        async move { add_user(user).await }
    });
    Effect::new(move |_| {
        if let Some(Ok(list)) = add.value().get() {
            users.set(list);
            form.set(NewUserForm::default());
        }
    });
    let input = move |f: fn(&mut NewUserForm, String)| move |ev| form.update(|u| f(u, event_target_value(&ev)));
    view! {
        <section aria-labelledby="new-user-heading">
            <h2 id="new-user-heading">{t(Msg::AddUser)}</h2>
            <form class="form form--wide card" on:submit=move |ev| {
                ev.prevent_default();
                add.dispatch(form.get_untracked());
            }>
                <div class="form-row">
                    <label class="field">
                        <span>{t(Msg::Email)}</span>
                        <input type="email" required prop:value=move || form.read().email.clone() on:input=input(|u, v| u.email = v) />
                    </label>
                    <label class="field">
                        <span>{t(Msg::Name)}</span>
                        <input type="text" required prop:value=move || form.read().name.clone() on:input=input(|u, v| u.name = v) />
                    </label>
                    <label class="field field--narrow">
                        <span>{t(Msg::Role)}</span>
                        <select on:change=move |ev| form.update(|u| u.role = Role::parse(&event_target_value(&ev)).unwrap_or(Role::Viewer))>
                            {Role::ALL.into_iter().map(|role| view! {
                                <option value=role.as_str() selected=move || form.read().role == role>{t(Msg::for_role(role))}</option>
                            }).collect_view()}
                        </select>
                    </label>
                    <label class="field">
                        <span>{t(Msg::FirstPassword)}</span>
                        <input type="text" required minlength="12" autocomplete="off" prop:value=move || form.read().password.clone()
                            on:input=input(|u, v| u.password = v) />
                    </label>
                </div>
                {move || match add.value().get() {
                    Some(Ok(_)) => Some(view! { <p class="notice" role="status">{t(Msg::UserAdded)}</p> }.into_any()),
                    Some(Err(err)) => Some(save_error(&err, Msg::UserExists)),
                    None => None,
                }}
                <button type="submit" class="primary" disabled=move || add.pending().get()>{t(Msg::AddUser)}</button>
            </form>
        </section>
    }
    .into_any()
}
