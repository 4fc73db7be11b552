import { memo } from "react";
import { toast } from "sonner";
import { useSWRConfig } from "swr";
import type { Vote } from "@/lib/db/schema";

function PureMessageActions({
  chatId,
  messageId,
  vote,
}: {
  chatId: string;
  messageId: string;
  vote: Vote | undefined;
}) {
  const { mutate } = useSWRConfig();

  const sendVote = (type: "up" | "down") => {
    const request = fetch("/api/vote", {
      method: "PATCH",
      body: JSON.stringify({ chatId, messageId, type }),
    });

    toast.promise(request, {
      loading: type === "up" ? "Upvoting Response..." : "Downvoting Response...",
      success: () => {
        mutate<Vote[]>(
          `/api/vote?chatId=${chatId}`,
          (current) => {
            if (!current) {
              return [];
            }
            const others = current.filter((v) => v.messageId !== messageId);
            return [...others, { chatId, messageId, isUpvoted: type === "up" }];
          },
          { revalidate: false },
        );
        return type === "up" ? "Upvoted Response!" : "Downvoted Response!";
      },
      error: type === "up" ? "Failed to upvote response." : "Failed to downvote response.",
    });
  };

  return (
    <div className="flex gap-1">
      <button disabled={vote?.isUpvoted} onClick={() => sendVote("up")} type="button">
        Upvote
      </button>
      <button disabled={vote && !vote.isUpvoted} onClick={() => sendVote("down")} type="button">
        Downvote
      </button>
    </div>
  );
}

export const MessageActions = memo(PureMessageActions);
