#!/usr/bin/env bash
# Crash-proof, at scale, proven: crawls a testbed world, SIGKILLs the crawler at KILLS moments aimed at
# every phase of a crawl, resumes after each, and compares the end with an uninterrupted crawl of the
# same world (dev.crawler.benchmarks.CrashCheck): the same products, none twice, no failure lost, and
# no page fetched more than twice (by the testbed's request log). All on loopback.
#
#   scripts/crash-test.sh [KILLS] [SHOPS] [PRODUCTS_PER_SHOP]    default 20 kills, 8 x 500 (4,000 products)
#
# Where the kills land (each is checked against the crawl's own log at the moment of the kill, and the
# line printed for it says what was in flight):
#   startup   while the JVM starts and opens (or creates) the crawl directory
#   sitemap   while the sitemap indexes, then while the product sitemaps, are being fetched
#   robots    while every host's robots.txt is being fetched, before any page
#   commit    while pages are fetched and their outcomes committed, group after group
# The testbed answers robots.txt and sitemaps after ROBOTS_LATENCY, which opens a window for the first
# three. The crawler runs with --log-level trace, which logs each request as it is sent and each outcome
# once it is committed; a kill in the commit phase waits until every page left in flight by the kills
# before has been committed again, so that no page need be fetched a third time.
#
# Environment: CRASH_SEED picks the kill moments (default: from the clock; printed, to replay a run);
# CRASH_TIMEOUT bounds the whole run in seconds (default 1800). Everything it starts is stopped by PID
# when it ends, however it ends. Output, logs and exports go to crash-output/.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
KILLS=${1:-20}
SHOPS=${2:-8}
PRODUCTS=${3:-500}
SEED=${CRASH_SEED:-$(date +%s)}
TIMEOUT=${CRASH_TIMEOUT:-1800}
ROBOTS_LATENCY_MS=1500
OUT="$ROOT/crash-output"
TESTBED_JAR=$(ls testbed/target/testbed-*-all.jar 2>/dev/null | head -n 1 || true)
BENCH_JAR=benchmarks/target/benchmarks.jar
export MALLOC_ARENA_MAX=2
export LC_ALL=C
STARTED=$(date +%s)
RANDOM=$SEED

PIDS=()
cleanup() {
    local pid
    for pid in "${PIDS[@]+"${PIDS[@]}"}"; do
        kill -TERM "$pid" 2>/dev/null || true
    done
    for pid in "${PIDS[@]+"${PIDS[@]}"}"; do
        for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    PIDS=()
}
trap cleanup EXIT
trap 'echo "crash-test: interrupted" >&2; exit 130' INT TERM

forget() { # forget PID : it has ended
    local pid=$1 kept=() p
    for p in "${PIDS[@]+"${PIDS[@]}"}"; do [ "$p" = "$pid" ] || kept+=("$p"); done
    PIDS=("${kept[@]+"${kept[@]}"}")
}

fail() { echo "crash-test: FAIL: $*" >&2; exit 1; }

# check_deadline : fails once the whole run has taken longer than CRASH_TIMEOUT
check_deadline() {
    if [ $(( $(date +%s) - STARTED )) -gt "$TIMEOUT" ]; then
        fail "took longer than CRASH_TIMEOUT=$TIMEOUT s"
    fi
}

# random_ms MIN MAX : a random whole number of milliseconds in [MIN, MAX]
random_ms() { echo $(( $1 + RANDOM % ($2 - $1 + 1) )); }
sleep_ms() { sleep "$(awk -v ms="$1" 'BEGIN { printf "%.3f", ms / 1000 }')"; }

if [ -z "$TESTBED_JAR" ] || [ ! -f "$BENCH_JAR" ] || [ ! -f crawler-cli/target/crawler.jar ]; then
    echo "==> Building (mvn -B -q package -DskipTests)"
    mvn -B -q package -DskipTests
    TESTBED_JAR=$(ls testbed/target/testbed-*-all.jar | head -n 1)
fi
rm -rf "$OUT"
mkdir -p "$OUT"

TESTBED_PID=""
# start_testbed NAME PORT : the world, its request log written to NAME-requests.tsv when it stops
start_testbed() {
    local name=$1 port=$2
    java -Xmx1g -jar "$TESTBED_JAR" --shops "$SHOPS" --products "$PRODUCTS" --port "$port" --sitemaps \
        --robots-latency "${ROBOTS_LATENCY_MS}ms" --latency 60ms --seeds-out "$OUT/seeds.txt" \
        --request-log "$OUT/$name-requests.tsv" > "$OUT/$name-testbed.out" 2> "$OUT/$name-testbed.err" &
    TESTBED_PID=$!
    PIDS+=("$TESTBED_PID")
    for _ in $(seq 1 600); do
        grep -q '^READY' "$OUT/$name-testbed.out" 2>/dev/null && return 0
        kill -0 "$TESTBED_PID" 2>/dev/null || { cat "$OUT/$name-testbed.err" >&2; fail "the testbed did not start"; }
        sleep 0.1
    done
    fail "the testbed did not start within 60 s"
}

stop_testbed() { # SIGTERM: the testbed writes its request log, then exits
    kill -TERM "$TESTBED_PID"
    wait "$TESTBED_PID" 2>/dev/null || true
    forget "$TESTBED_PID"
}

# One request in flight per shop and a 60 ms answer: about 130 pages/s at most, so that twenty kills
# with a few seconds of crawling between them fit in one crawl of the world.
cat > "$OUT/crawl.yaml" <<'YAML'
politeness:
  delay: 0s
  permitsPerHost: 1
  adaptiveDelayFactor: 0
scope:
  sitemapsFromRobots: true
YAML

echo "==> crash test: $KILLS kills, $SHOPS shops x $PRODUCTS products, seed $SEED (CRASH_SEED=$SEED replays it)"

echo "==> The uninterrupted crawl"
start_testbed reference 0
PORT=$(sed -n 's/^READY port=\([0-9]*\).*/\1/p' "$OUT/reference-testbed.out")
./crawler crawl "$OUT/seeds.txt" --dir "$OUT/reference" --config "$OUT/crawl.yaml" > "$OUT/reference.out" 2> "$OUT/reference.err" &
pid=$!
PIDS+=("$pid")
while kill -0 "$pid" 2>/dev/null; do check_deadline; sleep 0.5; done
wait "$pid" || fail "the uninterrupted crawl failed: $(tail -n 3 "$OUT/reference.err")"
forget "$pid"
stop_testbed
echo "    $(head -n 1 "$OUT/reference.out")"

echo "==> The crawl killed $KILLS times (the same world, again on port $PORT)"
start_testbed crashed "$PORT"
DIR="$OUT/crashed"
LOG="$DIR/crawler.log"
CRAWLER_PID=""
LOG_OFFSET=0
RUN_STARTED=0

start_crawler() { # start_crawler RUN : crawl, or resume once a run has created the directory
    local run=$1
    LOG_OFFSET=$( [ -f "$LOG" ] && stat -c %s "$LOG" || echo 0 )
    RUN_STARTED=$(date +%s%N)
    if [ -f "$DIR/crawl.json" ]; then
        ./crawler resume --dir "$DIR" --log-level trace > "$OUT/run-$run.out" 2> "$OUT/run-$run.err" &
    else
        ./crawler crawl "$OUT/seeds.txt" --dir "$DIR" --config "$OUT/crawl.yaml" --log-level trace \
            > "$OUT/run-$run.out" 2> "$OUT/run-$run.err" &
    fi
    CRAWLER_PID=$!
    PIDS+=("$CRAWLER_PID")
}

this_run() { [ -f "$LOG" ] && tail -c +$((LOG_OFFSET + 1)) "$LOG" || true; }
all_runs() { [ -f "$LOG" ] && cat "$LOG" || true; }
requested() { grep -o 'engine.CrawlEngine - requesting http[^ ]*' | sed 's/.*requesting //' | grep -v '/robots.txt$' | sort -u || true; }
committed() { grep -o 'commit.Committer - http[^ ]*' | sed 's/.*Committer - //' | sort -u || true; }
count() { grep -c . || true; }

# owed : pages requested by an earlier run and not yet committed by any (left in flight by a kill). A
# kill while one of them is in flight again would make its next fetch its third, so the kills that
# land among page fetches wait, just before they strike, until none is.
OWED_FILE="$OUT/owed.txt"
: > "$OWED_FILE"
remember_owed() {
    comm -23 <(all_runs | requested) <(all_runs | committed) > "$OWED_FILE"
}
in_flight() { comm -23 <(this_run | requested) <(all_runs | committed); }
owed_in_flight() { comm -12 <(in_flight) "$OWED_FILE" | count; }
safe_to_kill() { [ "$(owed_in_flight)" -eq 0 ]; }

# await WHAT SECONDS COMMAND... : polls COMMAND until it succeeds; false after SECONDS or once the crawler exits
await() {
    local what=$1 seconds=$2
    shift 2
    local end=$(( $(date +%s) + seconds ))
    while ! "$@"; do
        check_deadline
        kill -0 "$CRAWLER_PID" 2>/dev/null || return 1
        [ "$(date +%s)" -lt "$end" ] || { echo "    (waited $seconds s for $what)"; return 1; }
        sleep 0.05
    done
}

robots_requested() { [ "$(this_run | grep -c 'requesting http[^ ]*/robots.txt$' || true)" -gt 0 ]; }
pages_requested_this_run() { this_run | requested | count; }
index_requested() { this_run | requested | grep -q '/sitemap.xml$'; }
product_sitemap_in_flight() {
    [ "$(comm -23 <(this_run | requested | grep '/sitemap-products-') <(all_runs | committed) | count)" -gt 0 ]
}
sitemap_in_flight_and_safe() { product_sitemap_in_flight && safe_to_kill; }
committed_this_run_at_least() { [ "$(this_run | committed | count)" -ge "$1" ]; }

# The plan: a startup kill first (often before the crawl directory exists), the sitemap phases while
# there are sitemaps to fetch, then robots, startup and commit kills in a random order.
PLAN=(startup sitemap-index sitemaps)
rest=()
for _ in $(seq 1 $(( KILLS * 25 / 100 ))); do rest+=(robots); done
rest+=(startup)
while [ $(( ${#PLAN[@]} + ${#rest[@]} )) -lt "$KILLS" ]; do rest+=(commit); done
for i in $(seq $(( ${#rest[@]} - 1 )) -1 1); do
    j=$(( RANDOM % (i + 1) ))
    tmp=${rest[$i]}; rest[$i]=${rest[$j]}; rest[$j]=$tmp
done
PLAN+=("${rest[@]}")
PLAN=("${PLAN[@]:0:$KILLS}")

previous_products=0
kills=0
for k in $(seq 1 "$KILLS"); do
    phase=${PLAN[$((k - 1))]}
    remember_owed
    owed_before=$(count < "$OWED_FILE")
    start_crawler "$k"
    evidence=""
    case "$phase" in
        startup)
            sleep_ms "$(random_ms 200 1200)"
            evidence="$( [ -f "$DIR/crawl.json" ] && echo "crawl directory there" || echo "no crawl directory yet" ), $(pages_requested_this_run) pages requested"
            ;;
        sitemap-index)
            await "the sitemap indexes to be requested" 60 index_requested || fail "kill $k: no sitemap index was requested"
            sleep_ms "$(random_ms 100 $(( ROBOTS_LATENCY_MS * 2 / 3 )))"
            n=$(comm -23 <(this_run | requested | grep '/sitemap.xml$') <(all_runs | committed) | count)
            [ "$n" -gt 0 ] || fail "kill $k: aimed at the sitemap indexes, but they were all committed"
            evidence="$n sitemap indexes in flight"
            ;;
        sitemaps)
            # Aims again if the sitemaps in sight were all committed before the moment came (a host has several).
            n=0
            for _ in 1 2 3 4 5; do
                await "product sitemaps in flight, and no page for the second time" 90 sitemap_in_flight_and_safe \
                    || fail "kill $k: no product sitemap in flight"
                sleep_ms "$(random_ms 50 $(( ROBOTS_LATENCY_MS / 3 )))"
                n=$(comm -23 <(this_run | requested | grep '/sitemap-products-') <(all_runs | committed) | count)
                [ "$n" -eq 0 ] || ! safe_to_kill || break
                n=0
            done
            [ "$n" -gt 0 ] || fail "kill $k: aimed at the product sitemaps five times, and missed each time"
            evidence="$n product sitemaps in flight"
            ;;
        robots)
            await "robots.txt requests" 60 robots_requested || fail "kill $k: robots.txt was never requested"
            sleep_ms "$(random_ms 100 $(( ROBOTS_LATENCY_MS * 2 / 3 )))"
            n=$(this_run | grep -c 'requesting http[^ ]*/robots.txt$' || true)
            pages=$(pages_requested_this_run)
            [ "$pages" -eq 0 ] || fail "kill $k: aimed at robots.txt, but $pages pages were requested already"
            evidence="robots.txt of $n hosts in flight, no page requested yet"
            ;;
        commit)
            await "20 committed pages" 60 committed_this_run_at_least 20 || fail "kill $k: the crawl did not commit pages"
            sleep_ms "$(random_ms 0 1500)"
            await "no page in flight for the second time" 60 safe_to_kill || fail "kill $k: pages stayed in flight a second time"
            evidence="$(this_run | committed | count) outcomes committed in this run, $(in_flight | count) pages in flight"
            ;;
    esac
    if ! kill -0 "$CRAWLER_PID" 2>/dev/null; then
        wait "$CRAWLER_PID" && status=0 || status=$?
        forget "$CRAWLER_PID"
        fail "kill $k ($phase): the crawler had already exited (status $status) before the kill; $(tail -n 2 "$OUT/run-$k.err")"
    fi
    kill -KILL "$CRAWLER_PID"
    wait "$CRAWLER_PID" 2>/dev/null || true
    forget "$CRAWLER_PID"
    kills=$((k))
    elapsed=$(awk -v a="$RUN_STARTED" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')
    if [ -f "$DIR/crawl.json" ]; then
        ./crawler status --dir "$DIR" --json > "$OUT/status-$k.json" 2> "$OUT/status-$k.err" \
            || fail "kill $k: status could not read the crawl after the kill: $(cat "$OUT/status-$k.err")"
        products=$(python3 -c "import json; print(json.load(open('$OUT/status-$k.json'))['counters'].get('products', 0))")
    else
        products=0
    fi
    [ "$products" -ge "$previous_products" ] || fail "kill $k: products went down from $previous_products to $products"
    previous_products=$products
    printf '    kill %2d/%d  %-13s after %5s s: %s; %d left in flight before; products stored %d\n' \
        "$k" "$KILLS" "$phase" "$elapsed" "$evidence" "$owed_before" "$products"
done

echo "==> Resuming to the end"
start_crawler final
while kill -0 "$CRAWLER_PID" 2>/dev/null; do check_deadline; sleep 0.5; done
wait "$CRAWLER_PID" || fail "the last resume failed: $(tail -n 3 "$OUT/run-final.err")"
forget "$CRAWLER_PID"
echo "    $(head -n 1 "$OUT/run-final.out")"
stop_testbed

./crawler export --dir "$OUT/reference" --format csv --out "$OUT/reference.csv" 2> "$OUT/reference-export.err"
./crawler export --dir "$DIR" --format csv --out "$OUT/crashed.csv" 2> "$OUT/crashed-export.err"

echo "==> Compared with the uninterrupted crawl"
if java -cp "$BENCH_JAR" dev.crawler.benchmarks.CrashCheck "$OUT/reference" "$OUT/reference.csv" "$DIR" "$OUT/crashed.csv" \
        "$OUT/crashed-requests.tsv" | tee "$OUT/check.txt"; then
    echo "crash test: $kills/$KILLS kills survived, resumed to the end, and matched the uninterrupted crawl (seed $SEED, $(( $(date +%s) - STARTED )) s)"
else
    fail "$kills/$KILLS kills, but the result differs from the uninterrupted crawl (seed $SEED); see $OUT/check.txt"
fi
