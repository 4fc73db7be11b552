"use client";

import { useActionState } from "react";
import { createProject } from "../actions";

export function ProjectForm() {
  const [state, formAction, pending] = useActionState(createProject, {});

  return (
    <form action={formAction}>
      <input name="name" placeholder="Project name" required />
      <button type="submit" disabled={pending}>
        Create project
      </button>
      {state.error && <p role="alert">{state.error}</p>}
    </form>
  );
}
