"use server";

import { revalidatePath } from "next/cache";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { auth } from "@/auth";
import { db } from "@/lib/db";
import { posts } from "@/lib/db/schema";

const postSchema = z.object({ title: z.string().trim().min(1).max(200) });
const postIdSchema = z.string().uuid();

export async function createPost(formData: FormData) {
  const session = await auth();
  if (!session?.user?.id) throw new Error("Unauthorized");

  const parsed = postSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) throw new Error("Invalid post");
  await db.insert(posts).values({ title: parsed.data.title, authorId: session.user.id });
  revalidatePath("/posts");
}

export async function deletePost(id: string) {
  const session = await auth();
  if (!session?.user?.id) throw new Error("Unauthorized");

  const postId = postIdSchema.parse(id);
  await db.delete(posts).where(and(eq(posts.id, postId), eq(posts.authorId, session.user.id)));
  revalidatePath("/posts");
}

export async function publishPost(id: string) {
  const session = await auth();
  if (!session?.user?.id) throw new Error("Unauthorized");

  const postId = postIdSchema.parse(id);
  await db
    .update(posts)
    .set({ publishedAt: new Date() })
    .where(and(eq(posts.id, postId), eq(posts.authorId, session.user.id)));
  revalidatePath("/posts");
}
