#!/usr/bin/env bash
#
# Runs the Slotbridge demo: builds the distribution, unpacks it into ./demo, installs the demo
# practice (Riverside Family Dental), starts Karaf in the background, feeds the practice's HL7 inbox
# with appointments dated from today, and prints where to look.
#
#   ./demo.sh [--keep] [--no-build]   start the demo
#   ./demo.sh stop                    stop it
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

stop() {
    if running; then
        java_home
        say "Stopping the demo..."
        "${DEMO}/bin/stop" >/dev/null 2>&1 || true
        for _ in $(seq 60); do
            running || { say "Stopped."; return 0; }
            sleep 1
        done
        die "Karaf did not stop within 60 s; see ${DEMO}/data/log/karaf.log"
    fi
    say "The demo is not running."
}

preflight() {
    command -v java >/dev/null || die "Java 17 is needed and 'java' is not on the PATH"
    local version
    version="$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
    [ "${version%%.*}" -ge 17 ] 2>/dev/null || die "Java 17 or later is needed, found ${version:-none}"
    if running; then
        die "the demo is already running: ./demo.sh stop first"
    fi
    local taken
    if ! taken="$(tool ports "${PORTS[@]}" 2>&1)"; then
        die "port(s) ${taken} already in use on this machine; Karaf needs ${PORTS[*]} free (HTTP, SSH, JMX)"
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

    cat <<EOF

Slotbridge is running with the demo practice "Riverside Family Dental".

  Portal (book as a client):  ${BASE_URL}/p/${SLUG}/
  Staff control panel:        ${BASE_URL}/staff/${SLUG}/   login demo-staff / demo-staff-2026
  JSON API:                   ${BASE_URL}/api/v1/practices/${SLUG}/reasons
  HL7 folders (PMS side):     ${INBOX%/inbox}/{inbox,done,error,outbox}
  Karaf shell:                ./demo.sh shell      (log: ${DEMO}/data/log/karaf.log)

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
