import { model } from "./model";

export type Subreddit = { id: string; name: string; creatorId: string };
export type Subscription = { id: string; userId: string; subredditId: string };
export type Post = {
  id: string;
  title: string;
  content: unknown;
  authorId: string;
  subredditId: string;
  createdAt: Date;
};
export type Comment = {
  id: string;
  text: string;
  postId: string;
  authorId: string;
  replyToId?: string;
};
export type User = { id: string; name: string | null; username: string | null };
export type Vote = { id: string; userId: string; postId: string; type: "UP" | "DOWN" };

export const db = {
  subreddit: model<Subreddit>(),
  subscription: model<Subscription>(),
  post: model<Post>(),
  comment: model<Comment>(),
  user: model<User>(),
  vote: model<Vote>(),
};
