"use server";

import { eq } from "drizzle-orm";
import { z } from "zod";
import { signIn as sendMagicLink } from "@/auth";
import { db } from "@/lib/db";
import { invites } from "@/lib/db/schema";

const signInSchema = z.object({ email: z.string().email() });

export type SignInState = { error?: string };

export async function signIn(_prev: SignInState, formData: FormData): Promise<SignInState> {
  const parsed = signInSchema.safeParse({ email: formData.get("email") });
  if (!parsed.success) return { error: "Enter a valid email address." };

  const invite = await db.query.invites.findFirst({ where: eq(invites.email, parsed.data.email) });
  if (!invite) return { error: "Acme Notes is invite-only for now." };

  await sendMagicLink("resend", { email: parsed.data.email, redirectTo: "/posts" });
  return {};
}
