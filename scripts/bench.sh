#!/usr/bin/env bash
# Benchmarks, all on this machine and loopback only. Each mode prints its figures; docs/PERFORMANCE.md
# records them with the machine they came from.
#
#   scripts/bench.sh crawl [SHOPS] [PRODUCTS]   end-to-end crawl vs the parse-only limit (default 16 x 2000;
#                                                delay 0, adaptive delay off, 4 permits per host)
#   scripts/bench.sh world                       the crawl at 1x, 4x and 16x the world (products per shop)
#   scripts/bench.sh politeness                  200 shops, 200 ms latency, 1 s delay, 1 permit: achieved vs bound
#   scripts/bench.sh frontier                    JMH: enqueue, lease, commit
#   scripts/bench.sh scale [N ...]               frontier RSS, heap and disk per queued URL (-Xmx512m)
#   scripts/bench.sh extraction                  JMH: full per-page work vs plain Jsoup.parse on the fixture pages
#
# Environment: CRAWLER_XMX (default 1g) is the crawler's heap in every crawl mode.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
MODE=${1:-crawl}
shift || true
OUT="$ROOT/bench-output"
XMX=${CRAWLER_XMX:-1g}
TESTBED_JAR=$(ls testbed/target/testbed-*-all.jar 2>/dev/null | head -n 1 || true)
BENCH_JAR=benchmarks/target/benchmarks.jar
export MALLOC_ARENA_MAX=2

build() {
    if [ -z "$TESTBED_JAR" ] || [ ! -f "$BENCH_JAR" ] || [ ! -f crawler-cli/target/crawler.jar ]; then
        echo "==> Building (mvn -B -q package -DskipTests)" >&2
        mvn -B -q package -DskipTests
        TESTBED_JAR=$(ls testbed/target/testbed-*-all.jar | head -n 1)
    fi
}

TESTBED_PID=""
stop_testbed() {
    if [ -n "$TESTBED_PID" ]; then
        kill "$TESTBED_PID" 2>/dev/null || true
        wait "$TESTBED_PID" 2>/dev/null || true
        TESTBED_PID=""
    fi
}
trap stop_testbed EXIT

# start_testbed DIR ARGS... : starts the testbed as its own process and waits for READY.
start_testbed() {
    local dir=$1
    shift
    java -Xmx2g -jar "$TESTBED_JAR" --port 0 --seeds-out "$dir/seeds.txt" --request-log "$dir/requests.tsv" "$@" \
        > "$dir/testbed.out" 2> "$dir/testbed.err" &
    TESTBED_PID=$!
    for _ in $(seq 1 600); do
        grep -q '^READY' "$dir/testbed.out" 2>/dev/null && return 0
        kill -0 "$TESTBED_PID" 2>/dev/null || { cat "$dir/testbed.err" >&2; return 1; }
        sleep 0.1
    done
    echo "the testbed did not start" >&2
    return 1
}

# testbed_cpu : CPU seconds the testbed process has used so far (it shares the machine with the crawler)
testbed_cpu() {
    local ticks
    ticks=$(getconf CLK_TCK)
    awk -v hz="$ticks" '{ printf "%.1f", ($14 + $15) / hz }' "/proc/$TESTBED_PID/stat"
}

# field NAME FILE : a value from GNU time's -v report
field() {
    grep -F "$1" "$2" | head -n 1 | sed 's/.*: //'
}

# crawl_once SHOPS PRODUCTS LABEL : one end-to-end run; prints one table row
crawl_once() {
    local shops=$1 products=$2 label=$3
    local dir="$OUT/crawl-$label"
    rm -rf "$dir"
    mkdir -p "$dir"
    start_testbed "$dir" --shops "$shops" --products "$products" --page-bytes 40000-120000
    # -XX:+CITime: the JIT's compile time, printed at exit, which a short run does not amortise.
    CRAWLER_JAVA_OPTS="-Xmx$XMX -XX:+CITime" /usr/bin/time -v -o "$dir/time.txt" \
        ./crawler crawl "$dir/seeds.txt" --dir "$dir/crawl" --delay 0 --adaptive-delay 0 --per-host 4 > "$dir/crawl.out" 2> "$dir/crawl.err"
    local served
    served=$(testbed_cpu)
    stop_testbed
    ./crawler export --dir "$dir/crawl" --format csv --out "$dir/products.csv" 2> "$dir/export.err"
    ./crawler status --dir "$dir/crawl" --json > "$dir/status.json"
    local pages bytes wall user sys rss exported jit
    pages=$(python3 -c "import json,sys; print(json.load(open('$dir/status.json'))['counters'].get('pages.fetched',0))")
    bytes=$(python3 -c "import json,sys; print(json.load(open('$dir/status.json'))['counters'].get('bytes.fetched',0))")
    wall=$(python3 -c "
t='$(field 'Elapsed (wall clock)' "$dir/time.txt")'.split(':')
print(sum(float(x)*60**i for i,x in enumerate(reversed(t))))")
    user=$(field 'User time' "$dir/time.txt")
    sys=$(field 'System time' "$dir/time.txt")
    rss=$(field 'Maximum resident set size' "$dir/time.txt")
    exported=$(grep -o 'Exported [0-9]*' "$dir/export.err" | grep -o '[0-9]*')
    jit=$(grep -m 1 'Total compilation time' "$dir/crawl.out" | grep -o '[0-9.]* s' | grep -o '[0-9.]*' || echo 0)
    python3 - "$label" "$pages" "$bytes" "$wall" "$user" "$sys" "$rss" "$exported" "$served" "$jit" <<'PY'
import sys
label, pages, nbytes, wall, user, sys_, rss, exported, served, jit = sys.argv[1:]
pages, nbytes, wall, cpu = int(pages), int(nbytes), float(wall), float(user) + float(sys_)
print(f"| {label} | {pages:,} | {wall:.1f} | {pages / wall:,.0f} | {nbytes / wall / 1e6:.1f} | {cpu / pages * 1000:.2f} | {int(rss) / 1024:.0f} | {int(exported):,} | {float(served) / pages * 1000:.2f} | {float(jit):.1f} |")
PY
}

crawl_header() {
    echo "| world | pages | wall s | pages/s | MB/s HTML | crawler CPU s / 1,000 pages | peak RSS MiB | products exported | testbed CPU s / 1,000 pages | JIT compile s |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
}

mkdir -p "$OUT"
build
case "$MODE" in
    crawl)
        SHOPS=${1:-16}
        PRODUCTS=${2:-2000}
        crawl_header
        crawl_once "$SHOPS" "$PRODUCTS" "${SHOPS}x${PRODUCTS}"
        echo
        java -Xmx2g -cp "$BENCH_JAR" dev.crawler.benchmarks.ParseOnlyRun "$SHOPS" "$PRODUCTS" 40000 120000 20
        ;;
    world)
        crawl_header
        for factor in 1 4 16; do
            crawl_once 16 $((2000 * factor)) "${factor}x"
        done
        ;;
    politeness)
        dir="$OUT/politeness"
        rm -rf "$dir"
        mkdir -p "$dir"
        start_testbed "$dir" --shops 200 --products 40 --latency 200ms --page-bytes 40000-120000
        # Exit code 4: the page budget ended the run with URLs still queued, as it is meant to here.
        CRAWLER_JAVA_OPTS="-Xmx$XMX" ./crawler crawl "$dir/seeds.txt" --dir "$dir/crawl" --delay 1s --per-host 1 \
            --max-pages 8000 > "$dir/crawl.out" 2> "$dir/crawl.err" || [ $? -eq 4 ]
        stop_testbed
        cat "$dir/crawl.out"
        java -cp "$BENCH_JAR" dev.crawler.benchmarks.PolitenessCheck "$dir/requests.tsv" 1000 1
        python3 - "$dir/requests.tsv" <<'PY'
import sys
rows = [l.split('\t') for l in open(sys.argv[1]).read().splitlines()[1:]]
starts = sorted(int(r[3]) for r in rows)
span = (starts[-1] - starts[0]) / 1e9
bound = 200 / (1.0 + 0.2)
print(f"requests/s over the run: {len(rows) / span:.1f}; politeness bound 200 / (1 s + 0.2 s) = {bound:.1f}; achieved {len(rows) / span / bound * 100:.0f} % of the bound")
PY
        ;;
    frontier)
        java -jar "$BENCH_JAR" FrontierBenchmark "$@"
        ;;
    scale)
        SIZES=${*:-100000 1000000 10000000 50000000}
        echo "| queued URLs | enqueue s | URLs/s | RSS MiB | heap committed MiB | heap used MiB | RSS outside the heap MiB | disk bytes/URL |"
        echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
        for n in $SIZES; do
            java -Xmx512m -cp "$BENCH_JAR" dev.crawler.benchmarks.FrontierScaleRun "$n" | tail -n 1
        done
        ;;
    extraction)
        java -jar "$BENCH_JAR" ExtractionBenchmark "$@"
        ;;
    *)
        echo "unknown mode '$MODE'; see the top of $0" >&2
        exit 1
        ;;
esac
