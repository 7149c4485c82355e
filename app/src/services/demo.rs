//! `malbild seed --demo`: the demo tenants from `seeds/demo/tenants.json` and their demo users.

use sea_orm::DatabaseConnection;
use serde::Deserialize;

use super::users::{self, NewUserInput};
use super::{ServiceError, tenants};
use crate::db::repo;
use crate::model::Role;

const DEMO_TENANTS_JSON: &str = include_str!("../../../seeds/demo/tenants.json");
pub const PLATFORM_ADMIN_EMAIL: &str = "platform@malbild.example";

#[derive(Debug, Deserialize)]
struct DemoFile {
    tenants: Vec<DemoTenant>,
}

#[derive(Debug, Deserialize)]
struct DemoTenant {
    slug: String,
    name: String,
    councils: Vec<DemoCouncil>,
}

#[derive(Debug, Deserialize)]
struct DemoCouncil {
    slug: String,
    name: String,
    departments: Vec<String>,
}

/// What seeding did, for the CLI to print.
#[derive(Debug)]
pub struct DemoSeedReport {
    pub tenants: Vec<String>,
    pub logins: Vec<String>,
    /// Set when this run set the demo users' password (given or generated).
    pub password: Option<String>,
}

/// Creates what is missing; sets every demo user's password when `password` is given, or
/// generates one when some demo user is new. Existing data is left alone otherwise.
pub async fn seed(db: &DatabaseConnection, password: Option<String>) -> Result<DemoSeedReport, ServiceError> {
    let file: DemoFile = serde_json::from_str(DEMO_TENANTS_JSON)
        .map_err(|e| ServiceError::invalid("seeds/demo/tenants.json", e.to_string()))?;
    let mut logins = Vec::new();
    let mut scopes = Vec::new();
    for tenant in &file.tenants {
        let scope = match tenants::operator_scope(db, &tenant.slug).await {
            Ok(scope) => scope,
            Err(ServiceError::NotFound) => tenants::create(db, &tenant.slug, &tenant.name, "seed").await?,
            Err(other) => return Err(other),
        };
        for council in &tenant.councils {
            let departments: Vec<&str> = council.departments.iter().map(String::as_str).collect();
            tenants::ensure_council(db, scope, &council.slug, &council.name, &departments).await?;
        }
        for role in Role::ALL {
            logins.push(format!("{}@{}.example", role.as_str(), tenant.slug));
        }
        scopes.push((scope, tenant.slug.as_str()));
    }
    logins.push(PLATFORM_ADMIN_EMAIL.to_owned());

    let mut missing = repo::platform_admins::find_by_email(db, PLATFORM_ADMIN_EMAIL)
        .await?
        .is_none();
    for (scope, slug) in &scopes {
        for role in Role::ALL {
            let email = format!("{}@{slug}.example", role.as_str());
            missing |= repo::users::find_by_email(db, *scope, &email).await?.is_none();
        }
    }
    let password = match password {
        Some(given) => Some(given),
        None if missing => Some(generate_password()),
        None => None,
    };
    if let Some(password) = &password {
        for (scope, slug) in &scopes {
            for role in Role::ALL {
                let email = format!("{}@{slug}.example", role.as_str());
                let name = format!("Demo {}", role_name(role));
                let input = NewUserInput {
                    email: &email,
                    name: &name,
                    role,
                    password,
                    is_demo: true,
                };
                users::create_or_update(db, *scope, input, true, "seed").await?;
            }
        }
        users::create_or_update_platform_admin(
            db,
            PLATFORM_ADMIN_EMAIL,
            "Demo plattformsadministratör",
            password,
            true,
        )
        .await?;
    }
    Ok(DemoSeedReport {
        tenants: file.tenants.into_iter().map(|t| t.slug).collect(),
        logins,
        password,
    })
}

fn role_name(role: Role) -> &'static str {
    match role {
        Role::Admin => "administratör",
        Role::Editor => "redigerare",
        Role::Viewer => "läsare",
    }
}

/// 20 characters from an alphabet without look-alikes (no 0/O, 1/l/I).
fn generate_password() -> String {
    use rand::Rng;
    const ALPHABET: &[u8] = b"abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut rng = rand::rngs::OsRng;
    (0..20)
        .map(|_| ALPHABET[rng.gen_range(0..ALPHABET.len())] as char)
        .collect()
}

/// Whether any demo account exists (a production start refuses then).
pub async fn demo_accounts_present(db: &DatabaseConnection) -> Result<bool, ServiceError> {
    Ok(repo::users::count_demo(db).await? > 0 || repo::platform_admins::count_demo(db).await? > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_file_parses_and_names_are_swedish() {
        let file: DemoFile = serde_json::from_str(DEMO_TENANTS_JSON).expect("demo file parses");
        let names: Vec<&str> = file.tenants.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["Norrtälje kommun", "Södertälje kommun"]);
        assert!(
            file.tenants[1].councils[0]
                .departments
                .iter()
                .any(|d| d == "Första linjens stöd")
        );
    }

    #[test]
    fn generated_passwords_are_long_and_unambiguous() {
        let p = generate_password();
        assert_eq!(p.len(), 20);
        assert!(!p.contains(['0', 'O', '1', 'l', 'I']));
        assert_ne!(p, generate_password());
    }
}
