//! `malbild seed --demo`: the demo tenants from the seed files in `seeds/demo/` (their
//! councils, departments, goal levels and plans) and their demo users.

use sea_orm::{DatabaseConnection, TransactionTrait};

use super::users::{self, NewUserInput};
use super::{ServiceError, tenants};
use crate::db::repo;
use crate::exchange::{self, ImportSummary, seed, validate};
use crate::model::Role;

pub const PLATFORM_ADMIN_EMAIL: &str = "platform@malbild.example";

/// What seeding did, for the CLI to print.
#[derive(Debug)]
pub struct DemoSeedReport {
    pub tenants: Vec<String>,
    /// Tenants whose plans this run loaded, with what was written.
    pub loaded: Vec<(String, ImportSummary)>,
    pub logins: Vec<String>,
    /// Set when this run set the demo users' password (given or generated).
    pub password: Option<String>,
}

/// Creates what is missing; sets every demo user's password when `password` is given, or
/// generates one when some demo user is new. A tenant that already has plans is left alone.
/// Every seed file is checked before anything is written.
pub async fn seed(db: &DatabaseConnection, password: Option<String>) -> Result<DemoSeedReport, ServiceError> {
    let documents = seed::read(seed::DEMO_FILES).map_err(ServiceError::Rejected)?;
    let problems: Vec<_> = documents.iter().flat_map(validate::document).collect();
    if !problems.is_empty() {
        return Err(ServiceError::Rejected(problems));
    }
    let mut logins = Vec::new();
    let mut scopes = Vec::new();
    let mut loaded = Vec::new();
    for doc in &documents {
        let slug = doc.tenant.slug.as_str();
        let txn = db.begin().await?;
        let scope = match tenants::operator_scope(&txn, slug).await {
            Ok(scope) => scope,
            Err(ServiceError::NotFound) => tenants::create(&txn, slug, &doc.tenant.name, "seed").await?,
            Err(other) => return Err(other),
        };
        if !super::tenant_document::has_plan_data(&txn, scope).await? {
            loaded.push((
                slug.to_owned(),
                exchange::import::write(&txn, scope, doc, "seed").await?,
            ));
        }
        txn.commit().await?;
        for role in Role::ALL {
            logins.push(format!("{}@{slug}.example", role.as_str()));
        }
        scopes.push((scope, slug));
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
        tenants: documents.iter().map(|d| d.tenant.slug.clone()).collect(),
        loaded,
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
    fn demo_seeds_read_and_validate_and_names_are_swedish() {
        let documents = seed::read(seed::DEMO_FILES).expect("demo seeds read");
        for doc in &documents {
            assert_eq!(validate::document(doc), [], "{}", doc.tenant.slug);
        }
        let names: Vec<&str> = documents.iter().map(|d| d.tenant.name.as_str()).collect();
        assert_eq!(names, ["Norrtälje kommun", "Södertälje kommun"]);
        assert!(
            (documents[1].councils.iter().find(|c| c.slug == "socialnamnden"))
                .expect("Socialnämnden")
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
