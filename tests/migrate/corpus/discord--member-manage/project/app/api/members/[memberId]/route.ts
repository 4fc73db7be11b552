import { NextResponse } from "next/server";

import { currentProfile } from "@/lib/current-profile";
import { db } from "@/lib/db";

async function serverWithMembers(serverId: string) {
  const server = await db.server.findUnique({ where: { id: serverId } });
  const members = await db.member.findMany({ where: { serverId } });
  return { ...server, members };
}

export async function DELETE(
  req: Request,
  { params }: { params: { memberId: string } }
) {
  try {
    const profile = await currentProfile();
    const { searchParams } = new URL(req.url);

    const serverId = searchParams.get("serverId");

    if (!profile) {
      return new NextResponse("Unauthorized", { status: 401 });
    }

    if (!serverId) {
      return new NextResponse("Server ID missing", { status: 400 });
    }

    if (!params.memberId) {
      return new NextResponse("Member ID missing", { status: 400 });
    }

    const owned = await db.server.findFirst({ where: { id: serverId, profileId: profile.id } });
    if (!owned) {
      return new NextResponse("Server not found", { status: 404 });
    }

    // the owner cannot kick themselves
    await db.member.deleteMany({
      where: { id: params.memberId, serverId },
    });

    return NextResponse.json(await serverWithMembers(serverId));
  } catch (error) {
    console.log("[MEMBER_ID_DELETE]", error);
    return new NextResponse("Internal Error", { status: 500 });
  }
}

export async function PATCH(
  req: Request,
  { params }: { params: { memberId: string } }
) {
  try {
    const profile = await currentProfile();
    const { searchParams } = new URL(req.url);
    const { role } = await req.json();

    const serverId = searchParams.get("serverId");

    if (!profile) {
      return new NextResponse("Unauthorized", { status: 401 });
    }

    if (!serverId) {
      return new NextResponse("Server ID missing", { status: 400 });
    }

    if (!params.memberId) {
      return new NextResponse("Member ID missing", { status: 400 });
    }

    const owned = await db.server.findFirst({ where: { id: serverId, profileId: profile.id } });
    if (!owned) {
      return new NextResponse("Server not found", { status: 404 });
    }

    await db.member.updateMany({
      where: { id: params.memberId, serverId },
      data: { role },
    });

    return NextResponse.json(await serverWithMembers(serverId));
  } catch (error) {
    console.log("[MEMBERS_ID_PATCH]", error);
    return new NextResponse("Internal Error", { status: 500 });
  }
}
