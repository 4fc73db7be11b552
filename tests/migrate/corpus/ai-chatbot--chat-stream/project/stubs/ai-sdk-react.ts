"use client";
// Local stand-in for `@ai-sdk/react`'s useChat.
import { useState } from "react";
import type { DefaultChatTransport, UIMessage } from "ai";

export function useChat({ id, transport }: { id: string; transport: DefaultChatTransport }) {
  const [messages, setMessages] = useState<UIMessage[]>([]);
  const sendMessage = async (message: { text: string }) => {
    const res = await fetch(transport.options.api, {
      method: "POST",
      body: JSON.stringify({ id, message: { role: "user", parts: [{ type: "text", text: message.text }] } }),
    });
    const text = await res.text();
    setMessages((m) => [...m, { id: crypto.randomUUID(), role: "assistant", parts: [{ type: "text", text }] }]);
  };
  return { messages, sendMessage, status: "ready" as const };
}
