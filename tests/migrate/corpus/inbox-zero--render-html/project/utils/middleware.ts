import { NextResponse, type NextRequest } from "next/server";
import { auth } from "@/auth";
import { createScopedLogger, type Logger } from "@/utils/logger";

export type NextHandler<T extends NextRequest = NextRequest> = (
  req: T,
  context: { params: Promise<Record<string, string>> },
) => Promise<Response>;

export interface RequestWithLogger extends NextRequest {
  logger: Logger;
}

export interface RequestWithAuth extends RequestWithLogger {
  auth: { userId: string };
}

// Attaches a logger, rejects anonymous requests with 401 JSON, and turns
// thrown errors (including zod parse errors) into 400/500 JSON bodies.
export function withAuth(scope: string, handler: NextHandler<RequestWithAuth>): NextHandler {
  return async (req, context) => {
    const logger = createScopedLogger(scope);
    const session = await auth();
    if (!session?.user.id) {
      return NextResponse.json({ error: "Unauthorized", isKnownError: true }, { status: 401 });
    }
    try {
      return await handler(Object.assign(req, { logger, auth: { userId: session.user.id } }), context);
    } catch (error) {
      if (error instanceof Error && error.name === "ZodError") {
        return NextResponse.json({ error: "Invalid request", isKnownError: true }, { status: 400 });
      }
      logger.error("Unhandled error", { error: String(error) });
      return NextResponse.json({ error: "An unexpected error occurred" }, { status: 500 });
    }
  };
}
