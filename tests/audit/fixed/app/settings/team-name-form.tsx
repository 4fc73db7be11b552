"use client";

import { useAction } from "next-safe-action/hooks";
import { updateTeamNameAction } from "./actions";

export function TeamNameForm({ teamId, name }: { teamId: string; name: string }) {
  const { execute, isPending } = useAction(updateTeamNameAction);

  return (
    <form action={(formData) => execute({ teamId, name: String(formData.get("name")) })}>
      <input name="name" defaultValue={name} />
      <button type="submit" disabled={isPending}>
        Rename team
      </button>
    </form>
  );
}
