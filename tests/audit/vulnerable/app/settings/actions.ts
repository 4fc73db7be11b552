"use server";

import { revalidatePath } from "next/cache";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { auth } from "@/auth";
import { db } from "@/lib/db";
import { teams, users } from "@/lib/db/schema";
import { actionClient, authActionClient } from "@/lib/safe-action";

export const DIGEST_FREQUENCIES = ["daily", "weekly", "never"] as const;

const profileSchema = z.object({
  name: z.string().min(1).max(64),
  bio: z.string().max(160),
});

const notificationsSchema = z.object({
  userId: z.string().uuid(),
  digest: z.enum(DIGEST_FREQUENCIES),
  productUpdates: z.boolean(),
});

export const updateProfileAction = authActionClient
  .schema(profileSchema)
  .action(async ({ parsedInput: { name, bio }, ctx }) => {
    await db.update(users).set({ name, bio }).where(eq(users.id, ctx.user.id));
    revalidatePath("/settings");
  });

export async function updateNotifications(formData: FormData) {
  const session = await auth();
  if (!session?.user) throw new Error("Unauthorized");

  const { userId, digest, productUpdates } = notificationsSchema.parse({
    userId: formData.get("userId"),
    digest: formData.get("digest"),
    productUpdates: formData.get("productUpdates") === "on",
  });
  await db.update(users).set({ digest, productUpdates }).where(eq(users.id, userId));
  revalidatePath("/settings");
}

export const updateTeamNameAction = actionClient
  .schema(z.object({ teamId: z.string().uuid(), name: z.string().min(1).max(48) }))
  .action(async ({ parsedInput: { teamId, name } }) => {
    await db.update(teams).set({ name }).where(eq(teams.id, teamId));
    revalidatePath("/settings");
  });
