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
#   scripts/bench.sh cluster [SHOPS] [PRODUCTS] [all|latency|cpu]
#                                                1 vs 3 members of a cluster crawl (a local Kafka broker) on a
#                                                latency-bound world (default 64 shops x 150 products, 200 ms
#                                                answers, 1 connection per host, --max-in-flight 16 per member),
#                                                also with one member SIGKILLed and resumed mid-crawl, and on a
#                                                CPU-bound world (no latency); Kafka records/s and bytes per page.
#                                                'latency' leaves out the CPU-bound world.
#   scripts/bench.sh recrawl [SHOPS] [PRODUCTS]  a first crawl (default 16 x 2000, every 4th shop without validators),
#                                                then the testbed restarted at epoch 1 (5 % of prices changed) and
#                                                'crawler recrawl --now': its CPU as a share of the first crawl's, and
#                                                the share of unchanged product pages on validator-serving shops
#                                                that ended as 304 (unchanged by the testbed's own ETags)
#   scripts/bench.sh soak [MINUTES]              RSS over a long crawl (default 30 min; 16 shops x 40,000
#                                                products, 100 ms answers, 2 per host), sampled every 10 s,
#                                                and its drift; stops the crawl itself when the time is up
#
# Environment: CRAWLER_XMX, when set, is the crawler's heap in every crawl mode; by default the
# launcher's own limit applies (see ./crawler), which is what a user gets.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
MODE=${1:-crawl}
shift || true
OUT="$ROOT/bench-output"
XMX_OPT=${CRAWLER_XMX:+-Xmx$CRAWLER_XMX}
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
    CRAWLER_JAVA_OPTS="$XMX_OPT -XX:+CITime" /usr/bin/time -v -o "$dir/time.txt" \
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

# soak MINUTES : crawls a world too big to finish for MINUTES, sampling the crawler's RSS every 10 s,
# then stops it (SIGTERM, as a user would; SIGKILL if it has not exited 60 s later) and the testbed,
# and prints RSS over time and its drift: the mean of the last fifth of the run against the mean of
# the second fifth (the first is warm-up: the heap and RocksDB's cache fill then).
soak() {
    local minutes=$1
    local dir="$OUT/soak"
    rm -rf "$dir"
    mkdir -p "$dir"
    start_testbed "$dir" --shops 16 --products 40000 --latency 100ms --page-bytes 40000-120000
    CRAWLER_JAVA_OPTS="$XMX_OPT" ./crawler crawl "$dir/seeds.txt" --dir "$dir/crawl" --delay 0 --adaptive-delay 0 \
        --per-host 2 > "$dir/crawl.out" 2> "$dir/crawl.err" &
    local pid=$! start now
    start=$(date +%s)
    echo "seconds	rss_kib	hwm_kib	pages" > "$dir/rss.tsv"
    while kill -0 "$pid" 2>/dev/null; do
        now=$(date +%s)
        [ $((now - start)) -lt $((minutes * 60)) ] || break
        printf '%d\t%s\t%s\t%s\n' $((now - start)) \
            "$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)" \
            "$(awk '/^VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)" \
            "$(grep -o 'pages [0-9]*' "$dir/crawl.err" 2>/dev/null | tail -n 1 | grep -o '[0-9]*' || echo 0)" >> "$dir/rss.tsv"
        sleep 10
    done
    if kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid"
        for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
        kill -KILL "$pid" 2>/dev/null || true
    else
        echo "the crawl ended before the soak did: $(tail -n 2 "$dir/crawl.err")" >&2
    fi
    wait "$pid" 2>/dev/null || true
    stop_testbed
    python3 - "$dir/rss.tsv" "$minutes" <<'PY'
import sys
rows = [list(map(int, l.split('\t'))) for l in open(sys.argv[1]).read().splitlines()[1:]]
minutes = int(sys.argv[2])
print("| minute | RSS MiB | peak RSS MiB | pages fetched |")
print("|---:|---:|---:|---:|")
step = max(1, minutes // 15)
for m in range(step, minutes + 1, step):
    near = min(rows, key=lambda r: abs(r[0] - m * 60))
    print(f"| {m} | {near[1] / 1024:.0f} | {near[2] / 1024:.0f} | {near[3]:,} |")
span = rows[-1][0]
def mean(lo, hi):
    sel = [r[1] for r in rows if lo <= r[0] < hi]
    return sum(sel) / len(sel) / 1024
second = mean(span / 5, 2 * span / 5)
last = mean(4 * span / 5, span + 1)
rate = (rows[-1][3] - rows[0][3]) / span if span else 0
print()
print(f"soak: {span / 60:.1f} min, {rows[-1][3]:,} pages ({rate:.0f} pages/s); peak RSS {max(r[2] for r in rows) / 1024:.0f} MiB; "
      f"mean RSS {second:.0f} MiB in the second fifth, {last:.0f} MiB in the last: drift {100 * (last - second) / second:+.1f} %")
PY
}

# cluster_run LABEL MEMBERS KILL SHOPS PRODUCTS LATENCY INFLIGHT : one cluster crawl through the broker
# at $BOOTSTRAP, all members started at once; with KILL=1 the second member is SIGKILLed once a third of
# the world has been requested and resumed at once. Prints one table row.
cluster_run() {
    local label=$1 members=$2 kill=$3 shops=$4 products=$5 latency=$6 inflight=$7
    local dir="$OUT/cluster-$label"
    local crawl_id="bench-$label-$$"
    rm -rf "$dir"
    mkdir -p "$dir"
    start_testbed "$dir" --shops "$shops" --products "$products" --latency "$latency" --truth "$dir/truth.json"
    local expected
    expected=$(python3 -c "import json; print(len(json.load(open('$dir/truth.json'))['expectedUrls']))")
    local start end pids=() i
    start=$(date +%s.%N)
    for i in $(seq 1 "$members"); do
        CRAWLER_JAVA_OPTS="$XMX_OPT" /usr/bin/time -o "$dir/time-$i.txt" -f "%U %S" \
            ./crawler crawl "$dir/seeds.txt" --dir "$dir/member-$i" --cluster "$BOOTSTRAP" --crawl-id "$crawl_id" \
            --partitions 64 --delay 0 --adaptive-delay 0 --per-host 1 --max-in-flight "$inflight" \
            > "$dir/member-$i.out" 2> "$dir/member-$i.err" &
        pids+=($!)
    done
    if [ "$kill" = 1 ]; then
        # The members' progress lines (every 5 s) say how far each has got.
        while [ "$(for f in "$dir"/member-*.err; do grep -o 'pages [0-9]*' "$f" | tail -n 1 | grep -o '[0-9]*' || echo 0; done \
                | awk '{s += $1} END {print s + 0}')" -lt $((expected / 3)) ]; do sleep 0.5; done
        # The JVM under /usr/bin/time: SIGKILL it, not the time process, as a machine failure would.
        pkill -KILL -P "${pids[1]}" java || true
        wait "${pids[1]}" 2>/dev/null || true
        CRAWLER_JAVA_OPTS="$XMX_OPT" /usr/bin/time -o "$dir/time-2b.txt" -f "%U %S" \
            ./crawler resume --dir "$dir/member-2" > "$dir/member-2b.out" 2> "$dir/member-2b.err" &
        pids[1]=$!
    fi
    for i in "${pids[@]}"; do wait "$i" || { echo "a member failed: see $dir" >&2; return 1; }; done
    end=$(date +%s.%N)
    ./crawler status --cluster "$BOOTSTRAP" --crawl-id "$crawl_id" > "$dir/cluster-status.txt"
    ./crawler export --cluster "$BOOTSTRAP" --crawl-id "$crawl_id" --format csv --out "$dir/products.csv" 2> "$dir/export.err"
    local served
    served=$(testbed_cpu)
    stop_testbed
    local kafka_bytes
    # The segments' bytes only: Kafka's index files are preallocated, sparse and mostly empty.
    kafka_bytes=$(find "$OUT"/cluster-broker/data/crawler."$crawl_id".* -name '*.log' -printf '%s\n' | awk '{s += $1} END {printf "%d", s}')
    python3 - "$label" "$members" "$dir" "$start" "$end" "$kafka_bytes" "$expected" <<'PY'
import glob, re, sys
label, members, d, start, end, kafka_bytes, expected = sys.argv[1:]
wall = float(end) - float(start)
rows = [l.split('\t') for l in open(f"{d}/requests.tsv").read().splitlines() if l and not l.startswith('host')]
requests = len(rows)
unique = len({(r[0], r[2]) for r in rows})
cpu = 0.0
for t in glob.glob(f"{d}/time-*.txt"):
    u, s = open(t).read().split()[-2:]
    cpu += float(u) + float(s)
status = open(f"{d}/cluster-status.txt").read()
def offsets(name):
    return int(re.search(name + r" topic end offsets\s+(\d+)", status).group(1))
records = offsets("links") + offsets("state") + offsets("products")
exported = int(re.search(r"Exported (\d+)", open(f"{d}/export.err").read()).group(1))
print(f"| {label} | {members} | {unique:,} | {requests - unique:,} | {wall:.1f} | {unique / wall:,.0f} | {cpu / unique * 1000:.2f} | "
      f"{records / wall:,.0f} | {int(kafka_bytes) / unique:,.0f} | {exported:,} |")
PY
}

cluster_header() {
    echo "| run | members | pages | fetched again | wall s | pages/s | member CPU s / 1,000 pages | Kafka records/s | Kafka bytes / page | products exported |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
}

# etags URLS_FILE OUT_TSV [IF_NONE_MATCH_TSV] : GETs every URL (4 at a time, one connection per thread and host)
# and writes url, status and ETag; with IF_NONE_MATCH_TSV (an earlier output) it sends each URL's earlier ETag
# as If-None-Match, so the testbed says by its own ETags (304) which pages are unchanged.
etags() {
    python3 - "$@" <<'PY'
import http.client, sys, threading, urllib.parse
from concurrent.futures import ThreadPoolExecutor
urls = [u.strip() for u in open(sys.argv[1]) if u.strip()]
before = {}
if len(sys.argv) > 3:
    for line in open(sys.argv[3]):
        url, status, tag = line.rstrip('\n').split('\t')
        if tag:
            before[url] = tag
local = threading.local()
def get(url):
    parts = urllib.parse.urlsplit(url)
    conns = local.__dict__.setdefault('conns', {})
    conn = conns.get(parts.netloc) or conns.setdefault(parts.netloc, http.client.HTTPConnection(parts.netloc, timeout=30))
    headers = {'If-None-Match': before[url]} if url in before else {}
    conn.request('GET', parts.path or '/', headers=headers)
    response = conn.getresponse()
    response.read()
    return f"{url}\t{response.status}\t{response.getheader('ETag') or ''}"
with ThreadPoolExecutor(4) as pool, open(sys.argv[2], 'w') as out:
    for row in pool.map(get, urls, chunksize=64):
        out.write(row + '\n')
PY
}

# recrawl_bench SHOPS PRODUCTS : see the top of this file. The world is the testbed's default one (per
# epoch 5 % of prices, 2 % stock, 0.5 % names, 1 % gone, 1 % added); only which shops send validators is
# chosen here. The testbed restarts on the same port, so the stored URLs stay valid. Prints one table row.
recrawl_bench() {
    local shops=$1 products=$2
    local dir="$OUT/recrawl"
    rm -rf "$dir"
    mkdir -p "$dir/epoch0" "$dir/probe1" "$dir/epoch1"
    local world=(--shops "$shops" --products "$products" --page-bytes 40000-120000 --no-validators-every 4)
    start_testbed "$dir/epoch0" "${world[@]}" --truth "$dir/truth0.json"
    local port
    port=$(grep -o 'port=[0-9]*' "$dir/epoch0/testbed.out" | cut -d= -f2)
    CRAWLER_JAVA_OPTS="$XMX_OPT" /usr/bin/time -v -o "$dir/time-crawl.txt" \
        ./crawler crawl "$dir/epoch0/seeds.txt" --dir "$dir/crawl" --delay 0 --adaptive-delay 0 --per-host 4 \
        > "$dir/crawl.out" 2> "$dir/crawl.err"
    python3 -c "import json; print('\n'.join(p['url'] for p in json.load(open('$dir/truth0.json'))['products']))" > "$dir/products0.txt"
    etags "$dir/products0.txt" "$dir/etags0.tsv"
    stop_testbed
    # Which pages epoch 1 left unchanged, by the testbed's own ETags, asked of a testbed whose log is not measured.
    start_testbed "$dir/probe1" "${world[@]}" --port "$port" --epoch 1
    etags "$dir/products0.txt" "$dir/probe1.tsv" "$dir/etags0.tsv"
    stop_testbed
    start_testbed "$dir/epoch1" "${world[@]}" --port "$port" --epoch 1
    CRAWLER_JAVA_OPTS="$XMX_OPT" /usr/bin/time -v -o "$dir/time-recrawl.txt" \
        ./crawler recrawl --dir "$dir/crawl" --now --delay 0 --adaptive-delay 0 --per-host 4 \
        > "$dir/recrawl.out" 2> "$dir/recrawl.err"
    stop_testbed
    ./crawler status --dir "$dir/crawl" --json > "$dir/status.json"
    python3 - "$dir" "$(field 'User time' "$dir/time-crawl.txt")" "$(field 'System time' "$dir/time-crawl.txt")" \
        "$(field 'User time' "$dir/time-recrawl.txt")" "$(field 'System time' "$dir/time-recrawl.txt")" <<'PY'
import json, sys, urllib.parse
d, cu, cs, ru, rs = sys.argv[1:]
crawl_cpu, recrawl_cpu = float(cu) + float(cs), float(ru) + float(rs)
# Shop N, 2N, ... (counting from 1, in seed order) sends no validators: --no-validators-every 4.
homes = [l.strip() for l in open(f"{d}/epoch0/seeds.txt") if l.strip()]
no_validators = {urllib.parse.urlsplit(h).hostname for i, h in enumerate(homes) if (i + 1) % 4 == 0}
unchanged = set()
for line in open(f"{d}/probe1.tsv"):
    url, status, _ = line.rstrip('\n').split('\t')
    parts = urllib.parse.urlsplit(url)
    if status == '304' and parts.hostname not in no_validators:
        unchanged.add((parts.hostname, parts.path))
answered = {}
for line in open(f"{d}/epoch1/requests.tsv").read().splitlines()[1:]:
    host, method, path, start, end, status, conditional = line.split('\t')
    if (host, path) in unchanged:
        answered.setdefault((host, path), []).append((status, conditional))
asked = sum(1 for k in unchanged if k in answered)
not_modified = sum(1 for k in unchanged if answered.get(k) and answered[k][-1][0] == '304')
counters = json.load(open(f"{d}/status.json"))['counters']
pages = counters.get('pages.fetched', 0)
print("| first crawl CPU s | recrawl CPU s | recrawl / crawl CPU | unchanged product pages (validator shops) | revisited | ended as 304 | share 304 | changes recorded |")
print("|---:|---:|---:|---:|---:|---:|---:|---:|")
print(f"| {crawl_cpu:.1f} | {recrawl_cpu:.1f} | {100 * recrawl_cpu / crawl_cpu:.1f} % | {len(unchanged):,} | {asked:,} | {not_modified:,} | "
      f"{100 * not_modified / max(1, len(unchanged)):.1f} % | {counters.get('products.changes', 0):,} |")
print()
print(f"targets: recrawl CPU <= 20 % of the first crawl's: {'met' if recrawl_cpu <= 0.2 * crawl_cpu else 'MISSED'}; "
      f">= 90 % of unchanged pages on validator shops as 304: {'met' if not_modified >= 0.9 * len(unchanged) else 'MISSED'}")
PY
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
        CRAWLER_JAVA_OPTS="$XMX_OPT" ./crawler crawl "$dir/seeds.txt" --dir "$dir/crawl" --delay 1s --per-host 1 \
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
    cluster)
        SHOPS=${1:-64}
        # About 11,000 pages: long enough that each member's JIT warm-up (tens of CPU seconds, three JVMs
        # at once on the same cores) is not most of the run.
        PRODUCTS=${2:-150}
        BROKER_DIR="$OUT/cluster-broker"
        rm -rf "$BROKER_DIR"
        echo "==> Starting a Kafka broker (about 25 s)" >&2
        BOOTSTRAP=$(scripts/kafka-broker.sh start --dir "$BROKER_DIR" | tail -n 1)
        trap 'stop_testbed; scripts/kafka-broker.sh stop --dir "$BROKER_DIR" > /dev/null 2>&1 || true' EXIT
        if [ "${3:-all}" != cpu ]; then
            echo "latency-bound: $SHOPS shops x $PRODUCTS products, 200 ms answers, 1 connection per host, --max-in-flight 16 per member"
            cluster_header
            cluster_run latency-1 1 0 "$SHOPS" "$PRODUCTS" 200ms 16
            cluster_run latency-3 3 0 "$SHOPS" "$PRODUCTS" 200ms 16
            cluster_run latency-3-kill 3 1 "$SHOPS" "$PRODUCTS" 200ms 16
            [ "${3:-all}" = latency ] && exit 0
            echo
        fi
        echo "CPU-bound: 16 shops x 200 products, no latency, 1 connection per host, --max-in-flight 256"
        cluster_header
        cluster_run cpu-1 1 0 16 200 0ms 256
        cluster_run cpu-3 3 0 16 200 0ms 256
        ;;
    recrawl)
        recrawl_bench "${1:-16}" "${2:-2000}"
        ;;
    soak)
        soak "${1:-30}"
        ;;
    *)
        echo "unknown mode '$MODE'; see the top of $0" >&2
        exit 1
        ;;
esac
