export type Chat = { id: string; userId: string; title: string; createdAt: Date };
export type Vote = { chatId: string; messageId: string; isUpvoted: boolean };
