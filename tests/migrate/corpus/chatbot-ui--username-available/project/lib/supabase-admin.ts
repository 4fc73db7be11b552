import type { Database } from "@/supabase/types"

type ProfileRow = Database["public"]["Tables"]["profiles"]["Row"]

const profiles: ProfileRow[] = []

// Stand-in for `createClient<Database>(url, serviceRoleKey)` from @supabase/supabase-js,
// keeping the `.from(table).select(cols).eq(col, value)` call shape.
export function createClient<_DB>(_url: string, _key: string) {
  return {
    from(_table: "profiles") {
      return {
        select(_columns: string) {
          return {
            async eq(column: keyof ProfileRow, value: string) {
              const rows = profiles.filter(p => p[column] === value)
              return { data: rows.map(r => ({ username: r.username })), error: null as null | { message: string } }
            }
          }
        }
      }
    }
  }
}
