import { createAdminClient } from "@/lib/supabase/admin"
import { embedChunks } from "@/lib/embeddings"
import { FileItemChunk, processDocX } from "@/lib/retrieval/processing"
import { checkApiKey, getServerProfile } from "@/lib/server/server-chat-helpers"
import { NextResponse } from "next/server"

export async function POST(req: Request) {
  const json = await req.json()
  const { text, fileId, embeddingsProvider, fileExtension } = json as {
    text: string
    fileId: string
    embeddingsProvider: "openai" | "local"
    fileExtension: string
  }

  try {
    const supabaseAdmin = createAdminClient(
      process.env.NEXT_PUBLIC_SUPABASE_URL!,
      process.env.SUPABASE_SERVICE_ROLE_KEY!
    )

    const profile = await getServerProfile()

    if (embeddingsProvider === "openai") {
      checkApiKey(profile.openai_api_key, "OpenAI")
    }

    let chunks: FileItemChunk[] = []

    switch (fileExtension) {
      case "docx":
        chunks = await processDocX(text)
        break
      default:
        return new NextResponse("Unsupported file type", {
          status: 400
        })
    }

    const embeddings =
      embeddingsProvider === "openai"
        ? await embedChunks(chunks, profile.openai_api_key!)
        : []

    await supabaseAdmin.fileItems.upsert(
      chunks.map((chunk, index) => ({
        file_id: fileId,
        user_id: profile.user_id,
        content: chunk.content,
        tokens: chunk.tokens,
        openai_embedding: embeddings[index] ?? null
      }))
    )

    const totalTokens = chunks.reduce((acc, chunk) => acc + chunk.tokens, 0)
    await supabaseAdmin.files.setTokens(fileId, totalTokens)

    return new NextResponse("Embed Successful", {
      status: 200
    })
  } catch (error: any) {
    const errorMessage = error.error?.message || "An unexpected error occurred"
    const errorCode = error.status || 500
    return new Response(JSON.stringify({ message: errorMessage }), {
      status: errorCode
    })
  }
}
