"use client";
import { quizCreationSchema } from "@/schemas/forms/quiz";
import React from "react";
import { z } from "zod";
import axios, { AxiosError } from "axios";
import { useMutation } from "@tanstack/react-query";
import { useToast } from "../ui/use-toast";
import { useRouter } from "next/navigation";

type Props = {
  topic: string;
};

type Input = z.infer<typeof quizCreationSchema>;

const QuizCreation = ({ topic: topicParam }: Props) => {
  const router = useRouter();
  const [showLoader, setShowLoader] = React.useState(false);
  const [form, setForm] = React.useState<Input>({ topic: topicParam, type: "mcq", amount: 3 });
  const { toast } = useToast();
  const { mutate: getQuestions, isPending } = useMutation({
    mutationFn: async ({ amount, topic, type }: Input) => {
      const response = await axios.post("/api/game", { amount, topic, type });
      return response.data;
    },
  });

  const onSubmit = async (data: Input) => {
    setShowLoader(true);
    getQuestions(data, {
      onError: (error) => {
        setShowLoader(false);
        if (error instanceof AxiosError) {
          if (error.response?.status === 500) {
            toast({
              title: "Error",
              description: "Something went wrong. Please try again later.",
              variant: "destructive",
            });
          }
        }
      },
      onSuccess: ({ gameId }: { gameId: string }) => {
        setTimeout(() => {
          if (data.type === "mcq") {
            router.push(`/play/mcq/${gameId}`);
          } else if (data.type === "open_ended") {
            router.push(`/play/open-ended/${gameId}`);
          }
        }, 2000);
      },
    });
  };

  if (showLoader) {
    return <p>Generating questions…</p>;
  }

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(form);
      }}
    >
      <input value={form.topic} onChange={(e) => setForm({ ...form, topic: e.target.value })} />
      <input
        type="number"
        value={form.amount}
        onChange={(e) => setForm({ ...form, amount: Number(e.target.value) })}
      />
      <button type="button" onClick={() => setForm({ ...form, type: "mcq" })}>
        Multiple Choice
      </button>
      <button type="button" onClick={() => setForm({ ...form, type: "open_ended" })}>
        Open Ended
      </button>
      <button disabled={isPending} type="submit">
        Submit
      </button>
    </form>
  );
};

export default QuizCreation;
