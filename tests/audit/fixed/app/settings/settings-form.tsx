"use client";

import { useAction } from "next-safe-action/hooks";
import { saveSettingsAction } from "./actions";
import { DIGEST_FREQUENCIES } from "./schema";

type Props = {
  name: string;
  bio: string;
  digest: (typeof DIGEST_FREQUENCIES)[number];
};

export function SettingsForm({ name, bio, digest }: Props) {
  const { execute, isPending } = useAction(saveSettingsAction);

  function save(formData: FormData) {
    execute({
      name: String(formData.get("name")),
      bio: String(formData.get("bio")),
      digest: formData.get("digest") as Props["digest"],
      productUpdates: formData.get("productUpdates") === "on",
    });
  }

  return (
    <form action={save}>
      <input name="name" defaultValue={name} />
      <textarea name="bio" defaultValue={bio} />
      <select name="digest" defaultValue={digest}>
        {DIGEST_FREQUENCIES.map((frequency) => (
          <option key={frequency}>{frequency}</option>
        ))}
      </select>
      <label>
        <input type="checkbox" name="productUpdates" /> Product updates
      </label>
      <button type="submit" disabled={isPending}>
        Save
      </button>
    </form>
  );
}
