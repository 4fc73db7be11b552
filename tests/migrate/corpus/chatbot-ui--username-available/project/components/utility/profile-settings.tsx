"use client"

import { debounce } from "@/lib/debounce"
import { useCallback, useState } from "react"

export function ProfileSettings({ currentUsername }: { currentUsername: string }) {
  const [username, setUsername] = useState(currentUsername)
  const [usernameAvailable, setUsernameAvailable] = useState(true)
  const [loadingUsername, setLoadingUsername] = useState(false)

  const checkUsernameAvailability = useCallback(
    debounce(async (username: string) => {
      setLoadingUsername(true)

      const response = await fetch(`/api/username/available`, {
        method: "POST",
        body: JSON.stringify({ username })
      })

      const data = await response.json()
      const isAvailable = data.isAvailable

      setUsernameAvailable(isAvailable)

      if (username === currentUsername) {
        setUsernameAvailable(true)
      }

      setLoadingUsername(false)
    }, 500),
    []
  )

  return (
    <div>
      <input
        value={username}
        onChange={e => {
          setUsername(e.target.value)
          checkUsernameAvailability(e.target.value)
        }}
      />
      {loadingUsername ? "…" : usernameAvailable ? "AVAILABLE" : "UNAVAILABLE"}
    </div>
  )
}
