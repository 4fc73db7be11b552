import { z } from "zod";
import { auth } from "@/auth";
import { db } from "@/lib/db";
import { todos } from "@/lib/db/schema";

const todoSchema = z.object({ title: z.string().trim().min(1).max(200) });

export async function POST(request: Request) {
  const session = await auth();
  if (!session?.user?.id) {
    return Response.json({ error: "Unauthorized" }, { status: 401 });
  }

  const parsed = todoSchema.safeParse(await request.json());
  if (!parsed.success) {
    return Response.json({ error: "Invalid todo" }, { status: 400 });
  }

  const [todo] = await db
    .insert(todos)
    .values({ title: parsed.data.title, userId: session.user.id })
    .returning();
  return Response.json(todo, { status: 201 });
}
