// Checks that every source file of a synthetic tree parses, with the TypeScript that the
// e2e app pins (not part of the timed benchmark): node bench/check-synth.cjs <DIR>
const fs = require("node:fs");
const path = require("node:path");
const ts = require(path.join(__dirname, "../tests/e2e/app/node_modules/typescript"));

const root = process.argv[2];
let files = 0, bad = 0;
(function walk(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== "node_modules" && e.name !== ".next") walk(p);
    } else if (/\.(tsx?|js)$/.test(e.name)) {
      files++;
      const kind = e.name.endsWith(".tsx") ? ts.ScriptKind.TSX : e.name.endsWith(".js") ? ts.ScriptKind.JS : ts.ScriptKind.TS;
      const sf = ts.createSourceFile(p, fs.readFileSync(p, "utf8"), ts.ScriptTarget.Latest, false, kind);
      for (const d of sf.parseDiagnostics) {
        if (bad++ < 10) console.log(`${p}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
      }
    }
  }
})(root);
console.log(`${files} files, ${bad} parse errors`);
process.exit(bad ? 1 : 0);
