import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";

import { auth } from "@/auth";
import { createNote, listNotes } from "@/lib/notes";

/** The form shows the same limit (`maxLength`). */
export const NOTE_TITLE_MAX = 80;

const CreateNoteSchema = z.object({
  title: z
    .string()
    .trim()
    .min(1, { error: "Give the note a title" })
    .max(NOTE_TITLE_MAX),
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

  try {
    const input = CreateNoteSchema.parse(await req.json());

    const note = await createNote(session.user.id, input);
    if (!note) {
      return NextResponse.json(
        { error: "You already have a note with that title" },
        { status: 409 },
      );
    }
    return NextResponse.json(note, { status: 201 });
  } catch (error) {
    if (error instanceof z.ZodError) {
      return NextResponse.json(
        { error: error.issues[0]?.message ?? "Invalid note" },
        { status: 422 },
      );
    }
    throw error;
  }
}
