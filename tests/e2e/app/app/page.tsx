import Link from "next/link";

export default function HomePage() {
  return (
    <main>
      <h1>scaffold e2e</h1>
      <p>Generated routes live under /e2e.</p>
      <Link href="/whoami">Who am I?</Link>
    </main>
  );
}
