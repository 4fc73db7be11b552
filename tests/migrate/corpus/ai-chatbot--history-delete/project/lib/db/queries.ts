import "server-only";
import type { Chat } from "./schema";

const chats: Chat[] = [];

export async function getChatsByUserId({
  id,
  limit,
  startingAfter,
  endingBefore,
}: {
  id: string;
  limit: number;
  startingAfter: string | null;
  endingBefore: string | null;
}) {
  const mine = chats.filter((c) => c.userId === id);
  const start = startingAfter ? mine.findIndex((c) => c.id === startingAfter) + 1 : 0;
  const end = endingBefore ? mine.findIndex((c) => c.id === endingBefore) : mine.length;
  const page = mine.slice(start, end);
  return { chats: page.slice(0, limit), hasMore: page.length > limit };
}

export async function deleteAllChatsByUserId({ userId }: { userId: string }) {
  let deletedCount = 0;
  for (let i = chats.length - 1; i >= 0; i--) {
    if (chats[i].userId === userId) {
      chats.splice(i, 1);
      deletedCount++;
    }
  }
  return { deletedCount };
}
