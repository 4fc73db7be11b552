import { NextResponse, type NextRequest } from "next/server";
import { createScopedLogger, type Logger } from "@/utils/logger";

export type NextHandler<T extends NextRequest = NextRequest> = (
  req: T,
  context: { params: Promise<Record<string, string>> },
) => Promise<Response>;

export interface RequestWithLogger extends NextRequest {
  logger: Logger;
}

// Wraps a handler: attaches a scoped logger and turns thrown errors into a 500 JSON body.
export function withError(
  scope: string,
  handler: NextHandler<RequestWithLogger>,
): NextHandler {
  return async (req, context) => {
    const logger = createScopedLogger(scope);
    const reqWithLogger = Object.assign(req, { logger });
    try {
      return await handler(reqWithLogger, context);
    } catch (error) {
      logger.error("Unhandled error", { error: String(error) });
      return NextResponse.json(
        { error: "An unexpected error occurred", isKnownError: false },
        { status: 500 },
      );
    }
  };
}
