import "server-only";
import type { Chat } from "./schema";

const chats = new Map<string, Chat>();

export async function getChatById({ id }: { id: string }) {
  return chats.get(id) ?? null;
}

export async function saveChat({ id, userId, title }: { id: string; userId: string; title: string }) {
  chats.set(id, { id, userId, title, createdAt: new Date() });
}

export async function deleteChatById({ id }: { id: string }) {
  const chat = chats.get(id);
  chats.delete(id);
  return chat;
}
