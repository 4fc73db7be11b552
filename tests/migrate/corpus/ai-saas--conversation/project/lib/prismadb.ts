import { model } from "./model";

export type UserApiLimit = { id: string; userId: string; count: number };
export type UserSubscription = { id: string; userId: string; stripeCurrentPeriodEnd: Date | null };

const prismadb = {
  userApiLimit: model<UserApiLimit>(),
  userSubscription: model<UserSubscription>(),
};

export default prismadb;
