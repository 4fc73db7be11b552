import type { FileRow } from "@/supabase/types"

// Stand-in for the browser Supabase client used by the db/ helpers.
const rows = new Map<string, FileRow>()

export const supabase = {
  files: {
    async insert(row: Omit<FileRow, "id" | "file_path" | "tokens">) {
      const created = { ...row, id: crypto.randomUUID(), file_path: "", tokens: 0 }
      rows.set(created.id, created)
      return { data: created, error: null }
    },
    async update(id: string, patch: Partial<FileRow>) {
      const row = rows.get(id)
      if (row) Object.assign(row, patch)
      return { data: row ?? null, error: null }
    },
    async remove(id: string) {
      rows.delete(id)
    },
    async get(id: string) {
      return rows.get(id) ?? null
    }
  },
  storage: {
    async upload(path: string, _file: File) {
      return { data: { path }, error: null }
    }
  }
}
