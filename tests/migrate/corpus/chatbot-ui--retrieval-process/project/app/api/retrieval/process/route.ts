import { createAdminClient } from "@/lib/supabase/admin"
import { embedChunks } from "@/lib/embeddings"
import {
  FileItemChunk,
  processCSV,
  processMarkdown,
  processTxt
} from "@/lib/retrieval/processing"
import { checkApiKey, getServerProfile } from "@/lib/server/server-chat-helpers"
import { NextResponse } from "next/server"

export async function POST(req: Request) {
  try {
    const supabaseAdmin = createAdminClient(
      process.env.NEXT_PUBLIC_SUPABASE_URL!,
      process.env.SUPABASE_SERVICE_ROLE_KEY!
    )

    const profile = await getServerProfile()

    const formData = await req.formData()
    const file_id = formData.get("file_id") as string
    const embeddingsProvider = formData.get("embeddingsProvider") as string

    const { data: fileMetadata, error: metadataError } =
      await supabaseAdmin.files.get(file_id)

    if (metadataError) {
      throw new Error(`Failed to load file metadata: ${metadataError.message}`)
    }
    if (fileMetadata.user_id !== profile.user_id) {
      throw new Error("Unauthorized")
    }

    const { data: blob, error: fileError } =
      await supabaseAdmin.storage.download(fileMetadata.file_path)
    if (fileError) throw new Error(`Failed to load file: ${fileError.message}`)

    const extension = fileMetadata.name.split(".").pop()?.toLowerCase()

    let chunks: FileItemChunk[] = []
    switch (extension) {
      case "csv":
        chunks = await processCSV(blob)
        break
      case "md":
        chunks = await processMarkdown(blob)
        break
      case "txt":
        chunks = await processTxt(blob)
        break
      default:
        return new NextResponse("Unsupported file type", {
          status: 400
        })
    }

    let embeddings: number[][] = []
    if (embeddingsProvider === "openai") {
      checkApiKey(profile.openai_api_key, "OpenAI")
      embeddings = await embedChunks(chunks, profile.openai_api_key!)
    }

    await supabaseAdmin.fileItems.upsert(
      chunks.map((chunk, index) => ({
        file_id,
        user_id: profile.user_id,
        content: chunk.content,
        tokens: chunk.tokens,
        openai_embedding: embeddings[index] ?? null
      }))
    )

    const totalTokens = chunks.reduce((acc, chunk) => acc + chunk.tokens, 0)
    await supabaseAdmin.files.setTokens(file_id, totalTokens)

    return new NextResponse("Embed Successful", {
      status: 200
    })
  } catch (error: any) {
    console.log(`Error in retrieval/process: ${error.stack}`)
    const errorMessage = error?.message || "An unexpected error occurred"
    const errorCode = error.status || 500
    return new Response(JSON.stringify({ message: errorMessage }), {
      status: errorCode
    })
  }
}
