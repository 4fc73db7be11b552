"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

import { NOTE_TITLE_MAX } from "@/app/api/notes/route";

export function NoteForm() {
  const router = useRouter();
  const [title, setTitle] = useState("");
  const [body, setBody] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaving(true);
    setMessage(null);

    const res = await fetch("/api/notes", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ title, body }),
    });
    setSaving(false);

    if (res.status === 409) {
      const data = await res.json();
      setMessage(`Duplicate: ${data.error}`);
      return;
    }
    if (!res.ok) {
      const data = await res.json();
      setMessage(data.error);
      return;
    }

    const note = await res.json();
    setMessage(`Saved “${note.title}”`);
    setTitle("");
    setBody("");
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit}>
      <label>
        Title
        <input
          name="title"
          maxLength={NOTE_TITLE_MAX}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
        />
      </label>
      <label>
        Body
        <textarea
          name="body"
          value={body}
          onChange={(e) => setBody(e.target.value)}
        />
      </label>
      <button type="submit" disabled={saving}>
        {saving ? "Saving…" : "Add note"}
      </button>
      <p role="status" data-testid="note-message">
        {message}
      </p>
    </form>
  );
}
