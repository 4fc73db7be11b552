// Stand-in for the generated @prisma/client types.
export type Status = "OPEN" | "IN_PROGRESS" | "CLOSED";

export type Issue = {
  id: number;
  title: string;
  description: string;
  status: Status;
  createdAt: Date;
  updatedAt: Date;
  assignedToUserId: string | null;
};

export type User = { id: string; name: string | null; email: string | null };
