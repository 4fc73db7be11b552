import { NextResponse } from "next/server";

import { auth } from "@/auth";
import { deleteNote } from "@/lib/notes";

export async function DELETE(
  _req: Request,
  { params }: { params: Promise<{ id: string }> },
) {
  const session = await auth();
  if (!session?.user?.id) {
    return NextResponse.json({ error: "Unauthorized" }, { status: 401 });
  }

  const { id } = await params;
  const deleted = await deleteNote(session.user.id, id);
  if (!deleted) {
    return NextResponse.json({ error: "Note not found" }, { status: 404 });
  }
  return new NextResponse(null, { status: 204 });
}
