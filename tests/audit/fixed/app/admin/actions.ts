"use server";

import { revalidatePath } from "next/cache";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { auth } from "@/auth";
import { db } from "@/lib/db";
import { users } from "@/lib/db/schema";

// scaffold-audit-ignore action-user-id-input: admins ban other users on purpose; the caller's role is checked first
export async function banUser(userId: string) {
  const session = await auth();
  if (!session?.user?.id) throw new Error("Unauthorized");

  const [caller] = await db
    .select({ role: users.role })
    .from(users)
    .where(eq(users.id, session.user.id));
  if (caller?.role !== "admin") throw new Error("Forbidden");

  const targetId = z.string().uuid().parse(userId);
  await db.update(users).set({ bannedAt: new Date() }).where(eq(users.id, targetId));
  revalidatePath("/admin");
}
