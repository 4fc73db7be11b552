import { supabase } from "@/lib/supabase/browser-client"
import { toast } from "sonner"

export const deleteFile = async (fileId: string) => {
  await supabase.files.remove(fileId)
  return true
}

export const createDocXFile = async (
  file: File,
  userId: string,
  embeddingsProvider: "openai" | "local"
) => {
  const { data: createdFile, error } = await supabase.files.insert({
    user_id: userId,
    name: file.name
  })
  if (error) {
    throw new Error("Could not create file")
  }

  const { data: uploaded } = await supabase.storage.upload(
    `${userId}/${createdFile.id}`,
    file
  )
  await supabase.files.update(createdFile.id, { file_path: uploaded.path })

  const response = await fetch("/api/retrieval/process/docx", {
    method: "POST",
    headers: {
      "Content-Type": "application/json"
    },
    body: JSON.stringify({
      text: await file.text(),
      fileId: createdFile.id,
      embeddingsProvider,
      fileExtension: "docx"
    })
  })

  if (!response.ok) {
    const jsonText = await response.text()
    const json = JSON.parse(jsonText)
    console.error(
      `Error processing file:${createdFile.id}, status:${response.status}, response:${json.message}`
    )
    toast.error("Failed to process file. Reason:" + json.message, {
      duration: 10000
    })
    await deleteFile(createdFile.id)
  }

  return supabase.files.get(createdFile.id)
}
