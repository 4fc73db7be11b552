import "server-only";

type UserRow = { id: string; email: string; name: string | null };
const users = new Map<string, UserRow>();

// Stand-in for the app's PrismaClient singleton.
export const prisma = {
  user: {
    async delete({ where }: { where: { id: string } }) {
      const row = users.get(where.id);
      if (!row) throw new Error("Record to delete does not exist.");
      users.delete(where.id);
      return row;
    },
  },
};
