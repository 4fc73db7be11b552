"use client";

import useSWRInfinite from "swr/infinite";
import type { Chat } from "@/lib/db/schema";
import { fetcher } from "@/lib/utils";

type ChatHistory = { chats: Chat[]; hasMore: boolean };

const PAGE_SIZE = 20;

export function getChatHistoryPaginationKey(
  pageIndex: number,
  previousPageData: ChatHistory | null,
) {
  if (previousPageData && previousPageData.hasMore === false) {
    return null;
  }
  if (pageIndex === 0) {
    return `/api/history?limit=${PAGE_SIZE}`;
  }
  const lastChat = previousPageData?.chats.at(-1);
  if (!lastChat) {
    return null;
  }
  return `/api/history?ending_before=${lastChat.id}&limit=${PAGE_SIZE}`;
}

export function SidebarHistory() {
  const { data: pages, setSize } = useSWRInfinite<ChatHistory>(
    getChatHistoryPaginationKey,
    fetcher,
  );

  const chats = pages?.flatMap((page) => page.chats) ?? [];

  return (
    <div>
      <ul>
        {chats.map((chat) => (
          <li key={chat.id}>{chat.title}</li>
        ))}
      </ul>
      <button onClick={() => setSize((size) => size + 1)} type="button">
        Load more
      </button>
    </div>
  );
}
