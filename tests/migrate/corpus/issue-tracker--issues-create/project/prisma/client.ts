import "server-only";
import type { Issue, User } from "@prisma/client";

const issues = new Map<number, Issue>();
const users = new Map<string, User>();
let nextId = 1;

// Stand-in for the app's PrismaClient singleton.
const prisma = {
  issue: {
    async findUnique({ where }: { where: { id: number } }) {
      return issues.get(where.id) ?? null;
    },
    async create({ data }: { data: { title: string; description: string } }) {
      const now = new Date();
      const issue: Issue = { ...data, id: nextId++, status: "OPEN", createdAt: now, updatedAt: now, assignedToUserId: null };
      issues.set(issue.id, issue);
      return issue;
    },
    async update({ where, data }: { where: { id: number }; data: Partial<Issue> }) {
      const issue = { ...issues.get(where.id)!, ...data, updatedAt: new Date() };
      issues.set(where.id, issue);
      return issue;
    },
    async delete({ where }: { where: { id: number } }) {
      const issue = issues.get(where.id)!;
      issues.delete(where.id);
      return issue;
    },
  },
  user: {
    async findUnique({ where }: { where: { id: string } }) {
      return users.get(where.id) ?? null;
    },
    async findMany({ orderBy }: { orderBy?: { name: "asc" | "desc" } } = {}) {
      const all = [...users.values()];
      return orderBy ? all.sort((a, b) => String(a.name).localeCompare(String(b.name))) : all;
    },
  },
};

export default prisma;
