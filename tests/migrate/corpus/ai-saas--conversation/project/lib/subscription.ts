import { auth } from "@clerk/nextjs/server";

import prismadb from "@/lib/prismadb";

const DAY_IN_MS = 86_400_000;

export const checkSubscription = async () => {
  const { userId } = await auth();
  if (!userId) return false;

  const subscription = await prismadb.userSubscription.findFirst({ where: { userId } });
  if (!subscription?.stripeCurrentPeriodEnd) return false;

  return subscription.stripeCurrentPeriodEnd.getTime() + DAY_IN_MS > Date.now();
};
