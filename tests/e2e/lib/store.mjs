// Access to the generated code's development store from the browser tests.
//
// Generated data.ts files keep each collection in <app>/.data/<collection>.json
// as an array of rows `{ id, ownerId, ...fields }`, re-read on every request.
// Tests read it to check what an action stored, and seed rows into it.
// Every test uses its own owner id, so tests never see each other's rows.

import { randomUUID } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";

/** The app copy the server runs from (set by run.mjs). */
export function appDir() {
  const dir = process.env.E2E_APP_DIR;
  if (!dir) {
    throw new Error(
      "E2E_APP_DIR is not set: run the browser tests through tests/e2e/run.mjs",
    );
  }
  return dir;
}

function storeFile(collection) {
  return path.join(appDir(), ".data", `${collection}.json`);
}

/** Every row of a collection; [] when the file does not exist yet. */
export async function readRows(collection) {
  try {
    return JSON.parse(await readFile(storeFile(collection), "utf8"));
  } catch (error) {
    if (error.code === "ENOENT") return [];
    throw error;
  }
}

/** The rows of one owner. */
export async function rowsOf(collection, ownerId) {
  return (await readRows(collection)).filter((row) => row.ownerId === ownerId);
}

/**
 * Replaces a collection's rows with `change(rows)`. Writes a temporary file
 * and renames it over the old one, as the app does, so the server never
 * reads half a file. Only call this while no action is running: the server
 * would not see the change before its own write and could undo it.
 */
export async function changeRows(collection, change) {
  const file = storeFile(collection);
  const rows = change(await readRows(collection));
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${randomUUID()}.tmp`;
  await writeFile(temporary, JSON.stringify(rows, null, 2));
  await rename(temporary, file);
}

/** Appends rows (each gets a random id unless it has one); returns them. */
export async function seedRows(collection, rows) {
  const seeded = rows.map((row) => ({ id: randomUUID(), ...row }));
  await changeRows(collection, (current) => [...current, ...seeded]);
  return seeded;
}

/** Removes the row with this id, as if deleted elsewhere. */
export async function removeRow(collection, id) {
  await changeRows(collection, (rows) => rows.filter((row) => row.id !== id));
}
