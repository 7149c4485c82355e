//! The `malbild` command line as an operator uses it: a process, arguments, stdin, exit code.

use std::io::Write;
use std::process::{Command, Output, Stdio};

struct Cli {
    dir: tempfile::TempDir,
}

impl Cli {
    fn new() -> Cli {
        Cli {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    fn run(&self, args: &[&str], stdin: &str, env: &[(&str, &str)]) -> Output {
        let url = format!("sqlite://{}?mode=rwc", self.dir.path().join("cli.sqlite3").display());
        let mut child = Command::new(env!("CARGO_BIN_EXE_malbild"))
            .args(args)
            .env_clear()
            .env("DATABASE_URL", url)
            .env("RUST_LOG", "warn")
            .envs(env.iter().copied())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn malbild");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(stdin.as_bytes())
            .expect("write stdin");
        child.wait_with_output().expect("wait")
    }
}

fn text(out: &[u8]) -> String {
    String::from_utf8_lossy(out).into_owned()
}

#[test]
fn seed_demo_generates_a_password_once_then_leaves_it() {
    let cli = Cli::new();
    let first = cli.run(&["seed", "--demo"], "", &[]);
    assert!(first.status.success(), "{}", text(&first.stderr));
    let stdout = text(&first.stdout);
    assert!(
        stdout.contains("admin@norrtalje.example") && stdout.contains("platform@malbild.example"),
        "{stdout}"
    );
    assert!(stdout.contains("Password (shown once"), "{stdout}");

    let second = cli.run(&["seed", "--demo"], "", &[]);
    assert!(second.status.success());
    assert!(
        text(&second.stdout).contains("Password: unchanged"),
        "idempotent: no new password"
    );
}

#[test]
fn production_refuses_to_serve_with_demo_users() {
    let cli = Cli::new();
    assert!(
        cli.run(&["seed", "--demo"], "", &[("MALBILD_DEMO_PASSWORD", "demo-password-1")])
            .status
            .success()
    );
    let out = cli.run(
        &["serve", "--addr", "127.0.0.1:0"],
        "",
        &[("MALBILD_ENV", "production")],
    );
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("demo accounts"), "{}", text(&out.stderr));
}

#[test]
fn tenant_and_user_add_with_the_password_from_stdin() {
    let cli = Cli::new();
    let out = cli.run(
        &["tenant", "add", "--slug", "uppsala", "--name", "Uppsala kommun"],
        "",
        &[],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));

    let args = [
        "user",
        "add",
        "--tenant",
        "uppsala",
        "--email",
        "eva@uppsala.se",
        "--role",
        "editor",
    ];
    let out = cli.run(&args, "a long enough password\n", &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("eva@uppsala.se (editor) added to uppsala"));

    // The same e-mail again is refused, and an empty stdin is a clear error.
    let again = cli.run(&args, "another long password\n", &[]);
    assert!(!again.status.success());
    assert!(
        text(&again.stderr).contains("there is already a user with the e-mail address \"eva@uppsala.se\""),
        "{}",
        text(&again.stderr)
    );
    let no_password = cli.run(
        &["user", "add", "--tenant", "uppsala", "--email", "x@uppsala.se"],
        "",
        &[],
    );
    assert!(text(&no_password.stderr).contains("no password on standard input"));

    let bad_role = cli.run(
        &[
            "user",
            "add",
            "--tenant",
            "uppsala",
            "--email",
            "y@uppsala.se",
            "--role",
            "owner",
        ],
        "pw\n",
        &[],
    );
    assert!(text(&bad_role.stderr).contains("--role must be viewer, editor or admin"));

    let unknown_tenant = cli.run(
        &["user", "add", "--tenant", "nowhere", "--email", "z@x.se"],
        "a long enough password\n",
        &[],
    );
    assert!(!unknown_tenant.status.success());
    assert!(
        text(&unknown_tenant.stderr).contains("tenant 'nowhere'"),
        "{}",
        text(&unknown_tenant.stderr)
    );
}

#[test]
fn export_then_import_under_another_slug_then_export_again_is_identical() {
    let cli = Cli::new();
    assert!(cli.run(&["seed", "--demo"], "", &[]).status.success());
    let file = cli.dir.path().join("norrtalje.json");
    let file = file.to_str().expect("utf-8 path");
    let export = cli.run(&["export", "--tenant", "norrtalje", "--output", file], "", &[]);
    assert!(export.status.success(), "{}", text(&export.stderr));

    let import = cli.run(&["import", file, "--as", "norrtalje-kopia"], "", &[]);
    assert!(import.status.success(), "{}", text(&import.stderr));
    assert!(
        text(&import.stdout).starts_with("imported 2 plans"),
        "{}",
        text(&import.stdout)
    );

    let again = cli.run(&["export", "--tenant", "norrtalje-kopia"], "", &[]);
    assert!(again.status.success(), "{}", text(&again.stderr));
    let original = std::fs::read_to_string(file).expect("export file");
    let copy = text(&again.stdout).replacen("\"slug\": \"norrtalje-kopia\"", "\"slug\": \"norrtalje\"", 1);
    assert_eq!(original, copy);

    let twice = cli.run(&["import", file, "--as", "norrtalje-kopia"], "", &[]);
    assert!(!twice.status.success());
    assert!(
        text(&twice.stderr).contains("already has goal levels or plans"),
        "{}",
        text(&twice.stderr)
    );
}

#[test]
fn import_lists_every_problem_and_writes_nothing() {
    let cli = Cli::new();
    assert!(cli.run(&["seed", "--demo"], "", &[]).status.success());
    let exported = cli.run(&["export", "--tenant", "sodertalje"], "", &[]);
    let mut doc: serde_json::Value = serde_json::from_slice(&exported.stdout).expect("json");
    doc["plans"][0]["content"]["indicators"][0]["goal"] = "99".into();
    doc["plans"][0]["content"]["indicators"][1]["decimals"] = 12.into();
    let file = cli.dir.path().join("bad.json");
    std::fs::write(&file, doc.to_string()).expect("write");
    let out = cli.run(&["import", file.to_str().expect("path"), "--as", "ny"], "", &[]);
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(err.contains("2 problem(s), nothing was written"), "{err}");
    assert!(err.contains("Goal: \"99\" is not a goal of the plan"), "{err}");
    assert!(err.contains("decimals: may be at most 6, but is 12"), "{err}");
    let again = cli.run(&["export", "--tenant", "ny"], "", &[]);
    assert!(!again.status.success(), "the tenant was not created");
}

#[test]
fn assess_prints_each_goal_and_indicator_with_its_verdict_as_json() {
    let cli = Cli::new();
    assert!(cli.run(&["seed", "--demo"], "", &[]).status.success());
    let out = cli.run(
        &[
            "assess",
            "--tenant",
            "sodertalje",
            "--council",
            "socialnamnden",
            "--period",
            "2025-10",
        ],
        "",
        &[],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let verdicts: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).expect("a JSON array");
    let goal = verdicts
        .iter()
        .find(|v| v["kind"] == "goal" && v["code"] == "5")
        .expect("nämndmål 5");
    assert!(["green", "yellow", "red", "grey"].contains(&goal["verdict"].as_str().unwrap()));
    assert!(
        goal["explanation"].as_str().unwrap().starts_with("Regel: minst 3 av 5"),
        "{goal}"
    );
    assert!(
        verdicts
            .iter()
            .any(|v| v["kind"] == "indicator" && v["code"] == "budgetfoljsamhet")
    );

    let bad = cli.run(&["assess", "--tenant", "sodertalje", "--period", "oktober"], "", &[]);
    assert!(!bad.status.success());
    assert!(
        text(&bad.stderr).contains("is not a month; write it YYYY-MM"),
        "{}",
        text(&bad.stderr)
    );
}

#[test]
fn budget_prints_a_councils_year_as_json_with_its_unit() {
    let cli = Cli::new();
    assert!(cli.run(&["seed", "--demo"], "", &[]).status.success());
    let args = [
        "budget",
        "--tenant",
        "norrtalje",
        "--council",
        "socialnamnden",
        "--year",
        "2024",
    ];
    let out = cli.run(&args, "", &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let year: serde_json::Value = serde_json::from_slice(&out.stdout).expect("a JSON object");
    assert_eq!(
        (year["unit"].as_str(), year["year"].as_i64()),
        (Some("tkr"), Some(2024))
    );
    // 003's full-year budget against the outcome the split by verksamhet prints (001).
    assert_eq!(year["summary"]["budget"]["value"], "-342880");
    assert_eq!(year["summary"]["outcome"]["value"], "-357046");
    assert_eq!(year["summary"]["adherence_percent"], "-4.13");
    let checks = year["economy"]["findings"].as_array().expect("findings");
    assert!(
        checks
            .iter()
            .any(|f| f["check"] == "income_and_costs" && f["found"] == "-415390"),
        "the misprinted net of 2024 is reported: {checks:?}"
    );

    let bad = cli.run(
        &["budget", "--tenant", "norrtalje", "--council", "nope", "--year", "2024"],
        "",
        &[],
    );
    assert!(!bad.status.success());
    let month = cli.run(
        &[
            "budget",
            "--tenant",
            "norrtalje",
            "--council",
            "socialnamnden",
            "--year",
            "2024",
            "--month",
            "13",
        ],
        "",
        &[],
    );
    assert!(!month.status.success());
    assert!(
        text(&month.stderr).contains("is not a month"),
        "{}",
        text(&month.stderr)
    );
}
