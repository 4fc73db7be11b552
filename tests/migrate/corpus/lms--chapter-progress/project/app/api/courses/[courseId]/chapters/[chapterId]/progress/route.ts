import { auth } from "@clerk/nextjs/server";
import { NextResponse } from "next/server";

import { db } from "@/lib/db";

export async function PUT(
  req: Request,
  { params }: { params: { courseId: string; chapterId: string } }
) {
  try {
    const { userId } = await auth();
    const { isCompleted } = await req.json();

    if (!userId) {
      return new NextResponse("Unauthorized", { status: 401 });
    }

    // upsert by (userId, chapterId)
    const existing = await db.userProgress.findFirst({
      where: { userId, chapterId: params.chapterId },
    });

    const userProgress = existing
      ? await db.userProgress.update({
          where: { id: existing.id },
          data: { isCompleted },
        })
      : await db.userProgress.create({
          data: { userId, chapterId: params.chapterId, isCompleted },
        });

    return NextResponse.json(userProgress);
  } catch (error) {
    console.log("[CHAPTER_ID_PROGRESS]", error);
    return new NextResponse("Internal Error", { status: 500 });
  }
}
