"use client";

import { useActionState } from "react";
import { createTodo } from "./actions";

export function NewTodoForm() {
  const [state, formAction, pending] = useActionState(createTodo, {});

  return (
    <form action={formAction}>
      <input name="title" required />
      <button type="submit" disabled={pending}>
        Add
      </button>
      {state.error && <p role="alert">{state.error}</p>}
    </form>
  );
}
