"use client";

import { useActionState } from "react";
import { signIn } from "./actions";

export function SignInForm() {
  const [state, formAction, pending] = useActionState(signIn, {});

  return (
    <form action={formAction}>
      <input type="email" name="email" placeholder="you@example.com" required />
      <button type="submit" disabled={pending}>
        Email me a sign-in link
      </button>
      {state.error && <p role="alert">{state.error}</p>}
    </form>
  );
}
