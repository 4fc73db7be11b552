#!/usr/bin/env bash
# `scaffold audit` on the synthetic trees of bench/synth.mjs, against `migrate
# route-to-action --dry-run` on the same tree (same machine, back to back), and optionally
# against ESLint with next's flat config (core-web-vitals + typescript) over a copy of the
# tree: ESLINT=1 bench/audit.sh [runs]. Needs hyperfine (installed when missing) and, for
# ESLINT=1, the e2e app's packages (tests/e2e/app16/node_modules).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
n=${SIZE:-10000}
command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null; }
cargo build --release --quiet
tree=target/bench-trees/$n
hash=$(sha256sum bench/synth.mjs | cut -c1-16)
if [ "$(cat "$tree.hash" 2>/dev/null)" != "$hash" ]; then
  rm -rf "$tree" "$tree.hash"
  node bench/synth.mjs "$n" "$tree"
  echo "$hash" > "$tree.hash"
fi
bin=$PWD/target/release/scaffold
hyperfine -w 3 -r "$runs" -i \
  "$bin audit $tree --format json" \
  "$bin --cwd $tree migrate route-to-action app/api/posts/route.ts --dry-run --json"
/usr/bin/time -f "audit peak RSS: %M KB" "$bin" audit "$tree" --format json >/dev/null || true
if [ -n "${ESLINT:-}" ]; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  cp -r "$tree" "$work/tree"
  rm -rf "$work/tree/node_modules"
  cp tests/e2e/app16/eslint.config.mjs "$work/tree/"
  ln -s "$PWD/tests/e2e/app16/node_modules" "$work/tree/node_modules"
  # ESLint exits 1 on the synthetic code's lint errors; the time is what counts.
  (cd "$work/tree" && /usr/bin/time -f "eslint: %e s, peak RSS %M KB" ./node_modules/.bin/eslint . -f json -o /dev/null) || true
fi
