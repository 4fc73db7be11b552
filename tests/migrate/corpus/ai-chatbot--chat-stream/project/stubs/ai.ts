// Local stand-in for the Vercel AI SDK (`ai`), same call shapes.
export type UIMessage = { id: string; role: "user" | "assistant"; parts: { type: "text"; text: string }[] };

type Writer = { write(part: { type: "text-delta"; delta: string }): void };

export function createUIMessageStream({
  execute,
  onError,
}: {
  execute: (opts: { writer: Writer }) => Promise<void> | void;
  onError?: (error: unknown) => string;
}): ReadableStream<string> {
  return new ReadableStream<string>({
    async start(controller) {
      try {
        await execute({ writer: { write: (p) => controller.enqueue(JSON.stringify(p)) } });
      } catch (e) {
        controller.enqueue(onError ? onError(e) : "error");
      }
      controller.close();
    },
  });
}

export function createUIMessageStreamResponse({ stream }: { stream: ReadableStream<string> }) {
  return new Response(stream.pipeThrough(new TextEncoderStream()), {
    headers: { "content-type": "text/event-stream" },
  });
}

export class DefaultChatTransport {
  constructor(public options: { api: string; body?: Record<string, unknown> }) {}
}
