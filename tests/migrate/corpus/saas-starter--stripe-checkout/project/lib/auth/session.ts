import { cookies } from 'next/headers';

export async function setSession(user: { id: string }) {
  (await cookies()).set('session', user.id, { httpOnly: true, sameSite: 'lax' });
}
