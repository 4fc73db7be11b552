"use client"

import { debounce } from "@/lib/debounce"
import { useCallback, useState } from "react"
import { toast } from "sonner"

export function ProfileStep({
  username,
  onUsernameChange,
  onUsernameAvailableChange
}: {
  username: string
  onUsernameChange: (username: string) => void
  onUsernameAvailableChange: (isAvailable: boolean) => void
}) {
  const [loading, setLoading] = useState(false)

  const checkUsernameAvailability = useCallback(
    debounce(async (username: string) => {
      if (!username) return

      if (!/^[a-zA-Z0-9_]+$/.test(username)) {
        onUsernameAvailableChange(false)
        toast.error("Username must be letters, numbers, or underscores only.")
        return
      }

      setLoading(true)

      const response = await fetch(`/api/username/available`, {
        method: "POST",
        body: JSON.stringify({ username })
      })

      const data = await response.json()
      const isAvailable = data.isAvailable

      onUsernameAvailableChange(isAvailable)

      setLoading(false)
    }, 500),
    []
  )

  return (
    <div>
      <input
        value={username}
        onChange={e => {
          onUsernameChange(e.target.value)
          checkUsernameAvailability(e.target.value)
        }}
      />
      {loading && <span>Checking…</span>}
    </div>
  )
}
