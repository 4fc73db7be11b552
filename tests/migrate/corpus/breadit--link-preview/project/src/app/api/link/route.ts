import axios from 'axios'

export async function GET(req: Request) {
  const url = new URL(req.url)
  const href = url.searchParams.get('url')

  if (!href) {
    return new Response('Invalid href', { status: 400 })
  }

  const res = await axios.get(href)

  // pull the preview fields out of the page head
  const title = res.data.match(/<title>(.*?)<\/title>/)?.[1] ?? ''
  const description =
    res.data.match(/<meta name="description" content="(.*?)"/)?.[1] ?? ''
  const image =
    res.data.match(/<meta property="og:image" content="(.*?)"/)?.[1] ?? ''

  // the shape the Editor.js link tool expects
  return new Response(
    JSON.stringify({
      success: 1,
      meta: {
        title,
        description,
        image: { url: image },
      },
    })
  )
}
