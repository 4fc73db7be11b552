"use client";

import { useState } from "react";
import { useSWRConfig } from "swr";
import type { Document } from "@/lib/db/schema";

export function VersionFooter({
  documentId,
  documents,
  currentVersionIndex,
}: {
  documentId: string;
  documents: Document[];
  currentVersionIndex: number;
}) {
  const { mutate } = useSWRConfig();
  const [isMutating, setIsMutating] = useState(false);

  const restore = async () => {
    setIsMutating(true);
    const timestamp = documents[currentVersionIndex].createdAt;

    mutate(
      `/api/document?id=${documentId}`,
      await fetch(
        `/api/document?id=${documentId}&timestamp=${new Date(timestamp).toISOString()}`,
        { method: "DELETE" },
      ),
      {
        optimisticData: documents.filter((d) => new Date(d.createdAt) <= new Date(timestamp)),
      },
    );
    setIsMutating(false);
  };

  return (
    <button disabled={isMutating} onClick={restore} type="button">
      Restore this version
    </button>
  );
}
