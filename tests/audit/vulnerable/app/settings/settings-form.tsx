"use client";

import { useTransition } from "react";
import { DIGEST_FREQUENCIES, updateNotifications, updateProfileAction } from "./actions";

type Props = {
  userId: string;
  name: string;
  bio: string;
  digest: (typeof DIGEST_FREQUENCIES)[number];
};

export function SettingsForm({ userId, name, bio, digest }: Props) {
  const [pending, startTransition] = useTransition();

  function save(formData: FormData) {
    startTransition(async () => {
      await Promise.all([
        updateProfileAction({
          name: String(formData.get("name")),
          bio: String(formData.get("bio")),
        }),
        updateNotifications(formData),
      ]);
    });
  }

  return (
    <form action={save}>
      <input type="hidden" name="userId" value={userId} />
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
      <button type="submit" disabled={pending}>
        Save
      </button>
    </form>
  );
}
