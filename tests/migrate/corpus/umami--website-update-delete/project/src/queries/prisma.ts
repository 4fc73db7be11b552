type Website = { id: string; name: string; domain: string; userId: string; shareId: string | null };

const websites = new Map<string, Website>();

export async function getWebsite(websiteId: string) {
  return websites.get(websiteId) ?? null;
}

export async function updateWebsite(websiteId: string, data: Partial<Website>) {
  const existing = websites.get(websiteId);
  if (!existing) throw new Error('Record not found');
  if (data.shareId && [...websites.values()].some((w) => w.shareId === data.shareId && w.id !== websiteId)) {
    throw new Error('Unique constraint failed on the fields: (`share_id`)');
  }
  const website = { ...existing, ...data };
  websites.set(websiteId, website);
  return website;
}

export async function deleteWebsite(websiteId: string) {
  websites.delete(websiteId);
}
