"use client";

import { usePathname } from "next/navigation";
import { useState } from "react";

import { toastAction } from "../lib/toast";

type Rating = "up" | "down";

type FeedbackBody =
  | { kind: "rating"; path: string; rating: Rating }
  | { kind: "message"; path: string; message: string };

// never throws; returns whether the server accepted the submission
async function postFeedback(body: FeedbackBody): Promise<boolean> {
  try {
    const res = await fetch("/api/feedback/docs", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    return res.ok;
  } catch {
    return false;
  }
}

export function DocsFeedback() {
  const path = usePathname();
  const [rating, setRating] = useState<Rating>();
  const [message, setMessage] = useState("");
  const [sent, setSent] = useState(false);

  function rate(value: Rating) {
    if (rating === value) return;
    setRating(value);
    void postFeedback({ kind: "rating", path, rating: value });
  }

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    const ok = await postFeedback({ kind: "message", path, message });
    if (ok) {
      setSent(true);
    } else {
      toastAction("error");
    }
  }

  return (
    <div>
      <button type="button" onClick={() => rate("up")}>▲</button>
      <button type="button" onClick={() => rate("down")}>▼</button>
      {sent ? (
        <p>Thanks!</p>
      ) : (
        <form onSubmit={onSubmit}>
          <textarea value={message} onChange={(e) => setMessage(e.target.value)} />
          <button type="submit">Send</button>
        </form>
      )}
    </div>
  );
}
