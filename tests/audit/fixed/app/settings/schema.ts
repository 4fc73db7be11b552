import { z } from "zod";

export const DIGEST_FREQUENCIES = ["daily", "weekly", "never"] as const;

export const settingsSchema = z.object({
  name: z.string().trim().min(1).max(64),
  bio: z.string().max(160),
  digest: z.enum(DIGEST_FREQUENCIES),
  productUpdates: z.boolean(),
});

export const teamNameSchema = z.object({
  teamId: z.string().uuid(),
  name: z.string().trim().min(1).max(48),
});
