"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { useSWRConfig } from "swr";
import { unstable_serialize } from "swr/infinite";
import {
  getChatHistoryPaginationKey,
  SidebarHistory,
} from "@/components/sidebar-history";

export function AppSidebar() {
  const router = useRouter();
  const { mutate } = useSWRConfig();
  const [showDeleteAllDialog, setShowDeleteAllDialog] = useState(false);

  const handleDeleteAll = () => {
    const deletePromise = fetch("/api/history", {
      method: "DELETE",
    });

    toast.promise(deletePromise, {
      loading: "Deleting all chats...",
      success: () => {
        mutate(unstable_serialize(getChatHistoryPaginationKey));
        setShowDeleteAllDialog(false);
        router.replace("/");
        router.refresh();
        return "All chats deleted successfully";
      },
      error: "Failed to delete all chats",
    });
  };

  return (
    <aside>
      <button onClick={() => setShowDeleteAllDialog(true)} type="button">
        Delete all
      </button>
      {showDeleteAllDialog && (
        <div role="dialog">
          <p>Delete every chat? This cannot be undone.</p>
          <button onClick={handleDeleteAll} type="button">
            Delete all chats
          </button>
        </div>
      )}
      <SidebarHistory />
    </aside>
  );
}
