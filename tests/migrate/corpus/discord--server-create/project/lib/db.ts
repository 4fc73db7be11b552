import { model } from "./model";

export type MemberRole = "ADMIN" | "MODERATOR" | "GUEST";
export type Profile = { id: string; userId: string; name: string; imageUrl: string; email: string };
export type Server = { id: string; name: string; imageUrl: string; inviteCode: string; profileId: string };
export type Member = { id: string; role: MemberRole; profileId: string; serverId: string };
export type Channel = { id: string; name: string; type: "TEXT" | "AUDIO" | "VIDEO"; profileId: string; serverId: string };

export type ServerWithMembers = Server & { members: Member[] };

export const db = {
  profile: model<Profile>(),
  server: model<Server>(),
  member: model<Member>(),
  channel: model<Channel>(),
};
