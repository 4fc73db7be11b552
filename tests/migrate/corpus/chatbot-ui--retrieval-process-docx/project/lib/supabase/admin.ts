import "server-only";
import type { FileItemRow, FileRow } from "@/supabase/types";

// Stand-in for the service-role Supabase client (`createClient<Database>(url, serviceKey)`).
const files = new Map<string, FileRow>();
const fileItems: FileItemRow[] = [];
const blobs = new Map<string, Blob>();

export function createAdminClient(_url: string, _serviceKey: string) {
  return {
    files: {
      async get(id: string) {
        const row = files.get(id);
        return row
          ? { data: row, error: null }
          : { data: null, error: { message: `no file ${id}` } };
      },
      async setTokens(id: string, tokens: number) {
        const row = files.get(id);
        if (row) row.tokens = tokens;
      },
    },
    fileItems: {
      async upsert(rows: FileItemRow[]) {
        fileItems.push(...rows);
      },
    },
    storage: {
      async download(path: string) {
        const blob = blobs.get(path);
        return blob
          ? { data: blob, error: null }
          : { data: null, error: { message: `missing ${path}` } };
      },
    },
  };
}
