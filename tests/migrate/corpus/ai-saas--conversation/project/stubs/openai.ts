// Stand-in for the openai v3 SDK (Configuration / OpenAIApi).
export type ChatCompletionRequestMessage = {
  role: "system" | "user" | "assistant";
  content: string;
};

export class Configuration {
  apiKey?: string;
  constructor(options: { apiKey?: string }) {
    this.apiKey = options.apiKey;
  }
}

export class OpenAIApi {
  constructor(private configuration: Configuration) {}
  async createChatCompletion(request: { model: string; messages: ChatCompletionRequestMessage[] }) {
    const last = request.messages[request.messages.length - 1];
    const message: ChatCompletionRequestMessage = { role: "assistant", content: `echo: ${last?.content ?? ""}` };
    return { data: { choices: [{ message }] } };
  }
}
