export type Logger = {
  info: (message: string, meta?: Record<string, unknown>) => void;
  error: (message: string, meta?: Record<string, unknown>) => void;
};

export function createScopedLogger(scope: string): Logger {
  return {
    info: (message, meta) => console.log(`[${scope}] ${message}`, meta ?? ""),
    error: (message, meta) => console.error(`[${scope}] ${message}`, meta ?? ""),
  };
}
