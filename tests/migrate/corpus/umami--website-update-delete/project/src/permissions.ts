import { getWebsite } from '@/queries/prisma';

type Auth = { user: { id: string; isAdmin: boolean } };

export async function canViewWebsite(auth: Auth, websiteId: string) {
  const website = await getWebsite(websiteId);
  return auth.user.isAdmin || website?.userId === auth.user.id;
}

export const canUpdateWebsite = canViewWebsite;
export const canDeleteWebsite = canViewWebsite;
