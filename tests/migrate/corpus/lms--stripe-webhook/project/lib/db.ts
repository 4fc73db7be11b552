import { model } from "./model";

export type Course = {
  id: string;
  userId: string;
  title: string;
  description: string | null;
  imageUrl: string | null;
  price: number | null;
  categoryId: string | null;
  isPublished: boolean;
};
export type Chapter = { id: string; courseId: string; title: string; position: number; isPublished: boolean };
export type UserProgress = { id: string; userId: string; chapterId: string; isCompleted: boolean };
export type Purchase = { id: string; userId: string; courseId: string };
export type StripeCustomer = { id: string; userId: string; stripeCustomerId: string };

export const db = {
  course: model<Course>(),
  chapter: model<Chapter>(),
  userProgress: model<UserProgress>(),
  purchase: model<Purchase>(),
  stripeCustomer: model<StripeCustomer>(),
};
