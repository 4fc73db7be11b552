import { eq } from "drizzle-orm";
import { redirect } from "next/navigation";
import { auth } from "@/auth";
import { db } from "@/lib/db";
import { teams, users } from "@/lib/db/schema";
import { SettingsForm } from "./settings-form";
import { TeamNameForm } from "./team-name-form";

export default async function SettingsPage() {
  const session = await auth();
  if (!session?.user?.id) redirect("/login");

  const user = await db.query.users.findFirst({ where: eq(users.id, session.user.id) });
  const team = await db.query.teams.findFirst({ where: eq(teams.ownerId, session.user.id) });
  if (!user) redirect("/login");

  return (
    <main>
      <SettingsForm name={user.name ?? ""} bio={user.bio ?? ""} digest={user.digest} />
      {team && <TeamNameForm teamId={team.id} name={team.name} />}
    </main>
  );
}
