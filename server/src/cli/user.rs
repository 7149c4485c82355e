use std::io::BufRead;

use anyhow::{Context, anyhow, bail};
use clap::Subcommand;

use app::model::Role;
use app::services::{tenants, users};

use crate::config::Config;

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Add a user; the password is the first line of standard input.
    Add {
        /// The tenant's slug (omit with --platform).
        #[arg(long, required_unless_present = "platform", conflicts_with = "platform")]
        tenant: Option<String>,
        #[arg(long)]
        email: String,
        #[arg(long, default_value = "")]
        name: String,
        /// viewer, editor or admin.
        #[arg(long, default_value = "viewer")]
        role: String,
        /// A platform admin, spanning all tenants.
        #[arg(long)]
        platform: bool,
    },
}

pub async fn run(config: &Config, cmd: UserCommand) -> anyhow::Result<()> {
    let UserCommand::Add {
        tenant,
        email,
        name,
        role,
        platform,
    } = cmd;
    let role = Role::parse(&role).ok_or_else(|| anyhow!("--role must be viewer, editor or admin, not '{role}'"))?;
    let name = if name.is_empty() { email.clone() } else { name };
    let password = read_password()?;
    let db = super::connect(config).await?;
    if platform {
        if !users::create_or_update_platform_admin(&db, &email, &name, &password, false).await? {
            bail!("{email} is already a platform admin; its password was updated");
        }
        println!("platform admin {email} added");
    } else {
        let slug = tenant.context("--tenant is required")?;
        let scope = tenants::operator_scope(&db, &slug)
            .await
            .with_context(|| format!("tenant '{slug}'"))?;
        let input = users::NewUserInput {
            email: &email,
            name: &name,
            role,
            password: &password,
            is_demo: false,
        };
        users::create_or_update(&db, scope, input, false, "cli").await?;
        println!("user {email} ({}) added to {slug}", role.as_str());
    }
    Ok(())
}

fn read_password() -> anyhow::Result<String> {
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .context("reading the password from standard input")?;
    let password = line.trim_end_matches(['\r', '\n']).to_owned();
    if password.is_empty() {
        bail!("no password on standard input (pipe it in: `printf '%s\\n' \"$PW\" | malbild user add …`)");
    }
    Ok(password)
}
