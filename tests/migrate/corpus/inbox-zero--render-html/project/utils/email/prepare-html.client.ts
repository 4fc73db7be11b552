const IMAGE_PROXY_RENDER_ROUTE = "/api/email/render-html";
const PREPARED_HTML_MAX_AGE_MS = 5 * 60 * 1000;

const preparedHtml = new Map<string, { sourceHtml: string; html: string; preparedAt: number }>();
const inFlight = new Map<string, Promise<string>>();

export function prepareEmailHtml({ messageId, sourceHtml }: { messageId: string; sourceHtml: string }) {
  const cached = preparedHtml.get(messageId);
  if (cached && cached.sourceHtml === sourceHtml && Date.now() - cached.preparedAt < PREPARED_HTML_MAX_AGE_MS) {
    return Promise.resolve(cached.html);
  }
  const pending = inFlight.get(messageId);
  if (pending) return pending;

  const promise = rewriteHtmlWithProxy(sourceHtml)
    .then((renderedHtml) => {
      const html = renderedHtml ?? sourceHtml;
      preparedHtml.set(messageId, { sourceHtml, html, preparedAt: Date.now() });
      return html;
    })
    .catch(() => sourceHtml)
    .finally(() => inFlight.delete(messageId));

  inFlight.set(messageId, promise);
  return promise;
}

async function rewriteHtmlWithProxy(html: string) {
  const response = await fetch(IMAGE_PROXY_RENDER_ROUTE, {
    method: "POST",
    headers: {
      "content-type": "application/json",
    },
    body: JSON.stringify({ html }),
  });

  if (!response.ok) return;

  const data = await response.json();
  return typeof data?.html === "string" ? data.html : undefined;
}
