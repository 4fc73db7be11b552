#!/usr/bin/env bash
# Caller-search benchmark: `scaffold migrate route-to-action --dry-run` against a jscodeshift
# pass (tsx parser, no-op transform) over the same synthetic Next.js trees (bench/synth.mjs).
# Reports hyperfine medians, ms per 1 000 files (linearity), the jscodeshift/scaffold ratio and
# peak RSS (GNU time). Usage: bench/migrate.sh [runs]
#   SIZES="1000 10000"  sizes to run (default 1000 10000 50000)
#   SKIP_SCAFFOLD=1     time jscodeshift only
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
sizes=${SIZES:-1000 10000 50000}
skip=${SKIP_SCAFFOLD:-}
command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null; }
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
[ -n "$skip" ] || cargo build --release --quiet
# Checks for jscodeshift itself: a node_modules from before it was added lacks it.
[ -d bench/node/node_modules/jscodeshift ] || (cd bench/node && npm ci --no-audit --no-fund --silent)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bin=$PWD/target/release/scaffold
node=$(command -v node)
trees=$PWD/target/bench-trees
mkdir -p "$trees"

# Trees are cached across runs and rebuilt only when synth.mjs changes; the stamp is written
# last so an interrupted generation is redone.
hash=$(sha256sum bench/synth.mjs | cut -c1-16)
for n in $sizes; do
  tree=$trees/$n
  [ "$(cat "$tree.hash" 2>/dev/null)" = "$hash" ] && continue
  rm -rf "$tree" "$tree.hash"
  start=$(date +%s%N)
  "$node" bench/synth.mjs "$n" "$tree"
  echo "$hash" > "$tree.hash"
  echo "generated $n-file tree in $(( ($(date +%s%N) - start) / 1000000 )) ms"
done

# jscodeshift honours the tree's .gitignore through --ignore-config, as scaffold does.
# It always runs cores-1 workers (1 on 2 cores; --cpus can only lower it) plus the parent
# that walks the tree. --no-babel: the transform is plain CJS, so skip babel-register's
# start-up (this favours jscodeshift). --fail-on-error: a file it cannot parse fails the run.
jscs() {
  echo "$node $PWD/bench/node/node_modules/jscodeshift/bin/jscodeshift.js --parser=tsx --extensions=ts,tsx,js" \
    "--dry --silent --no-babel --fail-on-error --ignore-config=$1/.gitignore -t $PWD/bench/noop-transform.cjs $1"
}
migrate() { echo "$bin --cwd $1 migrate route-to-action app/api/posts/route.ts --dry-run --json"; }
rss() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }
median() { "$node" -p 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).results[0].median' "$1"; }

printf 'size\tfiles\tMB\tscaffold\tjscodeshift\tscaffold_rss\tjscodeshift_rss\n' > "$work/results.tsv"
for n in $sizes; do
  tree=$trees/$n
  files=$(find "$tree" \( -name node_modules -o -name .next \) -prune -o -type f \( -name '*.ts' -o -name '*.tsx' -o -name '*.js' \) -print | wc -l)
  mb=$(find "$tree" \( -name node_modules -o -name .next \) -prune -o -type f -printf '%s\n' | awk '{s += $1} END {printf "%.1f", s / 1e6}')
  echo "== $n: $files source files, $mb MB (without node_modules/.next)"
  s=-; srss=-
  if [ -z "$skip" ]; then
    # One checked run first: the report must name the three callers and nothing ignored.
    report=$trees/$n.report.json
    $(migrate "$tree") > "$report" || { echo "migrate exited $? on the $n-file tree (see $report)"; exit 1; }
    callers=$(grep -oE 'new-post-form|post-editor|quick-post-dialog' "$report" | sort -u | wc -l)
    grep -qE 'node_modules|\.next/' "$report" && { echo "report names ignored files (see $report)"; exit 1; }
    echo "migrate report: $callers of 3 callers named ($report)"
    hyperfine -N --warmup 2 --runs "$runs" --style basic --export-json "$work/s$n.json" -n "scaffold migrate ($n files)" "$(migrate "$tree")"
    s=$(median "$work/s$n.json")
    srss=$(rss $(migrate "$tree"))
  fi
  # A 50k-file jscodeshift run takes about a minute: fewer runs, one warm-up (page cache).
  jruns=$runs jwarm=2
  [ "$n" -lt 50000 ] || { jruns=$(( runs < 3 ? runs : 3 )); jwarm=1; }
  hyperfine -N --warmup "$jwarm" --runs "$jruns" --style basic --export-json "$work/j$n.json" -n "jscodeshift no-op ($n files)" "$(jscs "$tree")"
  j=$(median "$work/j$n.json")
  jrss=$(rss $(jscs "$tree"))
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$files" "$mb" "$s" "$j" "$srss" "$jrss" >> "$work/results.tsv"
done

echo
# jscodeshift's RSS is its largest process (GNU time reports the max over the process tree,
# not the sum of the parent and its worker).
"$node" -e '
  const rows = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").slice(1).map((l) => l.split("\t"));
  const ms = (s) => (s === "-" ? "—" : `${(s * 1000).toFixed(s < 1 ? 1 : 0)} ms`);
  const per1k = (s, files) => (s === "-" ? "—" : `${((s * 1e6) / files).toFixed(s * 1e6 / files < 100 ? 2 : 0)} ms`);
  const mb = (kb) => (kb === "-" ? "—" : `${(kb / 1024).toFixed(1)} MB`);
  console.log("| files | tree | scaffold migrate | per 1k files | jscodeshift no-op | per 1k files | jscodeshift / scaffold | scaffold peak RSS | jscodeshift peak RSS |");
  console.log("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const [n, files, size, s, j, srss, jrss] of rows) {
    const ratio = s === "-" ? "—" : `${(j / s).toFixed(1)}×`;
    console.log(`| ${files} | ${size} MB | ${ms(s)} | ${per1k(s, files)} | ${ms(j)} | ${per1k(j, files)} | ${ratio} | ${mb(srss)} | ${mb(jrss)} |`);
  }
' "$work/results.tsv"
