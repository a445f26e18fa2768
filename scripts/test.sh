#!/usr/bin/env bash
# Runs every CSELearning test on this machine, fresh or not:
#   1. installs what the tests need (Chromium, PostgreSQL, fonts, Poppler to read PDFs back, Tesseract to read
#      what a certificate draws) when missing,
#   2. starts PostgreSQL and gives the tests a role with a password made for this run,
#   3. builds the solution once, in Release, and publishes the web app from that build into artifacts/publish
#      (dotnet publish --no-build: the Dockerfile's publish without compiling again, and without the
#      ReadyToRun precompiling the Dockerfile adds for faster start-up),
#   4. runs the unit, integration, browser and durability tests on that build, pointing the wapiti and sqlmap
#      scanners at the published site (scripts/scan.sh) while the durability tests run,
#   5. checks the content.
# The last line printed is "N passed, N failed"; the exit code is non-zero on any failure.
#
# Environment (all optional):
#   CSELEARNING_TEST_POSTGRES  connection string to use instead of the local test role
#   CSELEARNING_CHROMIUM       browser executable for the browser tests (default: chromium on PATH)
#   CSELEARNING_TEST_VERBOSITY console verbosity of dotnet test (default: minimal)
#   CSELEARNING_LOAD_LEARNERS, CSELEARNING_LOAD_SECONDS, CSELEARNING_LOAD_SAVES, CSELEARNING_LOAD_MAX_SECONDS
#                              size of the load test (24 learners, 180 s here, at least 10000 saves, at most
#                              240 s); the test alone, outside this script, runs 60 s
set -euo pipefail

# Tesseract and its language data read the names drawn on certificates back from the rendered page.
readonly OCR_LANGUAGES=(vie ell rus srp ara heb pol tur gle cym)
readonly APT_PACKAGES=(chromium postgresql fonts-dejavu-core poppler-utils tesseract-ocr "${OCR_LANGUAGES[@]/#/tesseract-ocr-}" wapiti sqlmap)
# DurabilityTests runs the built site as a process of its own: killed, stopped, backed up and loaded.
readonly TEST_PROJECTS=(CSELearning.UnitTests CSELearning.IntegrationTests CSELearning.E2ETests CSELearning.DurabilityTests)
# One compile for everything: the tests, the content check and the scanned site all use the Release build.
readonly CONFIGURATION=Release
# The load test runs for minutes here (and so in CI); run alone, it keeps to a minute for developers.
readonly LOAD_SECONDS=180
readonly TEST_ROLE=cselearning_test
readonly RESULTS_DIR=TestResults
readonly PG_WAIT_SECONDS=60

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# No MSBuild worker processes left behind once the script ends.
export MSBUILDDISABLENODEREUSE=1

SUDO=()
FAILURES=()
TOTAL_PASSED=0
TOTAL_FAILED=0
SUMMARY_PRINTED=0

# Each heading starts a step; the summary lists how long each took, to keep CI's time in view.
STEP_NAME=
STEP_STARTED=0
STEP_TIMES=()
end_step() {
    if [[ -n $STEP_NAME ]]; then
        STEP_TIMES+=("$(printf '%-45s %5d s' "$STEP_NAME" $((SECONDS - STEP_STARTED)))")
    fi
    STEP_NAME=
}
heading() {
    end_step
    STEP_NAME=$*
    STEP_STARTED=$SECONDS
    printf '\n==== %s ====\n' "$*"
}
note() { printf '%s\n' "$*"; }
warn() { printf 'test.sh: %s\n' "$*" >&2; }
die() { printf 'test.sh: error: %s\n' "$*" >&2; exit 1; }
fail() { FAILURES+=("$*"); warn "FAILED: $*"; }

# Runs a command as root (sudo only when not root already).
as_root() { "${SUDO[@]}" "$@"; }

# Runs a command as the postgres system user, from a directory it can read.
as_postgres() {
    if [[ $(id -u) -eq 0 ]]; then
        (cd / && runuser -u postgres -- "$@")
    else
        (cd / && sudo -u postgres -- "$@")
    fi
}

init_privileges() {
    if [[ $(id -u) -ne 0 ]]; then
        command -v sudo >/dev/null 2>&1 || die "not root and sudo is not installed"
        SUDO=(sudo)
    fi
}

is_installed() {
    local status
    status=$(dpkg -s "$1" 2>/dev/null) || return 1
    grep -qx 'Status: install ok installed' <<<"$status"
}

# ---------------------------------------------------------------------------
install_packages() {
    heading "System packages"
    local missing=() pkg
    for pkg in "${APT_PACKAGES[@]}"; do
        is_installed "$pkg" || missing+=("$pkg")
    done
    # The web project's build runs npm and node; take Debian's only if none is on PATH.
    if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
        missing+=(nodejs npm)
    fi
    if [[ ${#missing[@]} -eq 0 ]]; then
        note "already installed: ${APT_PACKAGES[*]}"
        return
    fi
    note "installing: ${missing[*]}"
    # A UTF-8 locale, so a PostgreSQL cluster the package creates is UTF8, not SQL_ASCII.
    local apt=(env DEBIAN_FRONTEND=noninteractive LC_ALL=C.UTF-8 apt-get -q -o DPkg::Lock::Timeout=300)
    as_root "${apt[@]}" update
    as_root "${apt[@]}" install -y --no-install-recommends "${missing[@]}"
}

check_tools() {
    heading "Tools"
    command -v dotnet >/dev/null 2>&1 || die "dotnet (the .NET 10 SDK) is not on PATH"
    if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
        die "node and npm are needed: the web project's build runs npm ci and node build.mjs"
    fi
    note "dotnet   $(dotnet --version)"
    note "node     $(node --version), npm $(npm --version)"
    CSELEARNING_CHROMIUM=${CSELEARNING_CHROMIUM:-$(command -v chromium || true)}
    [[ -n $CSELEARNING_CHROMIUM && -x $CSELEARNING_CHROMIUM ]] \
        || die "Chromium not found (set CSELEARNING_CHROMIUM or install the chromium package)"
    export CSELEARNING_CHROMIUM
    note "chromium $CSELEARNING_CHROMIUM ($("$CSELEARNING_CHROMIUM" --version 2>/dev/null || echo 'version unknown'))"
}

# ---------------------------------------------------------------------------
# Value of a key (case-insensitive; first of the given names) in an ADO.NET connection string.
conn_value() {
    local conn=$1; shift
    local name part key parts
    for name in "$@"; do
        IFS=';' read -ra parts <<<"$conn"
        for part in "${parts[@]}"; do
            key=${part%%=*}
            key=$(tr -d '[:space:]' <<<"$key")
            if [[ ${key,,} == "${name,,}" ]]; then
                printf '%s' "$(sed 's/^[[:space:]]*//; s/[[:space:]]*$//' <<<"${part#*=}")"
                return
            fi
        done
    done
}

start_postgres() {
    local ver
    ver=$(find /usr/lib/postgresql -mindepth 1 -maxdepth 1 -type d -printf '%f\n' 2>/dev/null \
        | grep -E '^[0-9]+$' | sort -n | tail -n 1 || true)
    [[ -n $ver && -x /usr/lib/postgresql/$ver/bin/postgres ]] \
        || die "no PostgreSQL server under /usr/lib/postgresql (is the postgresql package installed?)"

    if ! pg_lsclusters -h | awk -v v="$ver" '$1 == v && $2 == "main" { found = 1 } END { exit !found }'; then
        note "creating PostgreSQL $ver cluster 'main'"
        as_root pg_createcluster --locale=C.UTF-8 "$ver" main
    fi

    local info status logfile
    info=$(pg_lsclusters -h | awk -v v="$ver" '$1 == v && $2 == "main"')
    PG_PORT=$(awk '{ print $3 }' <<<"$info")
    status=$(awk '{ print $4 }' <<<"$info")
    logfile=$(awk '{ print $7 }' <<<"$info")
    if [[ $status == online* ]]; then
        note "PostgreSQL $ver/main already running on port $PG_PORT"
    else
        note "starting PostgreSQL $ver/main on port $PG_PORT"
        as_root pg_ctlcluster "$ver" main start
    fi

    local waited=0
    until pg_isready -q -h 127.0.0.1 -p "$PG_PORT" -t 2; do
        if (( waited >= PG_WAIT_SECONDS )); then
            warn "last lines of $logfile:"
            as_root tail -n 20 "$logfile" >&2 || true
            die "PostgreSQL did not accept connections on 127.0.0.1:$PG_PORT within ${PG_WAIT_SECONDS}s"
        fi
        sleep 1
        waited=$((waited + 1))
    done
    note "PostgreSQL is accepting connections on 127.0.0.1:$PG_PORT"
}

create_test_role() {
    # A fresh password each run; it lives only in this process's environment.
    local password
    password=$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')
    [[ ${#password} -eq 48 ]] || die "could not read random bytes for the test role's password"

    as_postgres psql -X -q -v ON_ERROR_STOP=1 -p "$PG_PORT" -d postgres <<SQL
DO \$\$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$TEST_ROLE') THEN
        CREATE ROLE $TEST_ROLE;
    END IF;
END
\$\$;
ALTER ROLE $TEST_ROLE WITH LOGIN CREATEDB PASSWORD '$password';
SQL

    PGPASSWORD=$password PGCONNECT_TIMEOUT=10 psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U "$TEST_ROLE" \
        -d postgres -c 'SELECT 1' >/dev/null \
        || die "role $TEST_ROLE cannot sign in over TCP on 127.0.0.1:$PG_PORT (check pg_hba.conf)"
    note "role $TEST_ROLE ready (LOGIN CREATEDB, password made for this run)"

    local encoding
    encoding=$(as_postgres psql -X -At -p "$PG_PORT" -d postgres \
        -c "SELECT pg_encoding_to_char(encoding) FROM pg_database WHERE datname = 'template1'" || true)
    [[ $encoding == UTF8 ]] || warn "template1 is encoded $encoding, not UTF8: databases the tests create inherit it"

    export CSELEARNING_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=$TEST_ROLE;Password=$password;Database=postgres"
}

setup_postgres() {
    heading "PostgreSQL"
    if [[ -n ${CSELEARNING_TEST_POSTGRES:-} ]]; then
        local host
        host=$(conn_value "$CSELEARNING_TEST_POSTGRES" Host Server)
        note "using CSELEARNING_TEST_POSTGRES from the environment (host ${host:-unset}); role set-up skipped"
        case ${host,,} in
            '' | 127.0.0.1 | localhost | ::1) start_postgres ;;
            *) note "server is not local: not starting the local PostgreSQL" ;;
        esac
        return
    fi
    start_postgres
    create_test_role
}

# ---------------------------------------------------------------------------
build() {
    heading "Build ($CONFIGURATION)"
    if dotnet build CSELearning.sln -c "$CONFIGURATION"; then
        return 0
    fi
    fail "dotnet build"
    return 1
}

# The site the scanners attack: the build above laid out as the Dockerfile's `dotnet publish` lays it out
# (wwwroot with the front end's output, content/, appsettings), without compiling it a second time (and so
# without the Dockerfile's ReadyToRun precompiling, which changes how fast it starts, not what it does).
publish() {
    heading "Publish (from the $CONFIGURATION build)"
    rm -rf artifacts/publish
    if ! dotnet publish src/CSELearning.Web/CSELearning.Web.csproj -c "$CONFIGURATION" --no-build -o artifacts/publish; then
        fail "dotnet publish"
    fi
}

run_tests() {
    mkdir -p "$RESULTS_DIR"
    run_project CSELearning.UnitTests
    run_project CSELearning.IntegrationTests
    # The durability tests spend most of their minutes waiting on a site process of their own (the load test
    # runs for CSELEARNING_LOAD_SECONDS), so the browser tests run alongside them; the scanners too. The
    # durability output is kept apart and printed once both have finished, so neither's lines interleave.
    heading "Tests: CSELearning.E2ETests and CSELearning.DurabilityTests, alongside each other"
    note "the load test runs for at least ${CSELEARNING_LOAD_SECONDS} s; the scanners run alongside"
    start_scanners
    local durability_log="$RESULTS_DIR/CSELearning.DurabilityTests.log" durability_pid durability_rc=0
    ( run_project_quietly CSELearning.DurabilityTests ) >"$durability_log" 2>&1 &
    durability_pid=$!
    run_project CSELearning.E2ETests --no-heading
    wait "$durability_pid" || durability_rc=$?
    printf '\n---- CSELearning.DurabilityTests ----\n'
    cat "$durability_log"
    if [[ $durability_rc -ne 0 ]]; then
        fail "dotnet test CSELearning.DurabilityTests (exit code $durability_rc)"
        print_run_errors "$RESULTS_DIR/CSELearning.DurabilityTests.trx"
    fi
    finish_scanners
}

# Runs one test project, recording a failure; with --no-heading, inside the step already begun.
run_project() {
    local project=$1 rc=0
    [[ ${2:-} == --no-heading ]] || heading "Tests: $project"
    run_project_quietly "$project" || rc=$?
    if [[ $rc -ne 0 ]]; then
        fail "dotnet test $project (exit code $rc)"
        print_run_errors "$RESULTS_DIR/$project.trx"
    fi
}

# Runs one test project and returns dotnet test's exit code; safe in a background subshell.
run_project_quietly() {
    local project=$1 verbosity=${CSELEARNING_TEST_VERBOSITY:-minimal}
    rm -f "$RESULTS_DIR/$project.trx"
    dotnet test "tests/$project" --no-build -c "$CONFIGURATION" \
        --logger "trx;LogFileName=$project.trx" \
        --logger "console;verbosity=$verbosity" \
        --results-directory "$RESULTS_DIR" \
        --blame-hang-timeout 10m --blame-hang-dump-type none
}

# The scanners (wapiti, sqlmap; scripts/scan.sh) against the published site, started in the background while
# the durability tests run: the load test's minutes are mostly waiting on its own server, and the scanned site
# is a process of its own in a network namespace of its own (only loopback), so neither can reach the other.
# Bounded for CI: wapiti as a learner and as an administrator (who also reaches the reports), 45 seconds each
# and four seconds a module. See docs/security.md.
SCAN_PID=
start_scanners() {
    mkdir -p "$RESULTS_DIR"
    scripts/scan.sh --app artifacts/publish --out "$RESULTS_DIR/scan" --roles Learner,Administrator \
        --wapiti-seconds 45 --attack-seconds 4 >"$RESULTS_DIR/scan.log" 2>&1 &
    SCAN_PID=$!
}

finish_scanners() {
    [[ -n $SCAN_PID ]] || return 0
    heading "Vulnerability scanners (wapiti, sqlmap), begun alongside the durability tests"
    local rc=0
    wait "$SCAN_PID" || rc=$?
    SCAN_PID=
    cat "$RESULTS_DIR/scan.log"
    if [[ $rc -ne 0 ]]; then
        fail "scan.sh: a scanner found something of high severity, or could not run (reports in $RESULTS_DIR/scan)"
    fi
}

# Errors outside any one test (a class's set-up or clean-up failing) are not counted as failed tests, so
# print them from the TRX file in full: the console shows only the exception's type.
print_run_errors() {
    local file=$1
    [[ -f $file ]] || return 0
    perl -0ne 'while (/<RunInfo\b[^>]*outcome="Error".*?<Text>(.*?)<\/Text>/gs) { my $t = $1; $t =~ s/&lt;/</g; $t =~ s/&gt;/>/g; $t =~ s/&quot;/"/g; $t =~ s/&amp;/&/g; print STDERR "  $t\n" }' "$file" || true
}

# A test class whose clean-up could not drop its PostgreSQL database says so in its output and leaves it; drop
# what is left once every test has finished, naming each (nothing is connected to them any more).
drop_leftover_databases() {
    [[ -n ${CSELEARNING_TEST_POSTGRES:-} ]] || return 0
    local conn=$CSELEARNING_TEST_POSTGRES host port user password names name
    host=$(conn_value "$conn" Host Server); port=$(conn_value "$conn" Port)
    user=$(conn_value "$conn" Username "User Id" UserId User); password=$(conn_value "$conn" Password)
    names=$(PGPASSWORD=$password PGCONNECT_TIMEOUT=10 psql -X -At -h "${host:-127.0.0.1}" -p "${port:-5432}" -U "$user" \
        -d postgres -c "SELECT datname FROM pg_database WHERE datname LIKE 'cselearning\_test\_%' AND pg_get_userbyid(datdba) = current_user") \
        || { warn "could not list leftover test databases"; return 0; }
    for name in $names; do
        warn "test database $name was left behind (a test class's clean-up could not drop it); dropping it"
        PGPASSWORD=$password psql -X -q -h "${host:-127.0.0.1}" -p "${port:-5432}" -U "$user" -d postgres \
            -c "DROP DATABASE IF EXISTS \"$name\"" >/dev/null || warn "could not drop $name"
    done
}

# Extra checks beyond the test projects. Record a failure with `fail "<what>"`; the run then exits non-zero.
run_extra_checks() {
    heading "Content"
    # The same checks the site runs at start-up, on the repository's content/ (problems print as file:line).
    if ! dotnet "src/CSELearning.Web/bin/$CONFIGURATION/net10.0/CSELearning.Web.dll" validate-content --content content; then
        fail "validate-content: the learning content has problems"
    fi
}

# Prints the value of one attribute of a TRX file's <Counters> element (empty if absent).
trx_counter() {
    local counters=$1 name=$2
    sed -n "s/.*[[:space:]]$name=\"\([0-9]*\)\".*/\1/p" <<<"$counters"
}

summarise() {
    end_step
    printf '\n==== Summary ====\n'
    local project file counters passed failed errors timeouts aborted executed skipped total
    for project in "${TEST_PROJECTS[@]}"; do
        file="$RESULTS_DIR/$project.trx"
        if [[ ! -f $file ]]; then
            fail "no test results for $project ($file missing)"
            continue
        fi
        counters=$(grep -o -m 1 '<Counters[[:space:]][^>]*>' "$file" || true)
        if [[ -z $counters ]]; then
            fail "no <Counters> in $file"
            continue
        fi
        total=$(trx_counter "$counters" total)
        passed=$(trx_counter "$counters" passed)
        failed=$(trx_counter "$counters" failed)
        errors=$(trx_counter "$counters" error)
        timeouts=$(trx_counter "$counters" timeout)
        aborted=$(trx_counter "$counters" aborted)
        executed=$(trx_counter "$counters" executed)
        passed=${passed:-0}
        skipped=$(( ${total:-0} - ${executed:-0} ))
        failed=$(( ${failed:-0} + ${errors:-0} + ${timeouts:-0} + ${aborted:-0} ))
        printf '  %-30s total %4d | passed %4d | failed %4d | skipped %4d\n' \
            "$project" "${total:-0}" "$passed" "$failed" "$skipped"
        TOTAL_PASSED=$((TOTAL_PASSED + passed))
        TOTAL_FAILED=$((TOTAL_FAILED + failed))
    done
    (( TOTAL_FAILED == 0 )) || fail "$TOTAL_FAILED test(s) failed"
    (( TOTAL_PASSED > 0 )) || fail "no test passed"

    printf '\nTime by step:\n'
    printf '  %s\n' "${STEP_TIMES[@]}"

    if [[ ${#FAILURES[@]} -gt 0 ]]; then
        printf '\nThe run failed:\n' >&2
        printf '  - %s\n' "${FAILURES[@]}" >&2
    else
        printf '\nAll green.\n'
    fi
}

# Always end with the count line, even when set-up stopped the run early.
on_exit() {
    local rc=$?
    [[ -z ${SCAN_PID:-} ]] || kill "$SCAN_PID" 2>/dev/null || true
    dotnet build-server shutdown >/dev/null 2>&1 || true
    if [[ $SUMMARY_PRINTED -eq 0 ]]; then
        printf '%d passed, %d failed\n' "$TOTAL_PASSED" "$TOTAL_FAILED"
    fi
    exit "$rc"
}

main() {
    cd "$(dirname "${BASH_SOURCE[0]}")/.."
    trap on_exit EXIT
    local started=$SECONDS
    export CSELEARNING_LOAD_SECONDS=${CSELEARNING_LOAD_SECONDS:-$LOAD_SECONDS}

    init_privileges
    install_packages
    check_tools
    setup_postgres
    if build; then
        publish
        run_tests
        drop_leftover_databases
        run_extra_checks
    else
        warn "build failed: tests not run"
    fi
    summarise

    note "took $((SECONDS - started))s"
    SUMMARY_PRINTED=1
    printf '%d passed, %d failed\n' "$TOTAL_PASSED" "$TOTAL_FAILED"
    [[ ${#FAILURES[@]} -eq 0 ]]
}

# Sourcing the file (for example to try one step) defines the functions without running them.
if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
    main "$@"
fi
