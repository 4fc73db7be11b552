// Stand-in for @editorjs/editorjs and @editorjs/link: the link tool fetches
// `${endpoint}?url=...` itself, with GET, and reads `{ success, meta }`.
export type ToolConfig = { class: unknown; config?: Record<string, unknown> }

export default class EditorJS {
  constructor(public options: { holder: string; tools: Record<string, ToolConfig | unknown> }) {}
  destroy() {}
}

export class LinkTool {}
