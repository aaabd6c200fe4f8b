#!/usr/bin/env bash
#
# Runs the Slotbridge demo: builds the distribution, unpacks it into ./demo, installs the demo
# practice (Riverside Family Dental), starts Karaf in the background, feeds the practice's HL7 inbox
# with appointments dated from today, and prints where to look.
#
#   ./demo.sh [--keep] [--no-build]   start the demo
#   ./demo.sh stop                    stop it, waiting until Karaf has exited (SIGKILL after 120 s)
#   ./demo.sh shell [COMMAND...]      the Karaf shell of the running demo (over SSH)
#
#   --keep      reuse ./demo from the last run (its database included) instead of a fresh one
#   --no-build  use the distribution already built in karaf-assembly/target
#
# Needs Java 17 and Maven; the first build downloads about 300 MB into ~/.m2.
#
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DEMO="${ROOT}/demo"
SOURCES="${ROOT}/karaf-assembly/src/main/demo"
SLUG="demo"
ZONE="America/New_York"
PORTS=(8181 8101 1099 44444)
INBOX="${DEMO}/data/connectors/hl7v2/${SLUG}/inbox"
BASE_URL="http://localhost:8181"

say() { printf '%s\n' "$*"; }
die() { printf 'demo: %s\n' "$*" >&2; exit 1; }

tool() { java "${SOURCES}/DemoTool.java" "$@"; }

java_home() {
    if [ -z "${JAVA_HOME:-}" ]; then
        local java_bin
        java_bin="$(command -v java)" || die "Java 17 is needed and 'java' is not on the PATH"
        JAVA_HOME="$(cd "$(dirname "$(readlink -f "${java_bin}")")/.." && pwd)"
        export JAVA_HOME
    fi
}

running() {
    java_home
    [ -x "${DEMO}/bin/status" ] && "${DEMO}/bin/status" >/dev/null 2>&1
}

karaf_ssh() {
    [ -f "${DEMO}/.ssh/id_rsa" ] || die "no demo shell key: run ./demo.sh first (needs ssh-keygen)"
    ssh -q -o BatchMode=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null \
        -i "${DEMO}/.ssh/id_rsa" -p 8101 karaf@localhost "$@"
}

# The pid of this demo's Karaf JVM, if one is alive: from the pid file Karaf writes, else the process
# whose command line names this demo as karaf.home. bin/status cannot tell: it says "Not Running" as
# soon as shutdown starts, while the JVM may still hold the ports for minutes (Derby shutdown).
karaf_pid() {
    local pid=""
    if [ -f "${DEMO}/karaf.pid" ]; then
        pid="$(tr -dc '0-9' < "${DEMO}/karaf.pid")"
    fi
    # a pid file left from a run that ended may name another process by now
    if [ -n "${pid}" ] && [ -z "$(ps -ww -p "${pid}" -o args= 2>/dev/null | demo_karaf)" ]; then
        pid=""
    fi
    [ -n "${pid}" ] || pid="$(ps -ww -eo pid=,args= 2>/dev/null | demo_karaf | awk 'NR == 1 { print $1 }')"
    [ -n "${pid}" ] && printf '%s\n' "${pid}"
}

# The lines of stdin (ps output) naming this demo as karaf.home; the paths go in through the
# environment so that this filter's own command line never matches.
demo_karaf() {
    DEMO_HOME="-Dkaraf.home=${DEMO} " DEMO_REAL="-Dkaraf.home=$(cd "${DEMO}" 2>/dev/null && pwd -P) " \
        awk 'index($0, ENVIRON["DEMO_HOME"]) || index($0, ENVIRON["DEMO_REAL"])'
}

alive() { kill -0 "$1" 2>/dev/null; }

stop() {
    java_home
    local pid waited=0 limit=120
    pid="$(karaf_pid)" || true
    if [ -z "${pid}" ] && ! running; then
        say "The demo is not running."
        return 0
    fi
    say "Stopping the demo${pid:+ (Karaf pid ${pid})}..."
    "${DEMO}/bin/stop" >/dev/null 2>&1 || true
    [ -n "${pid}" ] || pid="$(karaf_pid)" || true
    if [ -z "${pid}" ]; then
        # no process to watch (no pid file, no ps): fall back to what bin/status says
        while running && [ "${waited}" -lt "${limit}" ]; do sleep 1; waited=$((waited + 1)); done
        running && die "Karaf did not stop within ${limit} s; see ${DEMO}/data/log/karaf.log"
        say "Stopped."
        return 0
    fi
    while alive "${pid}" && [ "${waited}" -lt "${limit}" ]; do
        sleep 1
        waited=$((waited + 1))
        if [ $((waited % 10)) -eq 0 ] && alive "${pid}"; then
            say "  still shutting down after ${waited} s (the database closes last)..."
        fi
    done
    if alive "${pid}"; then
        kill -KILL "${pid}" 2>/dev/null || true
        for _ in 1 2 3 4 5; do alive "${pid}" || break; sleep 1; done
        alive "${pid}" && die "Karaf (pid ${pid}) survived SIGKILL; its ports stay taken until it ends"
        say "Karaf (pid ${pid}) had not exited after ${limit} s: killed it with SIGKILL."
        say "Stopped (forcibly; see ${DEMO}/data/log/karaf.log for why shutdown hung)."
        return 0
    fi
    say "Stopped."
}

preflight() {
    command -v java >/dev/null || die "Java 17 is needed and 'java' is not on the PATH"
    local version
    version="$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
    [ "${version%%.*}" -ge 17 ] 2>/dev/null || die "Java 17 or later is needed, found ${version:-none}"
    if running; then
        die "the demo is already running: ./demo.sh stop first"
    fi
    local pid taken
    pid="$(karaf_pid)" || true
    if [ -n "${pid}" ]; then
        die "the last demo's Karaf (pid ${pid}) is still shutting down: ./demo.sh stop waits for it to end"
    fi
    if ! taken="$(tool ports "${PORTS[@]}" 2>&1)"; then
        die "port(s) ${taken} already in use on this machine; Karaf needs ${PORTS[*]} free (HTTP, SSH, JMX)." \
            "A demo may still be stopping (./demo.sh stop waits until it has), or another program uses them."
    fi
}

build() {
    command -v mvn >/dev/null || die "Maven is needed and 'mvn' is not on the PATH"
    say "Building (mvn -q -DskipTests install); the first build downloads about 300 MB..."
    (cd "${ROOT}" && mvn -q -B -Dstyle.color=never -DskipTests install) || die "the build failed"
}

unpack() {
    local archive
    archive="$(ls "${ROOT}"/karaf-assembly/target/slotbridge-karaf-*.tar.gz 2>/dev/null | head -n 1)"
    [ -n "${archive}" ] || die "no distribution in karaf-assembly/target: run without --no-build"
    rm -rf "${DEMO}"
    mkdir -p "${DEMO}"
    tar -xzf "${archive}" -C "${DEMO}" --strip-components=1
    # a key of this demo's own for the shell over SSH; no key ships with the distribution
    if command -v ssh-keygen >/dev/null; then
        mkdir -p "${DEMO}/.ssh"
        ssh-keygen -q -t rsa -b 3072 -N '' -C slotbridge-demo -f "${DEMO}/.ssh/id_rsa"
        printf 'karaf=%s,_g_:admingroup\n' "$(cut -d' ' -f2 "${DEMO}/.ssh/id_rsa.pub")" \
            >> "${DEMO}/etc/keys.properties"
    fi
    mkdir -p "${DEMO}/etc/slotbridge/practices"
    cp "${SOURCES}/demo.json" "${DEMO}/etc/slotbridge/practices/${SLUG}.json"
    cp "${SOURCES}/org.slotbridge.connector.hl7v2-demo.cfg" "${DEMO}/etc/"
}

# One setting of a Karaf .cfg file (key = value), or the default when the file does not set it.
cfg_value() {
    local value
    value="$(sed -n "s/^[[:space:]]*$2[[:space:]]*[=:][[:space:]]*//p" "$1" 2>/dev/null | tail -n 1 \
        | tr -d '\r' | sed 's/[[:space:]]*$//')"
    printf '%s\n' "${value:-$3}"
}

# Whether something accepts TCP connections at host $1, port $2 (bash's /dev/tcp; at most 3 s where
# `timeout` exists).
listening() {
    if command -v timeout >/dev/null; then
        timeout 3 bash -c 'exec 3<>"/dev/tcp/$1/$2"' _ "$1" "$2" 2>/dev/null
    else
        (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
    fi
}

# Where the demo's email goes. Without a mail server there, each email is a WARN in karaf.log and is
# dropped, which nothing else would tell the user.
mail_note() {
    local cfg="${DEMO}/etc/org.slotbridge.comms.mail.cfg" host port
    host="$(cfg_value "${cfg}" host localhost)"
    port="$(cfg_value "${cfg}" port 25)"
    if [ "$(cfg_value "${cfg}" enabled true)" = false ]; then
        printf 'turned off (enabled = false in %s)\n' "${cfg}"
    elif listening "${host}" "${port}"; then
        printf 'SMTP %s:%s\n' "${host}" "${port}"
    else
        printf 'SMTP %s:%s, where nothing listens: emails will be logged in karaf.log and dropped\n' \
            "${host}" "${port}"
    fi
}

start() {
    local keep="$1"
    java_home
    if [ "${keep}" = yes ] && [ -x "${DEMO}/bin/start" ]; then
        say "Reusing ${DEMO}."
    else
        unpack
    fi
    say "Starting Karaf..."
    "${DEMO}/bin/start"
    if ! tool wait-http "${BASE_URL}/api/v1/practices" 180 "\"${SLUG}\""; then
        tail -n 30 "${DEMO}/data/log/karaf.log" >&2 || true
        die "Slotbridge did not list the demo practice within 180 s; see ${DEMO}/data/log/karaf.log"
    fi
    local count
    count="$(tool render "${ZONE}" "${SOURCES}/hl7" "${INBOX}")"
    say "Dropped ${count} HL7 files into ${INBOX}; waiting for the connector..."
    tool wait-files "${INBOX}" 120 || die "the connector did not take every file; see ${DEMO}/data/log/karaf.log"
    local failed
    failed="$(find "${INBOX}/../error" -maxdepth 1 -name '*.hl7' 2>/dev/null | wc -l)"
    [ "${failed}" -eq 0 ] || say "Note: ${failed} file(s) went to ${INBOX%/inbox}/error (reasons beside them)."

    local mail
    mail="$(mail_note)"
    cat <<EOF

Slotbridge is running with the demo practice "Riverside Family Dental".

  Portal (book as a client):  ${BASE_URL}/p/${SLUG}/
  Staff control panel:        ${BASE_URL}/staff/${SLUG}/   login demo-staff / demo-staff-2026
  JSON API:                   ${BASE_URL}/api/v1/practices/${SLUG}/reasons
  HL7 folders (PMS side):     ${INBOX%/inbox}/{inbox,done,error,outbox}
  Karaf shell:                ./demo.sh shell      (log: ${DEMO}/data/log/karaf.log)
  Email:                      ${mail}

Stop it with: ./demo.sh stop
EOF
}

main() {
    local keep=no build_first=yes
    case "${1:-}" in
        stop) stop; return ;;
        shell) shift; karaf_ssh "$@"; return ;;
        -h|--help|help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; return ;;
    esac
    for arg in "$@"; do
        case "${arg}" in
            --keep) keep=yes ;;
            --no-build) build_first=no ;;
            start) ;;
            *) die "unknown option ${arg} (see ./demo.sh --help)" ;;
        esac
    done
    preflight
    if [ "${build_first}" = yes ]; then
        build
    fi
    start "${keep}"
}

main "$@"
