#!/usr/bin/env bash
# Side-by-side benchmarks (issue 5): CivicData over HTTP on loopback against raw DuckDB and raw PostgreSQL 15, the
# same work in the same run on the same machine.
#
#   bench/bench.sh [--rows N] [--workloads W1,W2,...] [--repetitions R] [--load-seconds S]
#
# Defaults: 1,000,000 rows, every workload (W1-W7), 7 timed repetitions after a warm-up, 10 s per load test.
# Installs wrk and PostgreSQL 15 with apt-get when missing, builds Release, starts a throwaway PostgreSQL, runs the
# harness, and writes bench/results/<date>-<time>-<rows>-rows.md with its chart (.vl.json, and .svg when Node is there).
# Set CIVICDATA_BENCH_WORK to keep the generated files and databases somewhere other than a temporary directory.
set -euo pipefail
bench=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$bench")

if ! command -v wrk >/dev/null; then
  echo "Installing wrk with apt-get" >&2
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq wrk >&2
fi

work=${CIVICDATA_BENCH_WORK:-$(mktemp -d /tmp/civicdata-bench.XXXXXX)}
mkdir -p "$work"
# PostgreSQL runs as the postgres user when we are root; it must reach its directory inside the work directory.
chmod 755 "$work"
cleanup() {
  bash "$root/scripts/postgres-test-server.sh" stop "$work/postgres" >/dev/null 2>&1 || true
  if [ -z "${CIVICDATA_BENCH_WORK:-}" ]; then rm -rf "$work"; fi
}
trap cleanup EXIT

echo "Building (Release)" >&2
dotnet build -c Release -v quiet -nologo "$root/src/CivicData/CivicData.csproj" >&2
dotnet build -c Release -v quiet -nologo "$bench/CivicData.SideBySide/CivicData.SideBySide.csproj" >&2

if ! postgres=$(bash "$root/scripts/postgres-test-server.sh" start "$work/postgres" | tail -n 1) || [ -z "$postgres" ]; then
  echo "error: PostgreSQL did not start; see $work/postgres/*.log (set CIVICDATA_BENCH_WORK to keep them)" >&2
  exit 1
fi
commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)

dotnet "$bench/CivicData.SideBySide/bin/Release/net10.0/civicdata-bench.dll" \
  --civicdata "$root/src/CivicData/bin/Release/net10.0/civicdata.dll" \
  --work "$work" --results "$bench/results" --postgres "$postgres" --commit "$commit" "$@" | tee "$work/bench.log"

spec=$(sed -n 's/^results: \(.*\)\.md$/\1.vl.json/p' "$work/bench.log" | tail -n 1)
if [ -n "$spec" ] && command -v node >/dev/null; then
  (cd "$bench/chart" && npm ci --silent --no-audit --no-fund >&2 && node render.mjs "$spec" "${spec%.vl.json}.svg")
fi
