#!/usr/bin/env bash
# Throughput and tail latency of the release build, measured with wrk over loopback: the
# tenant home page, the council page, the follow-up page of Norrtälje's plan and the
# council's economy and monthly pages (signed in) on SQLite and on PostgreSQL, and static
# assets; then the time to import a 100 000-row outcome CSV and a 2 000 000-row ledger.
# Usage: scripts/bench.sh [seconds per run, default 10]. Needs a local PostgreSQL for the
# Postgres row (MALBILD_BENCH_POSTGRES, default postgres://postgres@127.0.0.1:5432).
set -euo pipefail
source "$(dirname "$0")/lib/env.sh"
cd "$MALBILD_ROOT"
duration="${1:-10}"
[ -x target/release/malbild ] || scripts/build.sh
command -v wrk >/dev/null || scripts/setup.sh

password=bench-password-1234
work="$(mktemp -d)"
server_pid=
cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
    rm -rf "$work"
    return 0
}
trap cleanup EXIT

start_server() { # $1 = DATABASE_URL
    export DATABASE_URL="$1" MALBILD_DEMO_PASSWORD="$password" MALBILD_ADDR=127.0.0.1:3900 RUST_LOG=warn
    target/release/malbild seed --demo >/dev/null
    target/release/malbild serve >"$work/server.log" 2>&1 &
    server_pid=$!
    for _ in $(seq 50); do curl -sf -o /dev/null http://127.0.0.1:3900/login && return; sleep 0.1; done
    echo "server did not start" >&2; cat "$work/server.log" >&2; exit 1
}

stop_server() { kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=; }

session_cookie() {
    curl -sf -c - -o /dev/null -H 'content-type: application/json' \
        -d "{\"tenant\":\"norrtalje\",\"email\":\"viewer@norrtalje.example\",\"password\":\"$password\"}" \
        http://127.0.0.1:3900/api/v1/auth/login | awk '$6 == "malbild_session" { print "malbild_session=" $7 }'
}

measure() { # $1 = label, rest = wrk args; $connections (default 32) connections
    local label="$1"; shift
    local out
    out="$(wrk -t2 -c"${connections:-32}" -d"${duration}s" --latency "$@")"
    local rps p50 p99 errors
    rps="$(awk '/^Requests\/sec/ { print $2 }' <<<"$out")"
    p50="$(awk '$1 == "50%" { print $2 }' <<<"$out")"
    p99="$(awk '$1 == "99%" { print $2 }' <<<"$out")"
    errors="$(awk '/Non-2xx/ { print $NF }' <<<"$out")"
    printf '%-34s %12s %10s %10s %s\n' "$label" "$rps" "$p50" "$p99" "${errors:+non-2xx: $errors}"
}

plan_path() { # the Norrtälje 2026–2028 plan's page
    curl -sf -H "Cookie: $cookie" http://127.0.0.1:3900/api/v1/tenants/norrtalje/plans |
        python3 -c 'import json, sys; print(next("/planer/" + p["id"] for p in json.load(sys.stdin) if p["name"] == "Verksamhetsplan 2026–2028"))'
}

measure_plan() { # $1 = database label. Then at lower concurrency: the latency of the page
    # itself, without 32 requests queueing on two cores.
    local plan connections
    plan="$(plan_path)"
    measure "council page (plan), $1" -H "Cookie: $cookie" -H 'Accept: text/html' "http://127.0.0.1:3900$plan"
    measure "  … as Chromium asks (zstd)" -H "Cookie: $cookie" -H 'Accept: text/html' -H 'Accept-Encoding: gzip, deflate, br, zstd' "http://127.0.0.1:3900$plan"
    measure "  … brotli" -H "Cookie: $cookie" -H 'Accept: text/html' -H 'Accept-Encoding: br' "http://127.0.0.1:3900$plan"
    measure "  … gzip" -H "Cookie: $cookie" -H 'Accept: text/html' -H 'Accept-Encoding: gzip' "http://127.0.0.1:3900$plan"
    for connections in 4 8 16; do
        measure "  … with $connections connections" -H "Cookie: $cookie" -H 'Accept: text/html' "http://127.0.0.1:3900$plan"
    done
}

measure_follow_up() { # $1 = database label: the follow-up dashboard at October 2026
    local page connections
    page="$(plan_path)/uppfoljning?manad=2026-10"
    for connections in 8 32; do
        measure "follow-up page, $1, c$connections" -H "Cookie: $cookie" -H 'Accept: text/html' "http://127.0.0.1:3900$page"
    done
}

# 100 000 outcome rows over Södertälje's monthly indicators: every month from 2000 on,
# for each gender, as a controller's export would look (semicolons, decimal commas).
outcome_csv() {
    target/release/malbild export --tenant sodertalje | python3 -c '
import json, sys
doc = json.load(sys.stdin)
codes = [i["code"] for p in doc["plans"] for i in p["content"]["indicators"] if i["periodicity"] == "month"]
print("indicator;period;value;gender")
n = 0
for code in codes:
    for month in range(12 * 200):
        for gender in "TKM":
            if n == 100000:
                sys.exit()
            print(f"{code};{2000 + month // 12}-{month % 12 + 1:02};{(n % 997) / 10:.1f}".replace(".", ",") + f";{gender}")
            n += 1
' >"$work/outcomes.csv"
}

measure_economy() { # $1 = database label: Socialnämnden's economy and its months, c16
    local connections=16
    measure "economy page, $1, c16" -H "Cookie: $cookie" -H 'Accept: text/html' http://127.0.0.1:3900/ekonomi/socialnamnden
    measure "monthly page, $1, c16" -H "Cookie: $cookie" -H 'Accept: text/html' \
        "http://127.0.0.1:3900/ekonomi/socialnamnden/manader?ar=2025"
}

# A year of a large municipality's ledger: 2 000 000 rows over Norrtälje's verksamheter and
# departments, twelve months, accounts of classes 3 to 7, as a Swedish export looks
# (semicolons, decimal commas, ledger signs).
ledger_csv() {
    python3 - "$work/ledger.csv" <<'PY'
import random, sys
units = ["Nämnd- och styrelseverksamhet", "Övrig politisk verksamhet", "Institutionsvård vuxna",
         "Institutionsvård barn och unga", "Familjehemsvård barn och unga", "Öppna insatser vuxna",
         "Öppna insatser barn och unga", "Övriga insatser till vuxna", "Ekonomiskt bistånd",
         "Familjerätt och familjerådgivning", "Gemensamma verksamheter", "Flyktingmottagande",
         "Arbetsmarknadsåtgärder", "Bostadsverksamhet", "Barn och unga", "Vuxna", "Förvaltningsledning"]
random.seed(7)
with open(sys.argv[1], "w") as out:
    out.write("Period;Ansvar;Konto;Kontotext;Belopp\n")
    for n in range(2_000_000):
        account = random.choice((3010, 3510, 4010, 4610, 5010, 5110, 6410, 7010))
        amount = random.randint(100, 5_000_000) * (-1 if account < 4000 else 1)
        out.write(f"2025-{n % 12 + 1:02};{units[n % len(units)]};{account};Konto {account};{amount // 100},{amount % 100:02}\n")
PY
}

time_ledger_import() { # $1 = label
    local start end
    start="$(date +%s.%N)"
    target/release/malbild ledger import --tenant norrtalje "$work/ledger.csv" >"$work/ledger.log" 2>&1 ||
        { cat "$work/ledger.log" >&2; exit 1; }
    end="$(date +%s.%N)"
    printf '%-34s %12s %10s\n' "$1" "$(( $(wc -l <"$work/ledger.csv") - 1 )) rows" "$(printf '%.2f s' "$(echo "$end - $start" | bc)")"
}

time_import() { # $1 = label
    local start end
    start="$(date +%s.%N)"
    target/release/malbild outcomes import --tenant sodertalje "$work/outcomes.csv" >"$work/import.log" 2>&1 ||
        { cat "$work/import.log" >&2; exit 1; }
    end="$(date +%s.%N)"
    printf '%-34s %12s %10s\n' "$1" "$(wc -l <"$work/outcomes.csv") lines" "$(printf '%.2f s' "$(echo "$end - $start" | bc)")"
}

# What a first visit downloads, as a browser accepting brotli gets it: the page's HTML plus
# the stylesheet, JS and wasm it links (cached afterwards for a year).
first_load_bytes() {
    local plan assets path html
    plan="$(plan_path)"
    assets=0
    for f in target/site/pkg/malbild.*.css.br target/site/pkg/malbild.*.js.br target/site/pkg/malbild.*_bg.wasm.br; do
        assets=$(( assets + $(stat -c %s "$f") ))
    done
    printf '%-34s %12s %12s %12s\n' "first load (brotli)" "html" "+ assets" "total"
    for path in /login / "$plan" "$plan/uppfoljning?manad=2026-10" /admin/malstruktur; do
        # A viewer gets the admin page's refusal: still a first load.
        html="$(curl -s -H "Cookie: $cookie" -H 'Accept-Encoding: br' -o /dev/null -w '%{size_download}' "http://127.0.0.1:3900$path")"
        printf '%-34s %12s %12s %12s\n' "  ${path:0:32}" "$html" "$assets" "$(( html + assets ))"
    done
}

start_server "sqlite://$work/bench.sqlite3?mode=rwc"
cookie="$(session_cookie)"
first_load_bytes
printf '%-34s %12s %10s %10s\n' "target (wrk -t2 -c32, ${duration}s)" "req/s" "p50" "p99"
measure "tenant home, SQLite" -H "Cookie: $cookie" -H 'Accept: text/html' http://127.0.0.1:3900/
measure_plan "SQLite"
measure_follow_up "SQLite"
stop_server
ledger_csv
time_ledger_import "import 2 000 000 ledger rows, SQLite"
start_server "sqlite://$work/bench.sqlite3?mode=rwc"
cookie="$(session_cookie)"
measure_economy "SQLite"
css="$(basename "$(ls target/site/pkg/malbild.*.css)")"
wasm="$(basename "$(ls target/site/pkg/malbild.*_bg.wasm)")"
measure "static $css" http://127.0.0.1:3900/pkg/"$css"
measure "static wasm bundle (br)" -H 'Accept-Encoding: br' http://127.0.0.1:3900/pkg/"$wasm"
stop_server
outcome_csv
time_import "import 100 000 outcomes, SQLite"

pg="${MALBILD_BENCH_POSTGRES:-postgres://postgres@127.0.0.1:5432}"
if pg_isready -q -h 127.0.0.1; then
    db="malbild_bench_$$"
    psql "$pg/postgres" -qc "CREATE DATABASE $db"
    start_server "$pg/$db"
    cookie="$(session_cookie)"
    measure "tenant home, PostgreSQL" -H "Cookie: $cookie" -H 'Accept: text/html' http://127.0.0.1:3900/
    measure_plan "PostgreSQL"
    measure_follow_up "PostgreSQL"
    stop_server
    time_ledger_import "import 2 000 000 ledger rows, PostgreSQL"
    start_server "$pg/$db"
    cookie="$(session_cookie)"
    measure_economy "PostgreSQL"
    stop_server
    time_import "import 100 000 outcomes, PostgreSQL"
    psql "$pg/postgres" -qc "DROP DATABASE $db"
else
    echo "PostgreSQL not reachable: skipped the Postgres row" >&2
fi
