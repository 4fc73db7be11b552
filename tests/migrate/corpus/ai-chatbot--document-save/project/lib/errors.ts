export type ErrorType = "bad_request" | "unauthorized" | "forbidden" | "not_found";
export type Surface = "api" | "chat" | "vote" | "history" | "document";
export type ErrorCode = `${ErrorType}:${Surface}`;

const statusByType: Record<ErrorType, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
};

export class ChatSDKError extends Error {
  type: ErrorType;
  surface: Surface;
  statusCode: number;

  constructor(errorCode: ErrorCode, cause?: string) {
    super();
    const [type, surface] = errorCode.split(":");
    this.type = type as ErrorType;
    this.surface = surface as Surface;
    this.cause = cause;
    this.message = `Request failed (${errorCode})`;
    this.statusCode = statusByType[this.type];
  }

  toResponse() {
    const code: ErrorCode = `${this.type}:${this.surface}`;
    return Response.json(
      { code, message: this.message, cause: this.cause },
      { status: this.statusCode },
    );
  }
}
