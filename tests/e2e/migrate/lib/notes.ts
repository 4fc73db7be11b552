import "server-only";

import { randomUUID } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";

// A file-backed store: route handlers and Server Actions run in different
// module graphs, so module state would not be shared between them.

export type Note = {
  id: string;
  title: string;
  body: string;
  ownerId: string;
  createdAt: string;
};

const FILE = path.join(process.cwd(), ".data", "notes.json");

async function load(): Promise<Note[]> {
  try {
    return JSON.parse(await readFile(FILE, "utf8")) as Note[];
  } catch {
    return [];
  }
}

async function save(notes: Note[]) {
  await mkdir(path.dirname(FILE), { recursive: true });
  const temp = `${FILE}.${randomUUID()}.tmp`;
  await writeFile(temp, JSON.stringify(notes, null, 2));
  await rename(temp, FILE);
}

export async function listNotes(ownerId: string) {
  return (await load()).filter((note) => note.ownerId === ownerId);
}

export async function createNote(
  ownerId: string,
  input: { title: string; body: string },
) {
  const notes = await load();
  if (notes.some((n) => n.ownerId === ownerId && n.title === input.title)) {
    return null;
  }
  const note: Note = {
    id: randomUUID(),
    ownerId,
    createdAt: new Date().toISOString(),
    ...input,
  };
  await save([...notes, note]);
  return note;
}

export async function deleteNote(ownerId: string, id: string) {
  const notes = await load();
  const next = notes.filter((n) => !(n.id === id && n.ownerId === ownerId));
  if (next.length === notes.length) return false;
  await save(next);
  return true;
}
