import { cookies } from "next/headers";

import { EchoForm } from "./echo-form";

// A probe of Next.js itself, not of generated code: with Cache Components a
// form posted without JavaScript is rendered without the state its action
// returned (vercel/next.js#97784). The browser tests expect that; when they
// fail here, Next has fixed it and lib/form-state.ts's redirect can go.
export const instant = false;

export default async function NoJsStateProbe() {
  // Rendered per request, like the generated pages.
  await cookies();
  return (
    <main>
      <EchoForm />
    </main>
  );
}
