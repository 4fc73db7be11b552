export function captureException(error: unknown) {
  console.error(error);
}
