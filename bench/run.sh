#!/usr/bin/env bash
# Whole-process generation benchmark: scaffold against plop and hygen writing the
# same files into a Next.js project, each run into a fresh copy. Reports medians
# (hyperfine) and peak memory (GNU time). Usage: bench/run.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-50}
command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null; }
cargo build --release --quiet
[ -d bench/node/node_modules ] || (cd bench/node && npm ci --no-audit --no-fund --silent)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bin=$PWD/target/release/scaffold
mkdir -p "$work/base/app"
cp tests/e2e/app/package.json tests/e2e/app/tsconfig.json "$work/base/"
args=(new action posts --field title --field body:text --auth next-auth --page --yes)

# Templates for the Node tools, made from scaffold's output so all write the same bytes.
cp -r "$work/base" "$work/seed"
"$bin" --cwd "$work/seed" "${args[@]}" >/dev/null
rm -rf bench/node/templates bench/node/_templates
(cd "$work/seed" && find app lib -type f) | while read -r file; do
  target=${file/app\/posts/app\/__name__}
  mkdir -p "bench/node/templates/$(dirname "$target")"
  sed 's/{{/\\{{/g' "$work/seed/$file" > "bench/node/templates/$target.hbs"
  hygen_file="bench/node/_templates/action/new/$(echo "$target" | tr '/' '_').ejs.t"
  mkdir -p "$(dirname "$hygen_file")"
  { printf -- '---\nto: %s\nforce: true\n---\n' "${target/__name__/<%= name %>}"; cat "$work/seed/$file"; } > "$hygen_file"
done

prepare="rm -rf $work/run && cp -r $work/base $work/run"
node=$(command -v node)
hyperfine --warmup 3 --runs "$runs" --style basic --export-markdown "$work/table.md" --export-json "$work/times.json" \
  --prepare "$prepare" \
  -n "scaffold new action" "$bin --cwd $work/run ${args[*]}" \
  -n "plop (same files)" "$node $PWD/bench/node/node_modules/plop/bin/plop.js --plopfile $PWD/bench/node/plopfile.mjs --dest $work/run action posts" \
  -n "hygen (same files)" "cd $work/run && HYGEN_TMPLS=$PWD/bench/node/_templates $node $PWD/bench/node/node_modules/hygen/dist/bin.js action new --name posts"

# The three wrote the same files: compare one tree of each.
for tool in scaffold plop hygen; do rm -rf "$work/check-$tool" && cp -r "$work/base" "$work/check-$tool"; done
"$bin" --cwd "$work/check-scaffold" "${args[@]}" >/dev/null
"$node" bench/node/node_modules/plop/bin/plop.js --plopfile bench/node/plopfile.mjs --dest "$work/check-plop" action posts >/dev/null 2>&1
(cd "$work/check-hygen" && HYGEN_TMPLS=$OLDPWD/bench/node/_templates "$node" "$OLDPWD/bench/node/node_modules/hygen/dist/bin.js" action new --name posts >/dev/null 2>&1)
diff -r "$work/check-scaffold" "$work/check-plop" >/dev/null && diff -r "$work/check-scaffold" "$work/check-hygen" >/dev/null \
  && echo "outputs: identical across the three tools" || echo "outputs: DIFFER (see $work)"

echo
cat "$work/table.md"
echo
# Medians, and each tool's median relative to scaffold's.
"$node" -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).results;
  const base = r[0].median;
  for (const x of r) console.log(`median ${x.command}: ${(x.median * 1000).toFixed(1)} ms (${(x.median / base).toFixed(1)}x)`);
' "$work/times.json"
echo
rss() { /usr/bin/time -f "%M" "$@" 2>&1 >/dev/null | tail -1; }
rm -rf "$work/run" && cp -r "$work/base" "$work/run"
echo "peak RSS scaffold: $(rss "$bin" --cwd "$work/run" "${args[@]}") KB"
rm -rf "$work/run" && cp -r "$work/base" "$work/run"
echo "peak RSS plop:     $(rss "$node" bench/node/node_modules/plop/bin/plop.js --plopfile bench/node/plopfile.mjs --dest "$work/run" action posts) KB"
