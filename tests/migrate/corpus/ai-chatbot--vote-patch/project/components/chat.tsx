"use client";

import useSWR from "swr";
import type { Vote } from "@/lib/db/schema";
import { fetcher } from "@/lib/utils";
import { MessageActions } from "./message-actions";

export function Chat({ id, messageIds }: { id: string; messageIds: string[] }) {
  const { data: votes } = useSWR<Vote[]>(
    messageIds.length >= 2 ? `/api/vote?chatId=${id}` : null,
    fetcher,
  );

  return (
    <ul>
      {messageIds.map((messageId) => (
        <li key={messageId}>
          <MessageActions
            chatId={id}
            messageId={messageId}
            vote={votes?.find((v) => v.messageId === messageId)}
          />
        </li>
      ))}
    </ul>
  );
}
