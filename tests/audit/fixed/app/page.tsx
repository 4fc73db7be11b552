import Link from "next/link";

export default function HomePage() {
  return (
    <main>
      <h1>Acme Notes</h1>
      <nav>
        <Link href="/posts">Posts</Link> <Link href="/projects/new">New project</Link>{" "}
        <Link href="/todos">Todos</Link> <Link href="/settings">Settings</Link>{" "}
        <Link href="/pricing">Pricing</Link>
      </nav>
    </main>
  );
}
