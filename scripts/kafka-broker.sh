#!/usr/bin/env bash
# A single-node Apache Kafka broker (KRaft: broker and controller in one JVM, no ZooKeeper) on
# 127.0.0.1, for cluster tests and demos on this machine.
#
#   scripts/kafka-broker.sh start --dir D [--port P] [--heap SIZE]
#       Resolves org.apache.kafka:kafka_2.13 (the version in scripts/kafka-broker/pom.xml) from Maven,
#       formats D/data with Kafka's storage tool the first time, starts the broker as a child JVM in
#       the background, waits until it serves, and prints its bootstrap address (127.0.0.1:PORT) as
#       its last line. P is the client port (default: a free one); the controller listens on P + 1.
#       A directory that already holds a broker is started again on its old ports with its data.
#   scripts/kafka-broker.sh stop --dir D
#       Stops the broker started in D (SIGTERM, then SIGKILL after 30 s) and waits for it to exit.
#   scripts/kafka-broker.sh status --dir D
#       Prints the bootstrap address and exits 0 when the broker of D runs; exits 1 when it does not.
#
# Everything the broker writes stays in D: server.properties, data/, broker.log, broker.pid,
# bootstrap. Needs only Java 17 and Maven.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
START_TIMEOUT_S=120
STOP_TIMEOUT_S=30

usage() {
    sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

fail() {
    echo "kafka-broker: $*" >&2
    exit 1
}

[ $# -ge 1 ] || usage
COMMAND=$1
shift
DIR=""
PORT=""
HEAP="512m"
while [ $# -gt 0 ]; do
    case "$1" in
        --dir) DIR=${2:?--dir needs a directory}; shift 2 ;;
        --port) PORT=${2:?--port needs a number}; shift 2 ;;
        --heap) HEAP=${2:?--heap needs a size such as 512m}; shift 2 ;;
        *) echo "kafka-broker: unknown option '$1'" >&2; usage ;;
    esac
done
[ -n "$DIR" ] || { echo "kafka-broker: --dir is required" >&2; usage; }
[ -z "$PORT" ] || [[ "$PORT" =~ ^[0-9]+$ && "$PORT" -ge 1024 && "$PORT" -le 65534 ]] \
    || fail "--port must be a number from 1024 to 65534, was '$PORT'"

port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# The PID in D/broker.pid, if that process is still this directory's broker (not a reused PID).
running_pid() {
    local pid
    [ -f "$DIR/broker.pid" ] || return 1
    pid=$(cat "$DIR/broker.pid")
    [[ "$pid" =~ ^[0-9]+$ ]] || return 1
    [ -r "/proc/$pid/cmdline" ] || return 1
    tr '\0' ' ' < "/proc/$pid/cmdline" | grep -qF "$DIR/server.properties" || return 1
    echo "$pid"
}

pick_port() {
    local candidate
    for _ in $(seq 1 50); do
        candidate=$(( 20000 + RANDOM % 40000 ))
        if ! port_in_use "$candidate" && ! port_in_use $(( candidate + 1 )); then
            echo "$candidate"
            return 0
        fi
    done
    fail "found no two free ports on 127.0.0.1"
}

write_properties() {
    local port=$1
    cat > "$DIR/server.properties" <<PROPS
# Written by scripts/kafka-broker.sh: one node that is its own controller, on loopback only.
process.roles=broker,controller
node.id=1
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$(( port + 1 ))
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
controller.quorum.bootstrap.servers=127.0.0.1:$(( port + 1 ))
log.dirs=$DIR/data
num.partitions=1
# One node: every internal topic has one replica, or transactions and consumer groups never start.
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
# A test's consumer group should not wait three seconds for members that are not coming.
group.initial.rebalance.delay.ms=0
# A killed member's open transaction is aborted within a second of its timeout, not ten.
transaction.abort.timed.out.transaction.cleanup.interval.ms=1000
PROPS
}

start() {
    mkdir -p "$DIR"
    DIR="$(cd "$DIR" && pwd)"
    if pid=$(running_pid); then
        fail "a broker already runs in $DIR (PID $pid) at $(cat "$DIR/bootstrap"); stop it first"
    fi
    local port
    if [ -f "$DIR/server.properties" ]; then
        port=$(sed -n 's#^advertised.listeners=PLAINTEXT://127.0.0.1:\([0-9]*\)$#\1#p' "$DIR/server.properties")
        [ -n "$port" ] || fail "$DIR/server.properties was not written by this script; use an empty directory"
        [ -z "$PORT" ] || [ "$PORT" = "$port" ] || fail "$DIR holds a broker for port $port, not $PORT"
    else
        port=${PORT:-$(pick_port)}
        write_properties "$port"
    fi
    port_in_use "$port" && fail "port $port on 127.0.0.1 is taken"
    port_in_use $(( port + 1 )) && fail "port $(( port + 1 )) on 127.0.0.1 (the controller's) is taken"

    if [ ! -s "$DIR/classpath.txt" ]; then
        mvn -B -q -f "$HERE/kafka-broker/pom.xml" dependency:build-classpath \
            -Dmdep.outputFile="$DIR/classpath.txt" > "$DIR/maven.log" 2>&1 \
            || { cat "$DIR/maven.log" >&2; fail "Maven could not resolve the broker's classpath (above)"; }
    fi
    local classpath
    classpath=$(cat "$DIR/classpath.txt")

    if [ ! -f "$DIR/data/meta.properties" ]; then
        local cluster_id
        cluster_id=$(java -cp "$classpath" kafka.tools.StorageTool random-uuid 2> "$DIR/format.log") \
            || { cat "$DIR/format.log" >&2; fail "the storage tool failed (above)"; }
        java -cp "$classpath" kafka.tools.StorageTool format --standalone --cluster-id "$cluster_id" \
            --config "$DIR/server.properties" >> "$DIR/format.log" 2>&1 \
            || { cat "$DIR/format.log" >&2; fail "formatting $DIR/data failed (above)"; }
    fi

    # setsid: the broker outlives this script and is not stopped by a Ctrl-C meant for the caller.
    setsid java "-Xmx$HEAP" -Dorg.slf4j.simpleLogger.showDateTime=true -cp "$classpath" \
        kafka.Kafka "$DIR/server.properties" > "$DIR/broker.log" 2>&1 < /dev/null &
    local pid=$!
    echo "$pid" > "$DIR/broker.pid"
    local deadline=$(( SECONDS + START_TIMEOUT_S ))
    until grep -qs 'Kafka Server started' "$DIR/broker.log" && port_in_use "$port"; do
        if ! kill -0 "$pid" 2>/dev/null; then
            rm -f "$DIR/broker.pid"
            tail -n 30 "$DIR/broker.log" >&2
            fail "the broker exited while starting; its log is $DIR/broker.log"
        fi
        if [ "$SECONDS" -ge "$deadline" ]; then
            kill "$pid" 2>/dev/null || true
            fail "the broker did not serve within $START_TIMEOUT_S s; its log is $DIR/broker.log"
        fi
        sleep 0.2
    done
    echo "127.0.0.1:$port" > "$DIR/bootstrap"
    echo "kafka broker (PID $pid, log $DIR/broker.log) serves at:" >&2
    echo "127.0.0.1:$port"
}

stop() {
    [ -d "$DIR" ] || fail "no such directory: $DIR"
    DIR="$(cd "$DIR" && pwd)"
    local pid
    if ! pid=$(running_pid); then
        rm -f "$DIR/broker.pid"
        echo "kafka-broker: no broker runs in $DIR" >&2
        return 0
    fi
    kill -TERM "$pid"
    local deadline=$(( SECONDS + STOP_TIMEOUT_S ))
    while kill -0 "$pid" 2>/dev/null; do
        if [ "$SECONDS" -ge "$deadline" ]; then
            echo "kafka-broker: PID $pid did not stop within $STOP_TIMEOUT_S s; killing it" >&2
            kill -KILL "$pid" 2>/dev/null || true
        fi
        sleep 0.2
    done
    rm -f "$DIR/broker.pid"
    echo "kafka-broker: stopped PID $pid" >&2
}

status() {
    [ -d "$DIR" ] || fail "no such directory: $DIR"
    DIR="$(cd "$DIR" && pwd)"
    if running_pid > /dev/null; then
        cat "$DIR/bootstrap"
    else
        echo "kafka-broker: no broker runs in $DIR" >&2
        exit 1
    fi
}

case "$COMMAND" in
    start) start ;;
    stop) stop ;;
    status) status ;;
    *) echo "kafka-broker: unknown command '$COMMAND'" >&2; usage ;;
esac
