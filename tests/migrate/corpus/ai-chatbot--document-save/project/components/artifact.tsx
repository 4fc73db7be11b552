"use client";

import { useCallback, useState } from "react";
import useSWR, { useSWRConfig } from "swr";
import type { ArtifactKind, Document } from "@/lib/db/schema";
import { fetcher } from "@/lib/utils";

export function Artifact({
  documentId,
  title,
  kind,
}: {
  documentId: string;
  title: string;
  kind: ArtifactKind;
}) {
  const { data: documents } = useSWR<Document[]>(
    documentId !== "init" ? `/api/document?id=${documentId}` : null,
    fetcher,
  );
  const { mutate } = useSWRConfig();
  const [isContentDirty, setIsContentDirty] = useState(false);

  const handleContentChange = useCallback(
    (updatedContent: string) => {
      mutate<Document[]>(
        `/api/document?id=${documentId}`,
        async (currentDocuments) => {
          if (!currentDocuments) {
            return [];
          }
          const currentDocument = currentDocuments.at(-1);
          if (!currentDocument || !currentDocument.content) {
            setIsContentDirty(false);
            return currentDocuments;
          }

          if (currentDocument.content !== updatedContent) {
            await fetch(`/api/document?id=${documentId}`, {
              method: "POST",
              body: JSON.stringify({
                title,
                content: updatedContent,
                kind,
              }),
            });

            setIsContentDirty(false);

            return [
              ...currentDocuments,
              { ...currentDocument, content: updatedContent, createdAt: new Date() },
            ];
          }
          return currentDocuments;
        },
        { revalidate: false },
      );
    },
    [documentId, title, kind, mutate],
  );

  return (
    <div>
      <textarea
        defaultValue={documents?.at(-1)?.content ?? ""}
        onChange={(e) => {
          setIsContentDirty(true);
          handleContentChange(e.target.value);
        }}
      />
      {isContentDirty && <span>Saving…</span>}
    </div>
  );
}
