#!/usr/bin/env bash
# One release server under sustained load, looking for requests that never finish: wrk at
# 64 connections cycles through the login page, the tenant home, a plan page, its follow-up
# page and an admin page for a fixed time, with a 10 s timeout per request, once per tokio
# worker-thread count (1, 2 and the default). Every answer must be a 200 holding a whole
# HTML document. Prints requests, timeouts and incomplete answers per run; exits non-zero
# if any request timed out or came back incomplete.
# Usage: scripts/load.sh [seconds per run, default 80: over 50 000 requests on one worker thread]
set -euo pipefail
source "$(dirname "$0")/lib/env.sh"
cd "$MALBILD_ROOT"
duration="${1:-80}"
[ -x target/release/malbild ] || scripts/build.sh
command -v wrk >/dev/null || scripts/setup.sh

password=load-password-1234
addr=127.0.0.1:3901
work="$(mktemp -d)"
server_pid=
cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
    rm -rf "$work"
    return 0
}
trap cleanup EXIT

cat >"$work/cycle.lua" <<'LUA'
-- Cycles through LOAD_PATHS; counts answers that are not a 200 with a whole document.
local paths = {}
for p in string.gmatch(os.getenv("LOAD_PATHS"), "[^ ]+") do paths[#paths + 1] = p end
local cookie = os.getenv("LOAD_COOKIE")
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init() i = 0; incomplete = 0 end
function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i], { ["Cookie"] = cookie, ["Accept"] = "text/html" })
end
function response(status, headers, body)
  if status ~= 200 or not string.find(body, "</html>", 1, true) then incomplete = incomplete + 1 end
end
function done(summary, latency, requests)
  local incomplete = 0
  for _, thread in ipairs(threads) do incomplete = incomplete + thread:get("incomplete") end
  io.write(string.format("LOAD requests=%d timeouts=%d incomplete=%d p50=%.1fms p99=%.1fms max=%.1fms\n",
    summary.requests, summary.errors.timeout, incomplete,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
LUA

export DATABASE_URL="sqlite://$work/load.sqlite3?mode=rwc" MALBILD_DEMO_PASSWORD="$password" MALBILD_ADDR="$addr" RUST_LOG=warn
target/release/malbild seed --demo >/dev/null
failed=0
printf '%-16s %9s %9s %11s %9s %9s %9s\n' "worker threads" requests timeouts incomplete p50 p99 max
for threads in 1 2 default; do
    if [ "$threads" = default ]; then unset TOKIO_WORKER_THREADS; else export TOKIO_WORKER_THREADS="$threads"; fi
    target/release/malbild serve >"$work/server.log" 2>&1 &
    server_pid=$!
    for _ in $(seq 100); do curl -sf -o /dev/null "http://$addr/login" && break; sleep 0.1; done
    cookie="$(curl -sf -c - -o /dev/null -H 'content-type: application/json' \
        -d "{\"tenant\":\"norrtalje\",\"email\":\"admin@norrtalje.example\",\"password\":\"$password\"}" \
        "http://$addr/api/v1/auth/login" | awk '$6 == "malbild_session" { print "malbild_session=" $7 }')"
    plan="$(curl -sf -H "Cookie: $cookie" "http://$addr/api/v1/tenants/norrtalje/plans" |
        python3 -c 'import json, sys; print("/planer/" + json.load(sys.stdin)[0]["id"])')"
    export LOAD_COOKIE="$cookie"
    export LOAD_PATHS="/login / $plan $plan/uppfoljning?manad=2026-10 /admin/malstruktur"
    line="$(wrk -t2 -c64 -d"${duration}s" --timeout 10s -s "$work/cycle.lua" "http://$addr" | grep '^LOAD ')"
    # shellcheck disable=SC2086
    eval "$(tr ' ' '\n' <<<"${line#LOAD }" | sed 's/^/local_/')"
    printf '%-16s %9s %9s %11s %9s %9s %9s\n' "$threads" "$local_requests" "$local_timeouts" \
        "$local_incomplete" "$local_p50" "$local_p99" "$local_max"
    [ "$local_timeouts" = 0 ] && [ "$local_incomplete" = 0 ] || failed=1
    kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=
done
exit "$failed"
