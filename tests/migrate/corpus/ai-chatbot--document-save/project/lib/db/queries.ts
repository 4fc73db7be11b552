import "server-only";
import type { ArtifactKind, Document } from "./schema";

const documents: Document[] = [];

export async function getDocumentsById({ id }: { id: string }) {
  return documents.filter((d) => d.id === id).sort((a, b) => +a.createdAt - +b.createdAt);
}

export async function saveDocument(doc: { id: string; title: string; kind: ArtifactKind; content: string; userId: string }) {
  const row = { ...doc, createdAt: new Date() };
  documents.push(row);
  return [row];
}

export async function deleteDocumentsByIdAfterTimestamp({ id, timestamp }: { id: string; timestamp: Date }) {
  const removed = documents.filter((d) => d.id === id && d.createdAt > timestamp);
  for (const d of removed) documents.splice(documents.indexOf(d), 1);
  return removed;
}
