#!/usr/bin/env bash
# One crawl shared by three members through Kafka, end to end on this machine only: build, start a
# single-node Kafka broker (scripts/kafka-broker.sh) and the bundled testbed shops on loopback, run
# three `crawler crawl --cluster` members, each with its own directory, export the whole crawl's
# products as CSV from the cluster, print a summary, and stop everything it started.
#
#   scripts/cluster-demo.sh [SHOPS] [PRODUCTS_PER_SHOP] [MEMBERS]
#
# Needs only Java 17 and Maven (the broker comes from Maven Central). Writes to cluster-demo-output/.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
SHOPS=${1:-12}
PRODUCTS=${2:-100}
MEMBERS=${3:-3}
OUT="$ROOT/cluster-demo-output"
CSV="$OUT/products.csv"
CRAWL_ID="demo-$$"

echo "==> Building (mvn -B -q package -DskipTests)"
mvn -B -q package -DskipTests

rm -rf "$OUT"
mkdir -p "$OUT"
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    scripts/kafka-broker.sh stop --dir "$OUT/broker" > /dev/null 2>&1 || true
}
trap cleanup EXIT

echo "==> Starting a Kafka broker on 127.0.0.1 (about 25 s)"
BOOTSTRAP=$(scripts/kafka-broker.sh start --dir "$OUT/broker" | tail -n 1)
echo "    $BOOTSTRAP"

echo "==> Starting the testbed: $SHOPS shops x $PRODUCTS products on 127.0.1.x"
java -jar testbed/target/testbed-*-all.jar --shops "$SHOPS" --products "$PRODUCTS" --plain-shops "$(( SHOPS / 2 ))" --port 0 \
    --truth "$OUT/ground-truth.json" --seeds-out "$OUT/seeds.txt" > "$OUT/testbed.out" 2> "$OUT/testbed.err" &
PIDS+=($!)
for _ in $(seq 1 300); do
    if grep -q '^READY' "$OUT/testbed.out" 2>/dev/null; then break; fi
    sleep 0.1
done
grep -q '^READY' "$OUT/testbed.out" || { echo "the testbed did not report READY within 30 s" >&2; cat "$OUT/testbed.err" >&2; exit 1; }

echo "==> Crawling with $MEMBERS members (crawl id $CRAWL_ID; each: delay 0, 2 requests per host)"
MEMBER_PIDS=()
for i in $(seq 1 "$MEMBERS"); do
    ./crawler crawl "$OUT/seeds.txt" --dir "$OUT/member-$i" --cluster "$BOOTSTRAP" --crawl-id "$CRAWL_ID" \
        --delay 0 --per-host 2 > "$OUT/member-$i.out" 2> "$OUT/member-$i.err" &
    MEMBER_PIDS+=($!)
    PIDS+=($!)
done
FAILED=0
for i in $(seq 1 "$MEMBERS"); do
    if ! wait "${MEMBER_PIDS[$((i - 1))]}"; then
        echo "member $i failed:" >&2; tail -n 5 "$OUT/member-$i.err" >&2; FAILED=1
    fi
done
[ "$FAILED" = 0 ] || exit 1

echo "==> Exporting the whole crawl's CSV from the cluster"
./crawler export --cluster "$BOOTSTRAP" --crawl-id "$CRAWL_ID" --format csv --out "$CSV"

ROWS=$(( $(wc -l < "$CSV") - 1 ))
echo
echo "==> Summary"
for i in $(seq 1 "$MEMBERS"); do
    echo "    member $i: $(grep -m 1 -E '^(Done|Stopped|Unfinished)' "$OUT/member-$i.out")"
done
echo "    products in CSV:  $ROWS (the testbed holds $(( SHOPS * PRODUCTS )))"
echo "    CSV:              $CSV"
./crawler status --cluster "$BOOTSTRAP" --crawl-id "$CRAWL_ID" | sed 's/^/    /'
