import { auth } from "@/auth";
import { listNotes } from "@/lib/notes";

import { DeleteNoteButton } from "./delete-note-button";
import { NoteForm } from "./note-form";

export const dynamic = "force-dynamic";

export default async function NotesPage() {
  const session = await auth();
  const notes = session?.user?.id ? await listNotes(session.user.id) : [];

  return (
    <main>
      <h1>Notes</h1>
      <NoteForm />
      <ul data-testid="notes">
        {notes.map((note) => (
          <li key={note.id}>
            <span>{note.title}</span>
            <DeleteNoteButton id={note.id} title={note.title} />
          </li>
        ))}
      </ul>
    </main>
  );
}
