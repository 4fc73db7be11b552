export function ok() {
  return Response.json({ ok: true });
}

export function json(data: Record<string, any> = {}) {
  return Response.json(data);
}

export function badRequest(error?: Record<string, any>) {
  return Response.json(
    { error: { message: 'Bad request', code: 'bad-request', status: 400, ...error } },
    { status: 400 },
  );
}

export function unauthorized(error?: Record<string, any>) {
  return Response.json(
    { error: { message: 'Unauthorized', code: 'unauthorized', status: 401, ...error } },
    { status: 401 },
  );
}

export function serverError(error?: Record<string, any>) {
  return Response.json(
    { error: { message: 'Server error', code: 'server-error', status: 500, ...error } },
    { status: 500 },
  );
}
