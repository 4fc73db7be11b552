import { SignInForm } from "./sign-in-form";

export default function LoginPage() {
  return (
    <main>
      <h1>Sign in</h1>
      <SignInForm />
    </main>
  );
}
