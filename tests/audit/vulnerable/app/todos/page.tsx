import { eq } from "drizzle-orm";
import { redirect } from "next/navigation";
import { auth } from "@/auth";
import { db } from "@/lib/db";
import { todos } from "@/lib/db/schema";
import { NewTodoForm } from "./new-todo-form";

export default async function TodosPage() {
  const session = await auth();
  if (!session?.user?.id) redirect("/login");

  const items = await db.select().from(todos).where(eq(todos.userId, session.user.id));

  return (
    <main>
      <NewTodoForm />
      <ul>
        {items.map((todo) => (
          <li key={todo.id}>{todo.title}</li>
        ))}
      </ul>
    </main>
  );
}
