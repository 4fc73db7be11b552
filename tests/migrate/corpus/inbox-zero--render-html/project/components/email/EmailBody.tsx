"use client";

import { useEffect, useState } from "react";
import { prepareEmailHtml } from "@/utils/email/prepare-html.client";

export function EmailBody({ messageId, html }: { messageId: string; html: string }) {
  const [prepared, setPrepared] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    prepareEmailHtml({ messageId, sourceHtml: html }).then((result) => {
      if (!cancelled) setPrepared(result);
    });
    return () => {
      cancelled = true;
    };
  }, [messageId, html]);

  if (!prepared) return <p>Loading…</p>;
  return <iframe sandbox="" srcDoc={prepared} title="Email" />;
}
