import fs from "node:fs";
import path from "node:path";

// Everything the apps' .gitignore lists: build output, installed packages,
// file-backed test data and generated type files must not leak into a copy.
const EXCLUDES = new Set([".next", ".data", "node_modules", "next-env.d.ts"]);

/**
 * Replaces `dest` with a copy of the app at `src`, without what a build or an
 * install leaves behind. fs.rm does not follow symlinks, so an earlier copy's
 * node_modules link goes, never the original's packages.
 */
export function copyAppTree(src, dest) {
  fs.rmSync(dest, { recursive: true, force: true });
  fs.cpSync(src, dest, {
    recursive: true,
    filter(source) {
      const rel = path.relative(src, source);
      if (rel === "") return true;
      if (EXCLUDES.has(rel.split(path.sep)[0])) return false;
      return !source.endsWith(".tsbuildinfo");
    },
  });
}
