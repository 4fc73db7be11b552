"use server";

import { revalidatePath } from "next/cache";
import { and, eq } from "drizzle-orm";
import { db } from "@/lib/db";
import { teams, users } from "@/lib/db/schema";
import { authActionClient } from "@/lib/safe-action";
import { settingsSchema, teamNameSchema } from "./schema";

export const saveSettingsAction = authActionClient
  .schema(settingsSchema)
  .action(async ({ parsedInput: { name, bio, digest, productUpdates }, ctx }) => {
    await db
      .update(users)
      .set({ name, bio, digest, productUpdates })
      .where(eq(users.id, ctx.user.id));
    revalidatePath("/settings");
  });

export const updateTeamNameAction = authActionClient
  .schema(teamNameSchema)
  .action(async ({ parsedInput: { teamId, name }, ctx }) => {
    await db
      .update(teams)
      .set({ name })
      .where(and(eq(teams.id, teamId), eq(teams.ownerId, ctx.user.id)));
    revalidatePath("/settings");
  });
