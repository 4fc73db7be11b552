"use client"

import { createFile } from "@/db/files"
import { useState } from "react"

export function SidebarCreateFile({ userId }: { userId: string }) {
  const [file, setFile] = useState<File | null>(null)
  const [busy, setBusy] = useState(false)

  const handleCreate = async () => {
    if (!file) return
    setBusy(true)
    try {
      await createFile(file, userId, "openai")
    } finally {
      setBusy(false)
    }
  }

  return (
    <div>
      <input type="file" onChange={e => setFile(e.target.files?.[0] ?? null)} />
      <button disabled={busy || !file} onClick={handleCreate} type="button">
        Create file
      </button>
    </div>
  )
}
