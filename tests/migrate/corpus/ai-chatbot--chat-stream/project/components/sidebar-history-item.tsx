"use client";

import { useRouter } from "next/navigation";
import { toast } from "sonner";

export function SidebarHistoryItem({ chatId, isActive }: { chatId: string; isActive: boolean }) {
  const router = useRouter();

  const handleDelete = () => {
    const deletePromise = fetch(`/api/chat?id=${chatId}`, {
      method: "DELETE",
    });

    toast.promise(deletePromise, {
      loading: "Deleting chat...",
      success: () => {
        if (isActive) {
          router.push("/");
        }
        return "Chat deleted successfully";
      },
      error: "Failed to delete chat",
    });
  };

  return (
    <button onClick={handleDelete} type="button">
      Delete
    </button>
  );
}
