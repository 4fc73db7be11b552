import { supabase } from "@/lib/supabase/browser-client"
import { toast } from "sonner"

export const deleteFile = async (fileId: string) => {
  await supabase.files.remove(fileId)
  return true
}

export const createFile = async (
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

  const formData = new FormData()
  formData.append("file_id", createdFile.id)
  formData.append("embeddingsProvider", embeddingsProvider)

  const response = await fetch("/api/retrieval/process", {
    method: "POST",
    body: formData
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
