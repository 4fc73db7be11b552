import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";

import { auth } from "@/auth";
import { createNote, listNotes } from "@/lib/notes";

const CreateNoteSchema = z.object({
  title: z.string().trim().min(1, { error: "Give the note a title" }).max(80),
  body: z.string().max(2000).default(""),
});

export async function GET() {
  const session = await auth();
  if (!session?.user?.id) {
    return NextResponse.json({ error: "Unauthorized" }, { status: 401 });
  }
  return NextResponse.json(await listNotes(session.user.id));
}

export async function POST(req: NextRequest) {
  const session = await auth();
  if (!session?.user?.id) {
    return NextResponse.json({ error: "Unauthorized" }, { status: 401 });
  }

  const parsed = CreateNoteSchema.safeParse(await req.json());
  if (!parsed.success) {
    return NextResponse.json(
      { error: parsed.error.issues[0]?.message ?? "Invalid note" },
      { status: 422 },
    );
  }

  const note = await createNote(session.user.id, parsed.data);
  if (!note) {
    return NextResponse.json(
      { error: "You already have a note with that title" },
      { status: 409 },
    );
  }
  return NextResponse.json(note, { status: 201 });
}
