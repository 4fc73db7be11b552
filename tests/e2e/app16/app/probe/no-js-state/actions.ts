"use server";

export type EchoState = { said?: string };

// The plain React 19 pattern: the action returns state for useActionState.
export async function echo(
  _prevState: EchoState,
  formData: FormData,
): Promise<EchoState> {
  return { said: String(formData.get("word") ?? "") };
}
