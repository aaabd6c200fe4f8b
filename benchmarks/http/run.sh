#!/usr/bin/env bash
#
# The HTTP hold benchmark: holds per second and their latency through the public API, with wrk.
#
# Takes the distribution already built in karaf-assembly/target (it builds nothing), unpacks it into a
# scratch folder, adds the benchmark practice, points it at embedded Derby (as shipped) or at a fresh
# PostgreSQL database, starts it, warms it up, and has wrk POST holds, each on an opening no other request
# asks for. Prints holds/s, p50/p90/p99, the answers that were not 201, and the CPU used by Karaf and by
# wrk; then stops Karaf, drops the PostgreSQL database and removes the scratch folder.
#
#   benchmarks/http/run.sh [derby|postgresql] [OPTION...]
#
#   --dist FILE         the distribution (default karaf-assembly/target/slotbridge-karaf-*.tar.gz)
#   --work DIR          the scratch folder (default a new folder under /tmp); an earlier run's is emptied
#   --keep              leave the scratch folder (Karaf, its log and the wrk output) behind
#   --port N            HTTP port (default 8281); SSH and JMX take the three ports after it
#   --duration T        the measured run (default 30s); --warmup T the run before it (default 60s)
#   --connections N     wrk connections (default 64); --threads N wrk threads (default 2)
#   --rate N            send N holds a second in the measured run, on a schedule (default: as fast as the
#                       answers come back, each connection sending its next request on the last one's answer)
#   --jfr FILE          record a Java Flight Recording of Karaf during the measured run into FILE
#   --pg-host H, --pg-port N, --pg-user U   the PostgreSQL server (default 127.0.0.1, 5432, postgres);
#                       a password, if it needs one, comes from PGPASSWORD
#
# Needs wrk (Debian package wrk), curl, Java 17, and psql for PostgreSQL. wrk sends to 127.0.0.1 only.
#
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "${HERE}/../.." && pwd)"
SLUG="bench"
ZONE="America/New_York"
HORIZON_DAYS=730
PROVIDERS=20
STARTS_PER_DAY=24

DB="derby"
DIST=""
WORK=""
KEEP=no
PORT=8281
DURATION=30s
WARMUP=60s
CONNECTIONS=64
THREADS=2
RATE=0
JFR=""
PG_HOST=127.0.0.1
PG_PORT=5432
PG_USER=postgres

KARAF=""
KARAF_PID=""
PG_DATABASE=""

say() { printf '%s\n' "$*"; }
die() { printf 'run.sh: %s\n' "$*" >&2; exit 1; }

parse() {
    while [ $# -gt 0 ]; do
        case "$1" in
            derby|postgresql) DB="$1" ;;
            --dist) DIST="$2"; shift ;;
            --work) WORK="$2"; shift ;;
            --keep) KEEP=yes ;;
            --port) PORT="$2"; shift ;;
            --duration) DURATION="$2"; shift ;;
            --warmup) WARMUP="$2"; shift ;;
            --connections) CONNECTIONS="$2"; shift ;;
            --threads) THREADS="$2"; shift ;;
            --rate) RATE="$2"; shift ;;
            --jfr) JFR="$(realpath -m "$2")"; shift ;;
            --pg-host) PG_HOST="$2"; shift ;;
            --pg-port) PG_PORT="$2"; shift ;;
            --pg-user) PG_USER="$2"; shift ;;
            -h|--help) awk 'NR > 1 && !/^#/ {exit} NR > 1 {sub(/^# ?/, ""); print}' "$0"; exit 0 ;;
            *) die "unknown argument '$1' (--help lists them)" ;;
        esac
        shift
    done
}

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

preflight() {
    command -v wrk >/dev/null || die "wrk is needed: apt-get install -y wrk"
    command -v curl >/dev/null || die "curl is needed"
    command -v java >/dev/null || die "Java 17 is needed and 'java' is not on the PATH"
    if [ "${DB}" = postgresql ]; then
        command -v psql >/dev/null || die "psql is needed for PostgreSQL: apt-get install -y postgresql-client"
    fi
    if [ -z "${DIST}" ]; then
        DIST="$(ls "${ROOT}"/karaf-assembly/target/slotbridge-karaf-*.tar.gz 2>/dev/null | head -n 1)"
    fi
    [ -n "${DIST}" ] && [ -f "${DIST}" ] \
        || die "no distribution: build it first (mvn -q install -DskipTests) or name it with --dist"
    local port
    for port in "${PORT}" $((PORT + 1)) $((PORT + 2)) $((PORT + 3)); do
        if listening "${port}"; then
            die "port ${port} is taken; Karaf needs ${PORT} to $((PORT + 3)) (--port moves them)"
        fi
    done
    if [ -z "${JAVA_HOME:-}" ]; then
        JAVA_HOME="$(cd "$(dirname "$(readlink -f "$(command -v java)")")/.." && pwd)"
        export JAVA_HOME
    fi
}

# Sets one property of a Karaf .cfg file, replacing the line that sets it or adding one.
set_cfg() {
    local file="$1" key="$2" value="$3"
    touch "${file}"
    if grep -q "^[#[:space:]]*${key}[[:space:]]*=" "${file}"; then
        sed -i "s|^[#[:space:]]*${key}[[:space:]]*=.*|${key} = ${value}|" "${file}"
    else
        printf '%s = %s\n' "${key}" "${value}" >> "${file}"
    fi
}

# The benchmark practice: 20 providers working 07:00-19:00 every day, one 30-minute reason on a
# 30-minute grid, a two-year horizon; so 480 openings a day that never overlap on a provider.
practice_json() {
    local weekly="" day providers="" hours="" i id
    for day in MONDAY TUESDAY WEDNESDAY THURSDAY FRIDAY SATURDAY SUNDAY; do
        weekly="${weekly}${weekly:+, }\"${day}\": [\"07:00-19:00\"]"
    done
    for i in $(seq 1 "${PROVIDERS}"); do
        id="$(printf 'P%02d' "${i}")"
        providers="${providers}${providers:+,
    }{\"id\": \"${id}\", \"name\": \"Provider ${i}\"}"
        hours="${hours}${hours:+,
    }{\"provider\": \"${id}\", \"weekly\": {${weekly}}}"
    done
    cat <<EOF
{
  "slug": "${SLUG}", "name": "Benchmark Clinic", "zone": "${ZONE}", "phone": "+1 555 0199",
  "email": "desk@bench.example", "newClients": "WELCOME", "onlineBooking": true,
  "rules": {"unitMinutes": 30,
            "timing": {"gridMinutes": 30, "noticeMinutes": 60, "horizonDays": ${HORIZON_DAYS}, "dailyCap": 0},
            "shownPerDay": 12},
  "providers": [
    ${providers}
  ],
  "reasons": [
    {"id": "visit", "name": "Visit", "category": "General", "helpText": "A 30-minute visit.",
     "minutes": 30, "providers": [], "rooms": [], "weekdays": [], "windows": []}
  ],
  "workingHours": [
    ${hours}
  ]
}
EOF
}

unpack() {
    local folder="${WORK}"
    WORK=""
    if [ -z "${folder}" ]; then
        folder="$(mktemp -d /tmp/slotbridge-http-bench.XXXXXX)"
    else
        # only a folder of an earlier run is emptied, never one that holds anything else
        if [ -n "$(ls -A "${folder}" 2>/dev/null)" ] && [ ! -d "${folder}/karaf" ]; then
            die "${folder} is not empty and holds no earlier run: name a new folder"
        fi
        rm -rf "${folder}"
        mkdir -p "${folder}"
    fi
    # from here on the folder is this run's, and cleanup removes it
    WORK="${folder}"
    KARAF="${WORK}/karaf"
    mkdir -p "${KARAF}"
    tar -xzf "${DIST}" -C "${KARAF}" --strip-components=1
    set_cfg "${KARAF}/etc/org.ops4j.pax.web.cfg" org.osgi.service.http.port "${PORT}"
    set_cfg "${KARAF}/etc/org.apache.karaf.shell.cfg" sshPort $((PORT + 1))
    set_cfg "${KARAF}/etc/org.apache.karaf.management.cfg" rmiRegistryPort $((PORT + 2))
    set_cfg "${KARAF}/etc/org.apache.karaf.management.cfg" rmiServerPort $((PORT + 3))
    mkdir -p "${KARAF}/etc/slotbridge/practices"
    practice_json > "${KARAF}/etc/slotbridge/practices/${SLUG}.json"
}

pg() {
    psql -h "${PG_HOST}" -p "${PG_PORT}" -U "${PG_USER}" -v ON_ERROR_STOP=1 -qAt "$@"
}

use_postgresql() {
    PG_DATABASE="slotbridge_bench_$(date +%s)_$$"
    pg -d postgres -c "CREATE DATABASE ${PG_DATABASE}" || die "cannot create a database on ${PG_HOST}:${PG_PORT}"
    local cfg="${KARAF}/etc/org.ops4j.datasource-slotbridge.cfg"
    cp "${KARAF}/etc/org.ops4j.datasource-slotbridge-postgresql.cfg.sample" "${cfg}"
    set_cfg "${cfg}" url "jdbc:postgresql://${PG_HOST}:${PG_PORT}/${PG_DATABASE}"
    set_cfg "${cfg}" user "${PG_USER}"
    set_cfg "${cfg}" password "${PGPASSWORD:-}"
}

start() {
    "${KARAF}/bin/start"
    local waited=0
    until curl -fsS "http://127.0.0.1:${PORT}/api/v1/practices" 2>/dev/null | grep -q "\"${SLUG}\""; do
        # known as soon as it is there, so that a Karaf that never serves is stopped all the same
        [ -z "${KARAF_PID}" ] && [ -s "${KARAF}/karaf.pid" ] && KARAF_PID="$(cat "${KARAF}/karaf.pid")"
        waited=$((waited + 1))
        if [ "${waited}" -gt 180 ]; then
            tail -n 30 "${KARAF}/data/log/karaf.log" >&2 || true
            die "the API did not list practice ${SLUG} within 180 s"
        fi
        sleep 1
    done
    KARAF_PID="$(cat "${KARAF}/karaf.pid")"
    say "Karaf (pid ${KARAF_PID}) serves practice ${SLUG} after ${waited} s."
}

stop() {
    if [ -n "${KARAF_PID}" ] && kill -0 "${KARAF_PID}" 2>/dev/null; then
        "${KARAF}/bin/stop" >/dev/null 2>&1 || true
        local waited=0
        while kill -0 "${KARAF_PID}" 2>/dev/null && [ "${waited}" -lt 60 ]; do
            sleep 1
            waited=$((waited + 1))
        done
        if kill -0 "${KARAF_PID}" 2>/dev/null; then
            say "Karaf did not stop within 60 s; ending pid ${KARAF_PID}."
            kill -9 "${KARAF_PID}" 2>/dev/null || true
        fi
    fi
}

cleanup() {
    stop
    if [ -n "${PG_DATABASE}" ]; then
        pg -d postgres -c "DROP DATABASE IF EXISTS ${PG_DATABASE} WITH (FORCE)" \
            || say "could not drop database ${PG_DATABASE}"
    fi
    if [ "${KEEP}" = no ] && [ -n "${WORK}" ]; then
        rm -rf "${WORK}"
    elif [ -n "${WORK}" ]; then
        say "Kept ${WORK}."
    fi
}

# The local dates from tomorrow to the day before the horizon, each with the zone's offset at midday.
days_file() {
    local today i
    today="$(TZ="${ZONE}" date +%F)"
    for ((i = 1; i < HORIZON_DAYS; i++)); do
        printf '%s 12:00\n' "$(date -u -d "${today} +${i} days" +%F)"
    done | TZ="${ZONE}" date -f - '+%F %:z' > "${WORK}/days.txt"
}

# Checks that the practice offers what the Lua script will ask for: the first day's openings.
check_practice() {
    local day answer
    day="$(head -n 1 "${WORK}/days.txt" | cut -d' ' -f1)"
    answer="$(curl -fsS \
        "http://127.0.0.1:${PORT}/api/v1/practices/${SLUG}/openings?reason=visit&from=${day}&to=${day}")" \
        || die "the openings of ${day} could not be read"
    grep -q '"start":"'"${day}"'T07:00:00' <<<"${answer}" || die "no opening at 07:00 on ${day}: ${answer}"
}

# utime + stime of a process, in clock ticks.
cpu_ticks() {
    local stat
    stat="$(cat "/proc/$1/stat")"
    stat="${stat##*) }"
    # fields after the command name: state is field 3 of the full line, utime 14, stime 15
    awk '{print $12 + $13}' <<<"${stat}"
}

# utime + stime of the PostgreSQL backends serving the benchmark database, in clock ticks.
pg_ticks() {
    local pid total=0
    for pid in $(pg -d postgres -c "SELECT pid FROM pg_stat_activity WHERE datname = '${PG_DATABASE}'"); do
        [ -r "/proc/${pid}/stat" ] && total=$((total + $(cpu_ticks "${pid}")))
    done
    echo "${total}"
}

# Busy and total ticks of the whole machine.
machine_ticks() {
    awk '/^cpu / {busy = $2 + $3 + $4 + $7 + $8 + $9; print busy, busy + $5 + $6}' /proc/stat
}

# Runs wrk with the Lua script for $1, opening numbers from $2, at $3 holds/s (0: as fast as it can);
# prints wrk's output and, last, the CPU ticks wrk used.
run_wrk() {
    local duration="$1" first="$2" rate="$3"
    (
        # a slow answer counts in the latency: wrk leaves out of it those over its timeout (2 s by default)
        wrk -t"${THREADS}" -c"${CONNECTIONS}" -d"${duration}" --timeout 10s --latency -s "${HERE}/holds.lua" \
            "http://127.0.0.1:${PORT}" -- "${WORK}/days.txt" "${first}" "${THREADS}" "${SLUG}" "${rate}"
        read -r -a self < "/proc/${BASHPID}/stat"
        # cutime and cstime: what the children this subshell waited for (wrk) used
        printf 'result.wrk_cpu_ticks %d\n' $(( self[15] + self[16] ))
    )
}

value() { sed -n "s/^result\.$1 //p" "$2" | head -n 1; }

measure() {
    local total=$((PROVIDERS * STARTS_PER_DAY * (HORIZON_DAYS - 1)))
    say "Warming up for ${WARMUP} (openings from the second year of the horizon)..."
    run_wrk "${WARMUP}" $((total / 2)) 0 > "${WORK}/warmup.txt" 2> "${WORK}/warmup.err"
    say "warm-up: $(value created "${WORK}/warmup.txt") holds, $(value other "${WORK}/warmup.txt") other answers"

    if [ -n "${JFR}" ]; then
        jcmd "${KARAF_PID}" JFR.start name=holds settings=profile duration="${DURATION}" filename="${JFR}" \
            >/dev/null
    fi
    local load_before karaf_before machine_before karaf_after machine_after pg_before=0 pg_after=0
    load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
    karaf_before="$(cpu_ticks "${KARAF_PID}")"
    machine_before="$(machine_ticks)"
    [ -n "${PG_DATABASE}" ] && pg_before="$(pg_ticks)"
    say "Measuring for ${DURATION} with ${CONNECTIONS} connections on ${THREADS} threads$(
        [ "${RATE}" -gt 0 ] && printf ', %s holds/s offered' "${RATE}")..."
    run_wrk "${DURATION}" 0 "${RATE}" > "${WORK}/run.txt" 2> "${WORK}/run.err"
    karaf_after="$(cpu_ticks "${KARAF_PID}")"
    machine_after="$(machine_ticks)"
    [ -n "${PG_DATABASE}" ] && pg_after="$(pg_ticks)"
    report "${load_before}" "${karaf_before}" "${karaf_after}" "${machine_before}" "${machine_after}" \
        $((pg_after - pg_before))
}

# Cores used: $1 clock ticks over $2 seconds.
cores() { awk -v t="$1" -v hz="$(getconf CLK_TCK)" -v s="$2" 'BEGIN {printf "%.2f", t / hz / s}'; }

# Prints the results; $1 the load average before, $2 and $3 Karaf's CPU ticks before and after, $4 and $5
# the machine's busy and total ticks before and after, $6 the CPU ticks of PostgreSQL's backends.
report() {
    local out="${WORK}/run.txt" seconds created karaf busy all mode
    seconds="$(value seconds "${out}")"
    created="$(value created "${out}")"
    karaf=$(($3 - $2))
    busy=$(( ${5% *} - ${4% *} ))
    all=$(( ${5#* } - ${4#* } ))
    mode="as fast as answered"
    [ "${RATE}" -gt 0 ] && mode="${RATE} holds/s offered"
    sed -n '/Latency Distribution/,/requests in/p' "${out}"
    if [ -s "${WORK}/run.err" ]; then
        say "First answers of each status other than 201:"
        sed 's/^/  /' "${WORK}/run.err"
    fi
    say ""
    say "== ${DB}: ${CONNECTIONS} connections, ${THREADS} wrk threads, ${seconds} s, ${mode}"
    say "holds/s          $(value holds_per_second "${out}")"
    say "holds (201)      ${created}"
    say "other answers    $(value other "${out}")"
    say "socket errors    $(value socket_errors "${out}")"
    say "latency (ms)     p50 $(value p50_ms "${out}")  p90 $(value p90_ms "${out}")  p99 $(value p99_ms "${out}")" \
        " max $(value max_ms "${out}")"
    say "CPU (cores)      Karaf $(cores "${karaf}" "${seconds}"), wrk $(cores "$(value wrk_cpu_ticks "${out}")" \
        "${seconds}"), machine busy $((100 * busy / all))% of $(nproc) cores"
    say "Karaf CPU/hold   $(awk -v t="${karaf}" -v hz="$(getconf CLK_TCK)" -v n="${created}" \
        'BEGIN {printf "%.1f ms", n ? 1000 * t / hz / n : 0}')"
    say "load average     $1 before, $(cut -d' ' -f1-3 /proc/loadavg) after"
    if [ "$(value exhausted "${out}")" != 0 ]; then
        say "WARNING: the run used up every opening of the practice; lengthen HORIZON_DAYS"
    fi
    if [ -n "${PG_DATABASE}" ]; then
        say "PostgreSQL CPU   $(cores "$6" "${seconds}") cores (its backends for this database)"
        # requests in flight when wrk stops are made but not counted: at most the connections, twice
        say "hold rows        $(pg -d "${PG_DATABASE}" -c 'SELECT COUNT(*) FROM hold') in ${PG_DATABASE};" \
            "201s counted: $(( $(value created "${WORK}/warmup.txt") + created ))"
    fi
    [ -n "${JFR}" ] && say "flight recording ${JFR}"
    return 0
}

main() {
    parse "$@"
    preflight
    trap cleanup EXIT
    unpack
    [ "${DB}" = postgresql ] && use_postgresql
    say "Starting $(basename "${DIST}") on ${DB} in ${WORK} (HTTP port ${PORT})..."
    start
    days_file
    check_practice
    measure
}

main "$@"
