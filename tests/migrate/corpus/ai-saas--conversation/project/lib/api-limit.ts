import { auth } from "@clerk/nextjs/server";

import prismadb from "@/lib/prismadb";

export const MAX_FREE_COUNTS = 5;

export const incrementApiLimit = async () => {
  const { userId } = await auth();
  if (!userId) return;

  const limit = await prismadb.userApiLimit.findFirst({ where: { userId } });

  if (limit) {
    await prismadb.userApiLimit.update({ where: { id: limit.id }, data: { count: limit.count + 1 } });
  } else {
    await prismadb.userApiLimit.create({ data: { userId, count: 1 } });
  }
};

export const checkApiLimit = async () => {
  const { userId } = await auth();
  if (!userId) return false;

  const limit = await prismadb.userApiLimit.findFirst({ where: { userId } });
  return !limit || limit.count < MAX_FREE_COUNTS;
};
