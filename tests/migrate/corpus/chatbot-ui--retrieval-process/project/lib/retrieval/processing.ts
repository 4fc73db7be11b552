export type FileItemChunk = { content: string; tokens: number };

async function split(blob: Blob): Promise<FileItemChunk[]> {
  const text = await blob.text();
  return text
    .split(/\n\n+/)
    .filter(Boolean)
    .map((content) => ({ content, tokens: Math.ceil(content.length / 4) }));
}

export const processCSV = split;
export const processMarkdown = split;
export const processTxt = split;
