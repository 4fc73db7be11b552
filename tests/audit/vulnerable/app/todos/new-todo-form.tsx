"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

export function NewTodoForm() {
  const router = useRouter();
  const [title, setTitle] = useState("");

  async function addTodo(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const response = await fetch("/api/todos", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ title }),
    });
    if (response.ok) {
      setTitle("");
      router.refresh();
    }
  }

  return (
    <form onSubmit={addTodo}>
      <input value={title} onChange={(event) => setTitle(event.target.value)} />
      <button type="submit">Add</button>
    </form>
  );
}
