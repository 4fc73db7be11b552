import { getAuthSession } from '@/lib/auth'
import { db } from '@/lib/db'
import { z } from 'zod'

export async function GET(req: Request) {
  const url = new URL(req.url)

  const session = await getAuthSession()

  let followedIds: string[] = []

  if (session) {
    const follows = await db.subscription.findMany({
      where: { userId: session.user.id },
    })

    followedIds = follows.map((sub) => sub.subredditId)
  }

  try {
    const { limit, page, subredditName } = z
      .object({
        limit: z.string(),
        page: z.string(),
        subredditName: z.string().nullish().optional(),
      })
      .parse({
        subredditName: url.searchParams.get('subredditName'),
        limit: url.searchParams.get('limit'),
        page: url.searchParams.get('page'),
      })

    const subreddit = subredditName
      ? await db.subreddit.findFirst({ where: { name: subredditName } })
      : null

    const posts = (
      await db.post.findMany({
        take: parseInt(limit),
        skip: (parseInt(page) - 1) * parseInt(limit),
        where: subreddit ? { subredditId: subreddit.id } : {},
      })
    ).filter((post) => subreddit || !session || followedIds.includes(post.subredditId))

    return new Response(JSON.stringify(posts))
  } catch (error) {
    return new Response('Could not fetch posts', { status: 500 })
  }
}
