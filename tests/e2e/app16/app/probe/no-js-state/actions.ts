"use server";

export type EchoState = { said?: string };

// The plain React 19 pattern: the action returns state for useActionState.
export async function echo(
  _prevState: EchoState,
  formData: FormData,
): Promise<EchoState> {
  // scaffold-audit-ignore action-unvalidated-formdata: a probe that echoes the
  // word back to the same visitor; nothing is stored or trusted.
  return { said: String(formData.get("word") ?? "") };
}
