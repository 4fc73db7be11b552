"use client";

import axios from "axios";
import { useRouter } from "next/navigation";
import { useState } from "react";

export function DeleteNoteButton({ id, title }: { id: string; title: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);

  async function onDelete() {
    try {
      await axios.delete(`/api/notes/${id}`);
      router.refresh();
    } catch (err) {
      // axios throws for every status outside 2xx; the route answers 404 with a reason.
      if (axios.isAxiosError(err) && err.response?.status === 404) {
        setError(err.response.data.error);
        return;
      }
      setError("Could not delete the note.");
    }
  }

  return (
    <>
      <button type="button" onClick={onDelete} aria-label={`Delete ${title}`}>
        Delete
      </button>
      {error && <span role="alert">{error}</span>}
    </>
  );
}
