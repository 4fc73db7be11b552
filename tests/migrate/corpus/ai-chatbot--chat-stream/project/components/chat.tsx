"use client";

import { useChat } from "@ai-sdk/react";
import { DefaultChatTransport } from "ai";
import { useState } from "react";

export function Chat({ id, selectedChatModel }: { id: string; selectedChatModel: string }) {
  const [input, setInput] = useState("");
  const { messages, sendMessage } = useChat({
    id,
    transport: new DefaultChatTransport({
      api: "/api/chat",
      body: { selectedChatModel },
    }),
  });

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        sendMessage({ text: input });
        setInput("");
      }}
    >
      {messages.map((m) => (
        <p key={m.id}>{m.parts.map((p) => p.text).join("")}</p>
      ))}
      <input value={input} onChange={(e) => setInput(e.target.value)} />
    </form>
  );
}
