"use client";

import { useActionState } from "react";

import { echo } from "./actions";

export function EchoForm() {
  const [state, formAction] = useActionState(echo, {});
  return (
    <form action={formAction}>
      <input name="word" aria-label="Word" defaultValue="" />
      <button type="submit">Echo</button>
      <p data-testid="said">{state.said ?? ""}</p>
    </form>
  );
}
