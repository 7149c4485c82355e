//! The schema meets the rules of a distributed Postgres (Citus) in which every
//! tenant-owned table is distributed by `tenant_id` and the few tables without it are
//! reference tables (copied to every node): every primary key and unique constraint of a
//! distributed table includes `tenant_id`, every foreign key between distributed tables
//! joins on `tenant_id`, and no reference table points into a distributed one. Read from
//! the migrated database itself: PostgreSQL's catalogue, or SQLite's pragmas by default.
//! docs/DEPLOYMENT.md says how to distribute the tables.

use std::collections::BTreeMap;

use sea_orm::{ConnectionTrait, DatabaseBackend, DatabaseConnection, Statement};

use crate::common::TestApp;

/// The tables without `tenant_id`: the tenants themselves, who administers the platform,
/// login throttling, and the migrations' own bookkeeping.
const REFERENCE_TABLES: [&str; 4] = ["tenants", "platform_admins", "login_failures", "seaql_migrations"];
const DISTRIBUTION_COLUMN: &str = "tenant_id";

#[derive(Debug, Default)]
struct Table {
    columns: Vec<String>,
    /// The primary key and every unique index, each as its columns.
    unique_keys: BTreeMap<String, Vec<String>>,
    foreign_keys: BTreeMap<String, ForeignKey>,
}

#[derive(Debug, Default)]
struct ForeignKey {
    target: String,
    /// (column, target column) in order.
    pairs: Vec<(String, String)>,
}

type Schema = BTreeMap<String, Table>;

/// Every way `schema` breaks the rules, one line each.
fn violations(schema: &Schema) -> Vec<String> {
    let distributed = |name: &str| !REFERENCE_TABLES.contains(&name);
    let mut found = Vec::new();
    for (name, table) in schema {
        let has_tenant = table.columns.iter().any(|c| c == DISTRIBUTION_COLUMN);
        if !distributed(name) {
            if has_tenant {
                found.push(format!("{name} has tenant_id but is listed as a reference table"));
            }
            for (fk, key) in &table.foreign_keys {
                if distributed(&key.target) {
                    found.push(format!("reference table {name} points into {} ({fk})", key.target));
                }
            }
            continue;
        }
        if !has_tenant {
            found.push(format!("{name} has no tenant_id to be distributed by"));
            continue;
        }
        if table.unique_keys.is_empty() {
            found.push(format!("{name} has no primary key"));
        }
        for (key, columns) in &table.unique_keys {
            if !columns.iter().any(|c| c == DISTRIBUTION_COLUMN) {
                found.push(format!(
                    "{name}: unique key {key} ({}) lacks tenant_id",
                    columns.join(", ")
                ));
            }
        }
        for (fk, key) in &table.foreign_keys {
            let joins_on_tenant = key
                .pairs
                .iter()
                .any(|(from, to)| from == DISTRIBUTION_COLUMN && to == DISTRIBUTION_COLUMN);
            let into_tenants = key.target == "tenants" && key.pairs == [(DISTRIBUTION_COLUMN.into(), "id".into())];
            if distributed(&key.target) && !joins_on_tenant {
                found.push(format!(
                    "{name}: foreign key {fk} into {} does not join on tenant_id",
                    key.target
                ));
            } else if !distributed(&key.target) && key.target == "tenants" && !into_tenants {
                found.push(format!("{name}: foreign key {fk} into tenants is not tenant_id → id"));
            }
        }
    }
    found
}

async fn rows(db: &DatabaseConnection, sql: &str) -> Vec<sea_orm::QueryResult> {
    db.query_all(Statement::from_string(db.get_database_backend(), sql))
        .await
        .expect(sql)
}

fn text(row: &sea_orm::QueryResult, column: &str) -> String {
    row.try_get::<String>("", column).expect(column)
}

/// The schema as the database reports it. Each query returns (table, key, column[, target,
/// target column]) rows in key order.
async fn read_schema(db: &DatabaseConnection) -> Schema {
    let (columns, unique, foreign) = match db.get_database_backend() {
        DatabaseBackend::Postgres => (
            "SELECT table_name::text AS t, column_name::text AS c FROM information_schema.columns \
             WHERE table_schema = 'public'",
            "SELECT t.relname::text AS t, i.relname::text AS k, a.attname::text AS c \
             FROM pg_index x JOIN pg_class t ON t.oid = x.indrelid JOIN pg_class i ON i.oid = x.indexrelid \
             JOIN pg_namespace n ON n.oid = t.relnamespace \
             CROSS JOIN LATERAL unnest(x.indkey::int2[]) WITH ORDINALITY AS u(attnum, ord) \
             JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = u.attnum \
             WHERE n.nspname = 'public' AND x.indisunique ORDER BY 1, 2, u.ord",
            "SELECT t.relname::text AS t, c.conname::text AS k, a.attname::text AS c, \
             f.relname::text AS target, b.attname::text AS tc \
             FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class f ON f.oid = c.confrelid \
             JOIN pg_namespace n ON n.oid = t.relnamespace \
             CROSS JOIN LATERAL unnest(c.conkey, c.confkey) WITH ORDINALITY AS u(col, fcol, ord) \
             JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = u.col \
             JOIN pg_attribute b ON b.attrelid = f.oid AND b.attnum = u.fcol \
             WHERE c.contype = 'f' AND n.nspname = 'public' ORDER BY 1, 2, u.ord",
        ),
        DatabaseBackend::Sqlite => (
            "SELECT m.name AS t, p.name AS c FROM sqlite_master m, pragma_table_info(m.name) p \
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'",
            "SELECT m.name AS t, l.name AS k, i.name AS c \
             FROM sqlite_master m, pragma_index_list(m.name) l, pragma_index_info(l.name) i \
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND l.\"unique\" = 1 \
             ORDER BY m.name, l.name, i.seqno",
            "SELECT m.name AS t, CAST(f.id AS TEXT) AS k, f.\"from\" AS c, f.\"table\" AS target, f.\"to\" AS tc \
             FROM sqlite_master m, pragma_foreign_key_list(m.name) f \
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' ORDER BY m.name, f.id, f.seq",
        ),
        other => panic!("no schema reader for {other:?}"),
    };
    let mut schema = Schema::new();
    for row in rows(db, columns).await {
        schema.entry(text(&row, "t")).or_default().columns.push(text(&row, "c"));
    }
    for row in rows(db, unique).await {
        let table = schema.entry(text(&row, "t")).or_default();
        table
            .unique_keys
            .entry(text(&row, "k"))
            .or_default()
            .push(text(&row, "c"));
    }
    for row in rows(db, foreign).await {
        let table = schema.entry(text(&row, "t")).or_default();
        let key = table.foreign_keys.entry(text(&row, "k")).or_default();
        key.target = text(&row, "target");
        key.pairs.push((text(&row, "c"), text(&row, "tc")));
    }
    schema
}

#[tokio::test]
async fn every_tenant_owned_table_can_be_distributed_by_tenant() {
    let app = TestApp::spawn().await;
    let schema = read_schema(&app.db).await;
    for table in [
        "plans",
        "goals",
        "indicator_values",
        "import_jobs",
        "audit_log",
        "sessions",
    ] {
        assert!(
            schema.contains_key(table),
            "{table} read from the database: {:?}",
            schema.keys()
        );
    }
    let goals = &schema["goals"];
    assert!(
        !goals.foreign_keys.is_empty() && !goals.unique_keys.is_empty(),
        "{goals:?}"
    );
    let problems = violations(&schema);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The tables `docs/DEPLOYMENT.md` makes reference tables and distributes, in its order.
fn deployment_guide_tables() -> (Vec<String>, Vec<String>) {
    let guide = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/DEPLOYMENT.md"))
        .expect("docs/DEPLOYMENT.md");
    let start = guide
        .find("SELECT create_reference_table")
        .expect("the Citus statements");
    let block = &guide[start..start + guide[start..].find("```").expect("end of the block")];
    let names = |line: &str| -> Vec<String> { line.split('\'').skip(1).step_by(2).map(str::to_owned).collect() };
    let mut reference = Vec::new();
    let mut distributed = Vec::new();
    for line in block.lines() {
        if line.contains("create_reference_table") {
            reference.extend(names(line));
        } else if !line.contains("colocate_with") {
            distributed.extend(names(line).into_iter().filter(|name| name != "tenant_id"));
        }
    }
    (reference, distributed)
}

/// The guide distributes every tenant-owned table, each after the tables it refers to
/// (Citus wants a foreign key's target distributed first), and makes the rest reference
/// tables.
#[tokio::test]
async fn the_deployment_guide_distributes_every_table_in_an_order_citus_accepts() {
    let app = TestApp::spawn().await;
    let schema = read_schema(&app.db).await;
    let (reference, distributed) = deployment_guide_tables();
    let owned: std::collections::BTreeSet<&String> = (schema.iter())
        .filter(|(_, table)| table.columns.iter().any(|c| c == DISTRIBUTION_COLUMN))
        .map(|(name, _)| name)
        .collect();
    assert_eq!(distributed.iter().collect::<std::collections::BTreeSet<_>>(), owned);
    let global: Vec<&str> = REFERENCE_TABLES
        .into_iter()
        .filter(|t| *t != "seaql_migrations")
        .collect();
    assert_eq!(reference, global);
    for (position, name) in distributed.iter().enumerate() {
        for key in schema[name].foreign_keys.values() {
            let target_position = distributed.iter().position(|t| *t == key.target);
            assert!(
                target_position.is_none_or(|target| target <= position),
                "{name} refers to {} and must come after it",
                key.target
            );
        }
    }
}

#[test]
fn the_rules_catch_what_citus_refuses() {
    let table = |columns: &[&str], unique: &[&[&str]], fks: &[(&str, &[(&str, &str)])]| Table {
        columns: columns.iter().map(|c| c.to_string()).collect(),
        unique_keys: unique
            .iter()
            .enumerate()
            .map(|(i, cols)| (format!("u{i}"), cols.iter().map(|c| c.to_string()).collect()))
            .collect(),
        foreign_keys: fks
            .iter()
            .enumerate()
            .map(|(i, (target, pairs))| {
                let pairs = pairs.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
                (
                    format!("f{i}"),
                    ForeignKey {
                        target: target.to_string(),
                        pairs,
                    },
                )
            })
            .collect(),
    };
    let mut schema = Schema::new();
    schema.insert("tenants".into(), table(&["id", "slug"], &[&["id"], &["slug"]], &[]));
    schema.insert(
        "plans".into(),
        table(
            &["tenant_id", "id"],
            &[&["tenant_id", "id"]],
            &[("tenants", &[("tenant_id", "id")])],
        ),
    );
    assert_eq!(violations(&schema), Vec::<String>::new(), "a well-formed pair");

    schema.insert(
        "goals".into(),
        table(
            &["tenant_id", "id", "code", "plan_id"],
            &[&["tenant_id", "id"], &["code"]],
            &[("plans", &[("plan_id", "id")])],
        ),
    );
    schema.insert("notes".into(), table(&["id"], &[&["id"]], &[]));
    schema.insert(
        "login_failures".into(),
        table(&["id", "plan_id"], &[&["id"]], &[("plans", &[("plan_id", "id")])]),
    );
    assert_eq!(
        violations(&schema),
        [
            "goals: unique key u1 (code) lacks tenant_id",
            "goals: foreign key f0 into plans does not join on tenant_id",
            "reference table login_failures points into plans (f0)",
            "notes has no tenant_id to be distributed by",
        ]
    );
}
