'use client'

import { INFINITE_SCROLL_PAGINATION_RESULTS } from '@/config'
import type { Post } from '@/lib/db'
import { useInfiniteQuery } from '@tanstack/react-query'
import axios from 'axios'
import { FC } from 'react'

interface PostFeedProps {
  initialPosts: Post[]
  subredditName?: string
}

const PostFeed: FC<PostFeedProps> = ({ initialPosts, subredditName }) => {
  const { data, fetchNextPage, isFetchingNextPage } = useInfiniteQuery({
    queryKey: ['infinite-query'],
    queryFn: async ({ pageParam }) => {
      const query =
        `/api/posts?limit=${INFINITE_SCROLL_PAGINATION_RESULTS}&page=${pageParam}` +
        (!!subredditName ? `&subredditName=${subredditName}` : '')

      const { data } = await axios.get(query)
      return data as Post[]
    },
    initialPageParam: 1,
    getNextPageParam: (_, pages) => pages.length + 1,
    initialData: { pages: [initialPosts], pageParams: [1] },
  })

  const posts = data?.pages.flatMap((page) => page) ?? initialPosts

  return (
    <ul className='flex flex-col col-span-2 space-y-6'>
      {posts.map((post) => (
        <li key={post.id}>{post.title}</li>
      ))}
      <li>
        <button disabled={isFetchingNextPage} onClick={() => fetchNextPage()}>
          Load more
        </button>
      </li>
    </ul>
  )
}

export default PostFeed
