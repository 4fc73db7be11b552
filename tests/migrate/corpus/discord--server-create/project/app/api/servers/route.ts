import { NextResponse } from "next/server";

import { currentProfile } from "@/lib/current-profile";
import { db } from "@/lib/db";

export async function POST(req: Request) {
  try {
    const { name, imageUrl } = await req.json();
    const profile = await currentProfile();

    if (!profile) {
      return new NextResponse("Unauthorized", { status: 401 });
    }

    const server = await db.server.create({
      data: {
        profileId: profile.id,
        name,
        imageUrl,
        inviteCode: crypto.randomUUID(),
      }
    });

    // every server starts with a #general channel and its creator as admin
    await db.channel.create({
      data: { name: "general", type: "TEXT", profileId: profile.id, serverId: server.id }
    });
    await db.member.create({
      data: { profileId: profile.id, role: "ADMIN", serverId: server.id }
    });

    return NextResponse.json(server);
  } catch (error) {
    console.log("[SERVERS_POST]", error);
    return new NextResponse("Internal Error", { status: 500 });
  }
}
