import { auth } from "@/auth";

// Renders per request (auth() reads cookies), so tests can check that the
// `e2e-session` cookie reaches server code. Blocking, like the generated pages:
// with Cache Components a page that reads cookies outside <Suspense> must say so.
export const instant = false;

export default async function WhoAmIPage() {
  const session = await auth();
  const name = session?.user?.name;

  return (
    <main>
      <h1>Who am I?</h1>
      <p data-testid="whoami">{name ? `signed in as ${name}` : "signed out"}</p>
    </main>
  );
}
