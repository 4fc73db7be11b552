import "server-only";
import type { Chat, Vote } from "./schema";

const chats = new Map<string, Chat>();
const votes: Vote[] = [];

export async function getChatById({ id }: { id: string }) {
  return chats.get(id) ?? null;
}

export async function getVotesByChatId({ id }: { id: string }) {
  return votes.filter((v) => v.chatId === id);
}

export async function voteMessage({
  chatId,
  messageId,
  type,
}: {
  chatId: string;
  messageId: string;
  type: "up" | "down";
}) {
  const existing = votes.find((v) => v.chatId === chatId && v.messageId === messageId);
  if (existing) {
    existing.isUpvoted = type === "up";
    return;
  }
  votes.push({ chatId, messageId, isUpvoted: type === "up" });
}
