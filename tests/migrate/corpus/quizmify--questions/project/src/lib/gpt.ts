// Stand-in for the app's OpenAI JSON helper.
export async function strict_output(
  system_prompt: string,
  user_prompt: string[],
  output_format: Record<string, string>,
): Promise<Record<string, string>[]> {
  return user_prompt.map(() =>
    Object.fromEntries(Object.keys(output_format).map((k) => [k, `${k} for: ${system_prompt.slice(0, 20)}`])),
  );
}
