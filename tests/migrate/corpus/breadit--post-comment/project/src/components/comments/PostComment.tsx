'use client'

import { CommentRequest } from '@/lib/validators/comment'
import { useMutation } from '@tanstack/react-query'
import axios from 'axios'
import { useRouter } from 'next/navigation'
import { FC, useState } from 'react'
import { toast } from '../../hooks/use-toast'

interface PostCommentProps {
  comment: { id: string; text: string; replyToId?: string | null }
  authorUsername: string | null
  postId: string
}

const PostComment: FC<PostCommentProps> = ({
  comment,
  authorUsername,
  postId,
}) => {
  const [isReplying, setIsReplying] = useState<boolean>(false)
  const [input, setInput] = useState<string>(`@${authorUsername} `)
  const router = useRouter()

  const { mutate: postComment, isPending } = useMutation({
    mutationFn: async ({ postId, text, replyToId }: CommentRequest) => {
      const payload: CommentRequest = { postId, text, replyToId }

      const { data } = await axios.patch(
        `/api/subreddit/post/comment/`,
        payload
      )
      return data
    },

    onError: () => {
      return toast({
        title: 'Something went wrong.',
        description: 'Your reply was not posted. Please try again.',
        variant: 'destructive',
      })
    },
    onSuccess: () => {
      router.refresh()
      setIsReplying(false)
    },
  })

  return (
    <div className='flex flex-col'>
      <p className='text-sm text-zinc-900 mt-2'>{comment.text}</p>
      <button onClick={() => setIsReplying(true)}>Reply</button>
      {isReplying ? (
        <div>
          <textarea value={input} onChange={(e) => setInput(e.target.value)} />
          <button onClick={() => setIsReplying(false)}>Cancel</button>
          <button
            disabled={input.length === 0 || isPending}
            onClick={() => {
              if (!input) return
              postComment({
                postId,
                text: input,
                replyToId: comment.replyToId ?? comment.id, // replies stay one level deep
              })
            }}>
            Post
          </button>
        </div>
      ) : null}
    </div>
  )
}

export default PostComment
