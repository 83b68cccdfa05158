#!/usr/bin/env bash
# Times `repdir check` on a generated site of N representatives.
#
#   tests/bench/check.sh [N] [--runs R] [--seed S] [--photos] [--keep] [--no-build]
#
# Generates N representatives (default 10000), N/10 stations, 20 groups and N/2 reports
# with examples/gen.rs into a temporary folder, makes sure `repdir check` passes on it,
# then times it: wall time with hyperfine (installed with apt-get when missing; falls
# back to repeated /usr/bin/time runs), peak RSS with /usr/bin/time -v. The page cache
# is warm (one warm-up run): this measures repdir, not the disk.
#
# Environment: REPDIR=path/to/repdir and GEN=path/to/gen use those binaries instead of
# building target/release/{repdir,examples/gen}.
set -euo pipefail

n=10000
runs=""
seed=20240601
photos=""
keep=""
build=1
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) runs="$2"; shift 2 ;;
        --seed) seed="$2"; shift 2 ;;
        --photos) photos="--photos"; shift ;;
        --keep) keep=1; shift ;;
        --no-build) build=""; shift ;;
        -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        [0-9]*) n="$1"; shift ;;
        *) echo "check.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
# Fewer runs for big sites: one check of 100,000 takes seconds.
if [ -z "$runs" ]; then
    if [ "$n" -ge 50000 ]; then runs=5; else runs=10; fi
fi

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
repdir="${REPDIR:-$root/target/release/repdir}"
gen="${GEN:-$root/target/release/examples/gen}"
if [ -n "$build" ] && { [ -z "${REPDIR:-}" ] || [ -z "${GEN:-}" ]; }; then
    (cd "$root" && cargo build --release --quiet --bin repdir --example gen)
fi

if ! command -v hyperfine >/dev/null 2>&1; then
    if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
        apt-get install -y hyperfine >/dev/null 2>&1 ||
            { apt-get update >/dev/null 2>&1 && apt-get install -y hyperfine >/dev/null 2>&1; } || true
    fi
fi
timebin=/usr/bin/time
if [ ! -x "$timebin" ] && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    apt-get install -y time >/dev/null 2>&1 || true
fi

site="$(mktemp -d "${TMPDIR:-/tmp}/repdir-bench-$n.XXXXXX")"
if [ -z "$keep" ]; then
    trap 'rm -rf "$site"' EXIT
fi

echo "generating N=$n (seed $seed${photos:+, photos}) into $site"
"$gen" "$n" "$site" --seed "$seed" $photos
files=$(find "$site/content" -type f | wc -l)
bytes=$(du -sb "$site/content" | cut -f1)
disk=$(du -sh "$site/content" | cut -f1)

# The site must pass before it is worth timing.
if ! "$repdir" check --site "$site" 2>"$site/check.log"; then
    echo "repdir check failed on the generated site:" >&2
    tail -20 "$site/check.log" >&2
    exit 1
fi
echo "repdir check: $(tail -1 "$site/check.log")"

cmd="$repdir check --site $site"
if command -v hyperfine >/dev/null 2>&1; then
    hyperfine --style basic --warmup 1 --runs "$runs" --export-json "$site/hyperfine.json" "$cmd"
    read -r mean sd min max < <(python3 - "$site/hyperfine.json" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
print("%.3f %.3f %.3f %.3f" % (r["mean"], r["stddev"] or 0.0, r["min"], r["max"]))
EOF
)
    timer="hyperfine, $runs runs after 1 warm-up"
else
    # No hyperfine: repeated runs with /usr/bin/time, mean and sample deviation here.
    "$repdir" check --site "$site" 2>/dev/null || true
    times=()
    for _ in $(seq "$runs"); do
        times+=("$({ "$timebin" -f '%e' "$repdir" check --site "$site" 2>&1 >/dev/null; } | tail -1)")
    done
    read -r mean sd min max < <(printf '%s\n' "${times[@]}" | awk '
        { x[NR] = $1; s += $1; if (NR == 1 || $1 < lo) lo = $1; if ($1 > hi) hi = $1 }
        END { m = s / NR; for (i = 1; i <= NR; i++) v += (x[i] - m) ^ 2;
              printf "%.3f %.3f %.3f %.3f\n", m, (NR > 1 ? sqrt(v / (NR - 1)) : 0), lo, hi }')
    timer="/usr/bin/time, $runs runs after 1 warm-up"
fi

rss_kb=""
if [ -x "$timebin" ]; then
    rss_kb=$({ "$timebin" -v "$repdir" check --site "$site" 2>&1 >/dev/null; } |
        awk -F': ' '/Maximum resident set size/ { print $2 }')
fi
rss_mib=$([ -n "$rss_kb" ] && awk -v k="$rss_kb" 'BEGIN { printf "%.0f MiB", k / 1024 }' || echo "n/a")
rate=$(awk -v f="$files" -v t="$mean" 'BEGIN { printf "%.0f", f / t }')
mib=$(awk -v b="$bytes" 'BEGIN { printf "%.1f MiB", b / 1048576 }')

echo
echo "repdir check, N=$n ($timer; $(nproc) cores)"
printf '| %-8s | %-7s | %-21s | %-10s | %-17s | %-9s | %-9s |\n' \
    N files content "wall mean ± σ" "min … max" "peak RSS" "files/s"
printf '|%s|%s|%s|%s|%s|%s|%s|\n' ---------- --------- ----------------------- ------------ \
    ------------------- ----------- -----------
printf '| %-8s | %-7s | %-21s | %-10s | %-17s | %-9s | %-9s |\n' \
    "$n" "$files" "$mib ($disk on disk)" "${mean} ± ${sd} s" "${min} … ${max} s" "$rss_mib" "$rate"
