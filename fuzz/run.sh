#!/usr/bin/env bash
# Fuzz every target in fuzz/ for FUZZTIME each, one target per run (go test
# -fuzz takes one target at a time).
#
#   fuzz/run.sh                         every target, 15s each
#   FUZZTIME=1h fuzz/run.sh             long run
#   FUZZTIME=10m fuzz/run.sh FuzzMerge  some targets only
#   FUZZPARALLEL=1 fuzz/run.sh          fuzz workers per run (default GOMAXPROCS)
#   FUZZMINIMIZETIME=10s fuzz/run.sh    time spent minimizing each new input
#                                       (default 60s; the targets are slow per
#                                       exec, so minimizing stalls a run)
#
# A failing input is written to fuzz/testdata/fuzz/<Target>/<hash>: keep it
# (commit it with the fix) — it becomes part of go test ./... for good.
# Exits non-zero if any target failed; every target runs regardless.
set -uo pipefail
cd "$(dirname "$0")/.."

FUZZTIME="${FUZZTIME:-15s}"
# -timeout 0: go test's default 10m timeout would kill a long fuzz run.
args=(-run '^$' -timeout 0 -fuzztime "$FUZZTIME")
[[ -n "${FUZZMINIMIZETIME:-}" ]] && args+=(-fuzzminimizetime "$FUZZMINIMIZETIME")
[[ -n "${FUZZPARALLEL:-}" ]] && args+=(-parallel "$FUZZPARALLEL")

if (($#)); then
	targets=("$@")
else
	mapfile -t targets < <(go test -list '^Fuzz' ./fuzz/ | grep '^Fuzz')
	((${#targets[@]})) || { echo "fuzz/run.sh: no fuzz targets found" >&2; exit 2; }
fi

failed=()
for t in "${targets[@]}"; do
	echo "== $t for $FUZZTIME"
	if ! go test "${args[@]}" -fuzz "^${t}\$" ./fuzz/; then
		failed+=("$t")
	fi
done

if ((${#failed[@]})); then
	echo "fuzz/run.sh: FAILED: ${failed[*]} (inputs in fuzz/testdata/fuzz/<Target>/)" >&2
	exit 1
fi
echo "fuzz/run.sh: all ${#targets[@]} targets passed ($FUZZTIME each)"
