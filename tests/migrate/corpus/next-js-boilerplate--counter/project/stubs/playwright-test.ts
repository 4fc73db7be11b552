// Stand-in for @playwright/test (only what the integration test uses).
type ApiResponse = { status(): number; json(): Promise<any> };
type Page = {
  request: {
    put(url: string, opts: { data: unknown; headers?: Record<string, string> }): Promise<ApiResponse>;
  };
};

type TestFn = ((name: string, fn: (args: { page: Page }) => Promise<void>) => void) & {
  describe(name: string, fn: () => void): void;
};

export const test: TestFn = Object.assign(
  (_name: string, _fn: (args: { page: Page }) => Promise<void>) => {},
  { describe: (_name: string, fn: () => void) => fn() },
);

export function expect(actual: unknown) {
  return {
    toBe(expected: unknown) {
      if (actual !== expected) throw new Error(`expected ${String(expected)}, got ${String(actual)}`);
    },
    toEqual(expected: unknown) {
      if (JSON.stringify(actual) !== JSON.stringify(expected)) throw new Error("not equal");
    },
  };
}
