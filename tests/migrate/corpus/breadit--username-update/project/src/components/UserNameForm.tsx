'use client'

import { useRouter } from 'next/navigation'
import * as React from 'react'
import * as z from 'zod'

import { toast } from '@/hooks/use-toast'
import { UsernameValidator } from '@/lib/validators/username'
import { useMutation } from '@tanstack/react-query'
import axios, { AxiosError } from 'axios'

interface UserNameFormProps {
  user: { id: string; username: string | null }
}

type FormData = z.infer<typeof UsernameValidator>

export function UserNameForm({ user }: UserNameFormProps) {
  const router = useRouter()
  const [name, setName] = React.useState(user.username ?? '')

  const { mutate: updateUsername, isPending } = useMutation({
    mutationFn: async ({ name }: FormData) => {
      const payload: FormData = { name }

      const { data } = await axios.patch(`/api/username/`, payload)
      return data
    },
    onError: (err) => {
      if (err instanceof AxiosError) {
        if (err.response?.status === 409) {
          return toast({
            title: 'Username already taken.',
            description: 'Try a different username.',
            variant: 'destructive',
          })
        }
      }

      return toast({
        title: 'Something went wrong.',
        description: 'Your username was not changed.',
        variant: 'destructive',
      })
    },
    onSuccess: () => {
      toast({ description: 'Your username has been updated.' })
      router.refresh()
    },
  })

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault()
        updateUsername({ name })
      }}>
      <label htmlFor='name'>Name</label>
      <input id='name' value={name} onChange={(e) => setName(e.target.value)} />
      <button disabled={isPending}>Change name</button>
    </form>
  )
}
