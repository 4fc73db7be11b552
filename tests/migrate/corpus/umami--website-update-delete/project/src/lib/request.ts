import { z } from 'zod';
import { badRequest, unauthorized } from '@/lib/response';

type Auth = { token: string; user: { id: string; isAdmin: boolean } };

// API clients (the dashboard, the CLI, third-party integrations) authenticate with
// `Authorization: Bearer <token>`; the token is an API key or a login token.
export async function checkAuth(request: Request): Promise<Auth | null> {
  const token = request.headers.get('authorization')?.split(' ')[1];
  if (!token) return null;
  return { token, user: { id: token.slice(0, 8), isAdmin: false } };
}

export async function parseRequest(request: Request, schema?: z.ZodType): Promise<any> {
  const url = new URL(request.url);
  let body = await request
    .clone()
    .json()
    .catch(() => undefined);
  let error: (() => Response) | undefined;
  let auth: Auth | null = null;

  if (schema) {
    const result = schema.safeParse(body);
    if (!result.success) {
      error = () => badRequest(z.treeifyError(result.error));
    } else {
      body = result.data;
    }
  }

  if (!error) {
    auth = await checkAuth(request);
    if (!auth) {
      error = () => unauthorized();
    }
  }

  return { url, body, auth, error };
}
