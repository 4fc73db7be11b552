"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { auth } from "@/auth";
import { db } from "@/lib/db";
import { todos } from "@/lib/db/schema";

const todoSchema = z.object({ title: z.string().trim().min(1).max(200) });

export type TodoFormState = { error?: string };

export async function createTodo(_prev: TodoFormState, formData: FormData): Promise<TodoFormState> {
  const session = await auth();
  if (!session?.user?.id) return { error: "Sign in to add todos." };

  const parsed = todoSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { error: "Enter a todo." };

  await db.insert(todos).values({ title: parsed.data.title, userId: session.user.id });
  revalidatePath("/todos");
  return {};
}
