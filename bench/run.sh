#!/usr/bin/env bash
# The CSELearning benchmark: publishes the site in Release, serves it over HTTPS on 127.0.0.1 on generated data
# (two sizes, SQLite and PostgreSQL), loads it with wrk and writes every figure, with its goal and pass/miss,
# to bench/results/latest.md. See bench/README.md. Exits non-zero only when something crashes, never because a
# figure misses its goal.
#
#   bench/run.sh [--quick] [--sizes L:E:A,L:E:A] [--duration S] [--connections N] [--no-postgres] [--regenerate]
#                [--no-publish]
#
# Environment (optional): BENCH_POSTGRES  an Npgsql connection string for a role that may create databases;
#                                         without it a local role is made as scripts/test.sh makes its own.
#                         BENCH_PORT      first of the ports to use (default 5200; the next one is used too)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
REPO=$PWD
# The test script's helpers: root/postgres commands, package checks, starting the local PostgreSQL cluster.
# shellcheck source=../scripts/test.sh
source scripts/test.sh
note() { printf '%s\n' "$*"; }
warn() { printf 'bench: %s\n' "$*" >&2; }
die() { printf 'bench: error: %s\n' "$*" >&2; exit 1; }
heading() { printf '\n==== %s ====\n' "$*"; }

# ---------------------------------------------------------------------------
MODE=full
SIZES="5000:100000:10,50000:1000000:40"
DURATION=15
WARMUP=3
CONNECTIONS=32
DASH_COUNT=20
DASH_WARMUP=3
DASH_SECONDS=30
STARTS=3
USE_POSTGRES=1
REGENERATE=0
PUBLISH_SITE=1
SEED=1
while [[ $# -gt 0 ]]; do
    case $1 in
        --quick) MODE=quick; SIZES="300:3000:3,1000:10000:5"; DURATION=4; WARMUP=1; DASH_COUNT=5; DASH_WARMUP=1; DASH_SECONDS=10; STARTS=1; shift ;;
        --sizes) SIZES=$2; shift 2 ;;
        --duration) DURATION=$2; shift 2 ;;
        --connections) CONNECTIONS=$2; shift 2 ;;
        --no-postgres) USE_POSTGRES=0; shift ;;
        --regenerate) REGENERATE=1; shift ;;
        --no-publish) PUBLISH_SITE=0; shift ;;
        -h | --help) sed -n '2,13p' "${BASH_SOURCE[0]}"; exit 0 ;;
        *) die "unknown option $1 (see bench/README.md)" ;;
    esac
done

PORT=${BENCH_PORT:-5200}
START_PORT=$((PORT + 1))
WORK=$REPO/bench/.work                 # publish, cache, keys: kept between runs, never committed
PUBLISH=$WORK/publish
TOOL=$WORK/tool
CACHE=$WORK/cache
RUN=$WORK/run                          # this run's databases, cookies and raw results
RESULTS=$RUN/results.jsonl
FACTS=$RUN/facts.tsv
REPORT=$REPO/bench/results/latest.md
MIGRATION=$(find src/CSELearning.Web/Data/Migrations -maxdepth 1 -name '2*_*.cs' ! -name '*.Designer.cs' -printf '%f\n' | sort | tail -n 1)
MIGRATION=${MIGRATION%%_*}
SERVER_PID=
CACHED=
TARGET=
SITE_ARGS=()
PG_ADMIN=                              # connection string of a role that may create databases
PG_RUN_DBS=()
STARTED=$SECONDS

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1

cleanup() {
    local rc=$?
    stop_server
    local db
    for db in "${PG_RUN_DBS[@]}"; do pg_sql "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true; done
    # Session cookies of this run are of no use afterwards.
    rm -f "$RUN"/*/learners.lua "$RUN"/*/*.cookie 2>/dev/null || true
    exit "$rc"
}
trap cleanup EXIT

# ---------------------------------------------------------------------------
setup_tools() {
    heading "Tools"
    init_privileges
    local missing=() pkg
    for pkg in wrk curl openssl; do command -v "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
    if [[ $USE_POSTGRES -eq 1 && -z ${BENCH_POSTGRES:-} ]] && ! is_installed postgresql; then missing+=(postgresql); fi
    if [[ ${#missing[@]} -gt 0 ]]; then
        note "installing: ${missing[*]}"
        local apt=(env DEBIAN_FRONTEND=noninteractive LC_ALL=C.UTF-8 apt-get -q -o DPkg::Lock::Timeout=300)
        as_root "${apt[@]}" update
        as_root "${apt[@]}" install -y --no-install-recommends "${missing[@]}"
    fi
    command -v dotnet >/dev/null 2>&1 || die "dotnet (the .NET 10 SDK) is not on PATH"
    note "dotnet $(dotnet --version), $(wrk --version 2>&1 | head -n 1)"
}

# Keys made once and kept with the cache: the key ring certificate protects keys stored in the cached
# databases, and the TLS certificate lets Kestrel serve HTTPS as the __Host- cookies require.
setup_keys() {
    mkdir -p "$WORK" "$CACHE"
    local name
    for name in key-ring tls; do
        [[ -f $WORK/$name.pfx ]] && continue
        local password key
        password=$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')
        key=$(mktemp)
        openssl req -x509 -newkey rsa:2048 -sha256 -days 3650 -nodes -subj "/CN=127.0.0.1" \
            -addext "subjectAltName=IP:127.0.0.1" -keyout "$key" -out "$WORK/$name.crt" 2>/dev/null
        openssl pkcs12 -export -inkey "$key" -in "$WORK/$name.crt" -out "$WORK/$name.pfx" -passout "pass:$password"
        rm -f "$key" "$WORK/$name.crt"
        printf '%s' "$password" >"$WORK/$name.password"
        chmod 600 "$WORK/$name.pfx" "$WORK/$name.password"
    done
}

publish() {
    heading "Publish (Release)"
    if [[ $PUBLISH_SITE -eq 0 && -f $PUBLISH/CSELearning.Web.dll && -f $TOOL/CSELearning.Bench.dll ]]; then
        note "reusing the last run's publish (--no-publish)"
        return
    fi
    rm -rf "$PUBLISH" "$TOOL"
    # As the Dockerfile publishes it: precompiled (ReadyToRun) for this platform.
    dotnet publish src/CSELearning.Web/CSELearning.Web.csproj -c Release -p:PublishReadyToRun=true -o "$PUBLISH" -v quiet -nologo
    dotnet publish bench/CSELearning.Bench/CSELearning.Bench.csproj -c Release -o "$TOOL" -v quiet -nologo
}

# ---------------------------------------------------------------------------
pg_sql() { psql_admin -X -q -At -v ON_ERROR_STOP=1 -c "$1"; }
psql_admin() {
    PGPASSWORD=$(conn_value "$PG_ADMIN" Password) PGCONNECT_TIMEOUT=10 psql -h "$(conn_value "$PG_ADMIN" Host Server)" \
        -p "$(p=$(conn_value "$PG_ADMIN" Port); echo "${p:-5432}")" -U "$(conn_value "$PG_ADMIN" Username 'User ID' User)" -d postgres "$@"
}
pg_conn() { sed -E "s/(^|;)[[:space:]]*Database=[^;]*/\1Database=$1/I" <<<"$PG_ADMIN"; }

setup_postgres() {
    [[ $USE_POSTGRES -eq 1 ]] || return 0
    heading "PostgreSQL"
    if [[ -n ${BENCH_POSTGRES:-} ]]; then
        PG_ADMIN=$BENCH_POSTGRES
        [[ $PG_ADMIN == *Database=* ]] || PG_ADMIN="$PG_ADMIN;Database=postgres"
        note "using BENCH_POSTGRES (host $(conn_value "$PG_ADMIN" Host Server))"
    else
        start_postgres
        local password role=cselearning_bench
        password=$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')
        as_postgres psql -X -q -v ON_ERROR_STOP=1 -p "$PG_PORT" -d postgres <<SQL
DO \$\$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$role') THEN CREATE ROLE $role; END IF;
END
\$\$;
ALTER ROLE $role WITH LOGIN CREATEDB PASSWORD '$password';
SQL
        PG_ADMIN="Host=127.0.0.1;Port=$PG_PORT;Username=$role;Password=$password;Database=postgres"
        note "role $role ready (password made for this run)"
    fi
    pg_sql 'SELECT 1' >/dev/null || die "cannot connect to PostgreSQL as the bench role"
}

# ---------------------------------------------------------------------------
# The settings every run of the site gets: Production, HTTPS on loopback (the host it answers to), the bench's keys, and a sign-in rate
# limit raised so that signing in the bench's learners from one address is not refused.
site_env() {
    local db=$1 target=$2
    local env=(ASPNETCORE_ENVIRONMENT=Production
        "DataProtection__CertificatePath=$WORK/key-ring.pfx" "DataProtection__CertificatePassword=$(cat "$WORK/key-ring.password")"
        "Kestrel__Certificates__Default__Path=$WORK/tls.pfx" "Kestrel__Certificates__Default__Password=$(cat "$WORK/tls.password")"
        Security__SignInAttemptsPerWindow=10000 "AllowedHosts=127.0.0.1;localhost"
        "Logging__LogLevel__Default=Warning" "Logging__LogLevel__Microsoft.Hosting.Lifetime=Information")
    if [[ $db == sqlite ]]; then
        env+=(Database__Provider=Sqlite "Database__DataDirectory=$target")
    else
        env+=(Database__Provider=PostgreSql "Database__ConnectionString=$(pg_conn "$target")")
    fi
    printf '%s\n' "${env[@]}"
}

# Runs the published site (a command, or serving when none) with the settings for a database.
site() {
    local db=$1 target=$2; shift 2
    local env=()
    mapfile -t env < <(site_env "$db" "$target")
    (cd "$PUBLISH" && env "${env[@]}" "$@" dotnet CSELearning.Web.dll "${SITE_ARGS[@]}")
}

# The generated partnership for a size, from the cache or made now: sets CACHED to the cached directory/database.
# A cache made before the newest migration is brought up to date by the site's own `migrate` command (as a
# deployment would be) rather than generated again; the older copy is then removed.
ensure_data() {
    local db=$1 learners=$2 events=$3 agencies=$4
    local partnership="l$learners-a$agencies-e$events-s$SEED"
    local key="$partnership-m$MIGRATION" started=$SECONDS reused=true migrated="" target older
    if [[ $db == sqlite ]]; then
        target=$CACHE/sqlite-$key
        [[ $REGENERATE -eq 1 ]] && rm -rf "$target"
        if [[ ! -f $target/cselearning.db ]]; then
            rm -rf "$target.partial"
            older=$(find "$CACHE" -maxdepth 1 -type d -name "sqlite-$partnership-m*" ! -name '*.partial' ! -name "sqlite-$key" -printf '%f\n' | sort | tail -n 1)
            if [[ $REGENERATE -eq 0 && -n $older && -f $CACHE/$older/cselearning.db ]]; then
                migrated=${older##*-m}
                cp -r "$CACHE/$older" "$target.partial"
                SITE_ARGS=(migrate)
                site sqlite "$target.partial" >&2
                mv "$target.partial" "$target"
                rm -rf "${CACHE:?}/$older"
            else
                reused=false
                mkdir -p "$target.partial"
                SITE_ARGS=(generate-data --learners "$learners" --agencies "$agencies" --events "$events" --seed "$SEED")
                site sqlite "$target.partial" >&2
                mv "$target.partial" "$target"
            fi
        fi
    else
        target="bench_${key//-/_}"
        [[ $REGENERATE -eq 1 ]] && pg_sql "DROP DATABASE IF EXISTS $target" >&2
        if [[ -z $(pg_sql "SELECT 1 FROM pg_database WHERE datname = '$target'") ]]; then
            pg_sql "DROP DATABASE IF EXISTS partial_$target" >&2
            older=$(pg_sql "SELECT datname FROM pg_database WHERE datname LIKE 'bench\_${partnership//-/\\_}\_m%' AND datname <> '$target' ORDER BY datname DESC LIMIT 1")
            if [[ $REGENERATE -eq 0 && -n $older ]]; then
                migrated=${older##*_m}
                pg_sql "CREATE DATABASE partial_$target TEMPLATE $older" >&2
                SITE_ARGS=(migrate)
                site pg "partial_$target" >&2
            else
                reused=false
                pg_sql "CREATE DATABASE partial_$target" >&2
                SITE_ARGS=(generate-data --learners "$learners" --agencies "$agencies" --events "$events" --seed "$SEED")
                site pg "partial_$target" >&2
            fi
            # What autovacuum would do soon after a bulk load on a live server: statistics, and the visibility
            # map that lets a report read an index without visiting the rows.
            psql_admin -X -q -v ON_ERROR_STOP=1 -d "partial_$target" -c "VACUUM ANALYZE" >&2
            pg_sql "ALTER DATABASE partial_$target RENAME TO $target" >&2
            [[ -n $migrated ]] && pg_sql "DROP DATABASE IF EXISTS $older" >&2
        fi
    fi
    record data "$learners/$events" "$db" "{\"reused\":$reused,\"migratedFrom\":\"$migrated\",\"seconds\":$((SECONDS - started)),\"agencies\":$agencies,\"seed\":$SEED}"
    CACHED=$target
}

# A copy of the cached data for this run, so the load's writes never reach the cache: sets TARGET to it.
copy_data() {
    local db=$1 cached=$2 name=$3
    if [[ $db == sqlite ]]; then
        rm -rf "${RUN:?}/$name"
        mkdir -p "$RUN/$name"
        cp "$cached"/cselearning.db* "$RUN/$name/"
        TARGET=$RUN/$name
    else
        local copy="run_${name//-/_}"
        pg_sql "DROP DATABASE IF EXISTS $copy" >&2
        pg_sql "CREATE DATABASE $copy TEMPLATE $cached" >&2
        PG_RUN_DBS+=("$copy")
        TARGET=$copy
    fi
}

start_server() {
    local db=$1 target=$2 content=${3:-} log=$4
    local extra=("ASPNETCORE_URLS=https://127.0.0.1:$PORT")
    [[ -n $content ]] && extra+=("Content__Directory=$content")
    SITE_ARGS=()
    local env=()
    mapfile -t env < <(site_env "$db" "$target")
    (cd "$PUBLISH" && exec env "${env[@]}" "${extra[@]}" dotnet CSELearning.Web.dll) >"$log" 2>&1 &
    SERVER_PID=$!
}

# Seconds from now until GET /health answers 200 (fails after 120 s or if the server exits).
wait_ready() {
    local started
    started=$(date +%s.%N)
    while true; do
        if [[ $(curl -sk -o /dev/null -w '%{http_code}' "https://127.0.0.1:$PORT/health" 2>/dev/null || true) == 200 ]]; then
            awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.3f", b - a }'
            return 0
        fi
        kill -0 "$SERVER_PID" 2>/dev/null || return 1
        (( $(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { print (b - a > 120) }') )) && return 1
        sleep 0.05
    done
}

stop_server() {
    [[ -n $SERVER_PID ]] || return 0
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=
}

memory() {
    awk '/^VmRSS/ { rss = $2 } /^VmHWM/ { hwm = $2 } END { printf "{\"rssMb\":%.0f,\"hwmMb\":%.0f}", rss / 1024, hwm / 1024 }' "/proc/$SERVER_PID/status"
}

record() {
    local figure=$1 size=$2 db=$3 data=$4 extra=${5:-}
    printf '{"figure":"%s","size":"%s","db":"%s"%s,"data":%s}\n' "$figure" "$size" "$db" "$extra" "$data" >>"$RESULTS"
}

# Runs wrk for the figure and records the JSON line its script prints.
load() {
    local figure=$1 size=$2 db=$3 connections=$4 threads=$5 url=$6 script=$7; shift 7
    local out
    if [[ $WARMUP -gt 0 ]]; then
        wrk -t "$threads" -c "$connections" -d "${WARMUP}s" --timeout 30s -s "$REPO/bench/wrk/$script" "$url" -- "$@" >/dev/null 2>&1 || true
    fi
    out=$(wrk -t "$threads" -c "$connections" -d "${DURATION}s" --timeout 30s --latency -s "$REPO/bench/wrk/$script" "$url" -- "$@" 2>&1) \
        || die "wrk failed for $figure: $out"
    local json
    json=$(sed -n 's/^BENCH //p' <<<"$out" | tail -n 1)
    [[ -n $json ]] || die "wrk printed no result for $figure: $out"
    note "  $figure: $json"
    record "$figure" "$size" "$db" "$json" ",\"connections\":$connections"
}

# ---------------------------------------------------------------------------
measure() {
    local db=$1 learners=$2 events=$3 agencies=$4
    local size="$learners/$events" name="$db-$learners"
    heading "$db, $learners learners, $events events"
    local target dir=$RUN/$name
    ensure_data "$db" "$learners" "$events" "$agencies"
    copy_data "$db" "$CACHED" "$name"
    target=$TARGET
    mkdir -p "$dir"

    # The learners the load acts as, and a commissioner, with a password made for this run.
    local learner_count=$CONNECTIONS
    BENCH_PASSWORD="bench-$(od -An -N18 -tx1 /dev/urandom | tr -d ' \n')"
    export BENCH_PASSWORD
    SITE_ARGS=(enable-sign-in --seed "$SEED" --learners "$learner_count" --password-env BENCH_PASSWORD)
    site "$db" "$target" >/dev/null

    start_server "$db" "$target" "" "$dir/server.log"
    wait_ready >/dev/null || { tail -n 30 "$dir/server.log" >&2; die "the site did not start ($db)"; }
    local base="https://127.0.0.1:$PORT"
    dotnet "$TOOL/CSELearning.Bench.dll" prepare --base "$base" --password-env BENCH_PASSWORD --seed "$SEED" \
        --learners "$learner_count" --content "$PUBLISH/content" --out "$dir" >/dev/null
    unset BENCH_PASSWORD

    if [[ $db == sqlite ]]; then
        # 1. The module page against a static file of the same size, served by the same server in the same run.
        local page bytes cookie
        page=$(cat "$dir/module-page")
        cookie=$(cat "$dir/learner.cookie")
        bytes=$(curl -sk -H "Cookie: $cookie" "$base$page" | wc -c)
        head -c "$bytes" /dev/zero | tr '\0' 'x' >"$PUBLISH/wwwroot/bench-static.html"
        load static "$size" "$db" "$CONNECTIONS" 2 "$base/bench-static.html" get.lua "$cookie"
        load page "$size" "$db" "$CONNECTIONS" 2 "$base$page" get.lua "$cookie"
        # 2. Scenario steps: one connection per learner.
        load choose "$size" "$db" "$CONNECTIONS" "$CONNECTIONS" "$base/" choose.lua "$dir/learners.lua"
    fi
    # 3. Reflection autosave: one connection per learner.
    load autosave "$size" "$db" "$CONNECTIONS" "$CONNECTIONS" "$base/" autosave.lua "$dir/learners.lua"

    # 4. Each commissioner report view, sequentially.
    # The uptake views with a period (the last twelve months) read the uptake rows in it, not the counts.
    local year_ago
    year_ago=$(date -u -d '-12 months' +%F)
    local views=(/reports/uptake "/reports/uptake?by=Module" "/reports/uptake?by=Team" "/reports/uptake?by=Role"
        "/reports/uptake?from=$year_ago" "/reports/uptake?by=Team&from=$year_ago"
        /reports/targets /reports/trends /reports/scenarios)
    local args=() view json
    for view in "${views[@]}"; do args+=(--url "$view"); done
    json=$(dotnet "$TOOL/CSELearning.Bench.dll" timed --base "$base" --cookie-file "$dir/commissioner.cookie" \
        --warmup "$DASH_WARMUP" --count "$DASH_COUNT" --max-seconds "$DASH_SECONDS" "${args[@]}")
    note "  dashboards: $json"
    record dashboard "$size" "$db" "$json" ",\"warmup\":$DASH_WARMUP"
    # Item analysis, as the content reviewer: each module's page, read from the counts kept as attempts are saved.
    args=()
    for view in $(sed -n 's/^id: *//p' "$PUBLISH"/content/modules/*/module.md); do args+=(--url "/item-analysis?module=$view"); done
    json=$(dotnet "$TOOL/CSELearning.Bench.dll" timed --base "$base" --cookie-file "$dir/reviewer.cookie" \
        --warmup "$DASH_WARMUP" --count "$DASH_COUNT" --max-seconds "$DASH_SECONDS" "${args[@]}")
    note "  item analysis: $json"
    record dashboard "$size" "$db" "$json" ",\"warmup\":$DASH_WARMUP"

    record memory "$size" "$db" "$(memory)"
    stop_server

    # 6. Start-up with 50 modules, on this data (already migrated).
    if [[ $db == sqlite ]]; then
        local runs=() i seconds
        for ((i = 0; i < STARTS; i++)); do
            start_server "$db" "$target" "$RUN/content-50" "$dir/startup.log"
            seconds=$(wait_ready) || { tail -n 30 "$dir/startup.log" >&2; die "the site did not start with 50 modules"; }
            runs+=("$seconds")
            stop_server
        done
        local median
        median=$(printf '%s\n' "${runs[@]}" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
        note "  start-up: ${runs[*]} s"
        record startup "$size" "$db" "{\"medianSeconds\":$median,\"runs\":\"${runs[*]}\",\"modules\":50}"
    fi
}

# Fifty modules: the published ones and copies of them with their own ids and titles; checked as the site would.
make_content() {
    local content=$RUN/content-50 i=0 source copy id
    rm -rf "$content"
    cp -r "$PUBLISH/content" "$content"
    local originals=()
    mapfile -t originals < <(find "$content/modules" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort)
    local count=${#originals[@]}
    while (( count < 50 )); do
        source=${originals[$((i % ${#originals[@]}))]}
        i=$((i + 1))
        id="$source-copy-$i"
        copy=$content/modules/$id
        cp -r "$content/modules/$source" "$copy"
        sed -i -E "0,/^id: .*/s//id: $id/; 0,/^title: (.*)/s//title: \1 (copy $i)/" "$copy/module.md"
        count=$((count + 1))
    done
    (cd "$PUBLISH" && dotnet CSELearning.Web.dll validate-content --content "$content" >/dev/null) \
        || die "the 50-module content does not validate"
}

facts() {
    {
        printf 'date\t%s\n' "$(date -u '+%Y-%m-%d %H:%M UTC')"
        printf 'commit\t%s%s\n' "$(git rev-parse --short HEAD)" "$(git diff --quiet HEAD -- src bench 2>/dev/null || echo ' (with uncommitted changes)')"
        printf 'mode\t%s (%s; sizes %s; %s s per load after %s s warm-up; %s connections)\n' "$MODE" "$([[ $PUBLISH_SITE -eq 1 ]] && echo 'published in this run' || echo 'publish of an earlier run reused')" "$SIZES" "$DURATION" "$WARMUP" "$CONNECTIONS"
        printf 'duration\t%s\n' "$(( (SECONDS - STARTED) / 60 )) min $(( (SECONDS - STARTED) % 60 )) s"
        printf 'nproc\t%s\n' "$(nproc)"
        printf 'CPU\t%s\n' "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
        printf 'memory\t%s\n' "$(awk '/^MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo)"
        printf 'load average at the end\t%s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
        printf 'kernel\t%s\n' "$(uname -r)"
        printf '.NET\t%s\n' "$(dotnet --version)"
        printf 'load generator\t%s\n' "$(wrk --version 2>&1 | head -n 1)"
        [[ $USE_POSTGRES -eq 1 ]] && printf 'PostgreSQL\t%s\n' "$(pg_sql 'SHOW server_version' 2>/dev/null || echo unknown)"
        printf 'transport\t%s\n' "HTTPS (Kestrel, self-signed certificate) on 127.0.0.1, keep-alive connections"
    } >"$FACTS"
}

main() {
    setup_tools
    setup_keys
    setup_postgres
    publish
    rm -rf "$RUN"
    mkdir -p "$RUN" "$(dirname "$REPORT")"
    : >"$RESULTS"
    make_content

    heading "Certificates"
    local pdf
    pdf=$(dotnet "$TOOL/CSELearning.Bench.dll" pdf --content "$PUBLISH/content" --seconds "$DURATION")
    note "  $pdf"
    record pdf any none "$pdf"

    local size learners events agencies
    IFS=',' read -ra sizes <<<"$SIZES"
    for size in "${sizes[@]}"; do
        IFS=':' read -r learners events agencies <<<"$size"
        (( learners >= CONNECTIONS )) || die "each size needs at least $CONNECTIONS learners"
        measure sqlite "$learners" "$events" "${agencies:-10}"
        [[ $USE_POSTGRES -eq 1 ]] && measure pg "$learners" "$events" "${agencies:-10}"
    done

    heading "Report"
    facts
    dotnet "$TOOL/CSELearning.Bench.dll" report --results "$RESULTS" --facts "$FACTS" --out "$REPORT"
    note "written to ${REPORT#"$REPO"/} in $(( (SECONDS - STARTED) / 60 )) min"
}

main
