"use client";

import * as z from "zod";
import axios from "axios";
import { useState } from "react";
import { toast } from "react-hot-toast";
import { useRouter } from "next/navigation";
import { ChatCompletionRequestMessage } from "openai";

import { useProModal } from "@/hooks/use-pro-modal";

const formSchema = z.object({
  prompt: z.string().min(1, {
    message: "Prompt is required."
  }),
});

const ConversationPage = () => {
  const router = useRouter();
  const proModal = useProModal();
  const [messages, setMessages] = useState<ChatCompletionRequestMessage[]>([]);
  const [prompt, setPrompt] = useState("");
  const [isLoading, setIsLoading] = useState(false);

  const onSubmit = async (values: z.infer<typeof formSchema>) => {
    try {
      setIsLoading(true);
      const userMessage: ChatCompletionRequestMessage = { role: "user", content: values.prompt };
      const newMessages = [...messages, userMessage];

      const response = await axios.post('/api/conversation', { messages: newMessages });
      setMessages((current) => [...current, userMessage, response.data]);

      setPrompt("");
    } catch (error: any) {
      if (error?.response?.status === 403) {
        proModal.onOpen();
      } else {
        toast.error("Something went wrong.");
      }
    } finally {
      setIsLoading(false);
      router.refresh();
    }
  }

  return (
    <div>
      <form onSubmit={(e) => { e.preventDefault(); onSubmit(formSchema.parse({ prompt })); }}>
        <input disabled={isLoading} value={prompt} onChange={(e) => setPrompt(e.target.value)} />
        <button type="submit" disabled={isLoading}>Generate</button>
      </form>
      <div className="flex flex-col-reverse gap-y-4">
        {messages.map((message, index) => (
          <p key={index}>{message.role}: {message.content}</p>
        ))}
      </div>
    </div>
  );
}

export default ConversationPage;
