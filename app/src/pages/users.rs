use leptos::prelude::*;
use leptos_meta::Title;

use super::error_view;
use crate::api::tenant_users;
use crate::format;
use crate::i18n::{Msg, t, text_now, use_locale};
use crate::model::UserSummary;

/// Admin page: the tenant's users. The server refuses the data to other roles.
#[component]
pub fn UsersPage() -> impl IntoView {
    let users = Resource::new(|| (), |_| tenant_users());
    view! {
        <Title text=text_now(Msg::Users) />
        <h1>{t(Msg::Users)}</h1>
        <Suspense fallback=|| view! { <p>{t(Msg::Loading)}</p> }>
            {move || Suspend::new(async move {
                match users.await {
                    Ok(users) => users_table(users).into_any(),
                    Err(err) => error_view(err),
                }
            })}
        </Suspense>
    }
}

fn users_table(users: Vec<UserSummary>) -> impl IntoView {
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
    }
}
