import "server-only";
import type { Logger } from "@/utils/logger";

const PROXY = process.env.IMAGE_PROXY_BASE_URL ?? "/api/image-proxy";

export async function rewriteHtmlForImageProxy(html: string, logger: Logger) {
  let rewritten = 0;
  const out = html.replace(/<img([^>]*?)src="(https?:[^"]+)"/g, (_m, attrs: string, src: string) => {
    rewritten++;
    return `<img${attrs}src="${PROXY}?u=${encodeURIComponent(src)}"`;
  });
  logger.info("rewrote images", { rewritten });
  return { html: out, rewritten };
}
