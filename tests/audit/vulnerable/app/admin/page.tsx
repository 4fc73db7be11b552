import { eq, isNull } from "drizzle-orm";
import { notFound } from "next/navigation";
import { auth } from "@/auth";
import { db } from "@/lib/db";
import { users } from "@/lib/db/schema";
import { banUser } from "./actions";

export default async function AdminPage() {
  const session = await auth();
  if (!session?.user?.id) notFound();
  const caller = await db.query.users.findFirst({ where: eq(users.id, session.user.id) });
  if (caller?.role !== "admin") notFound();

  const active = await db.select().from(users).where(isNull(users.bannedAt));

  return (
    <main>
      <h1>Users</h1>
      <ul>
        {active.map((user) => (
          <li key={user.id}>
            {user.email}
            <form action={banUser.bind(null, user.id)}>
              <button type="submit">Ban</button>
            </form>
          </li>
        ))}
      </ul>
    </main>
  );
}
