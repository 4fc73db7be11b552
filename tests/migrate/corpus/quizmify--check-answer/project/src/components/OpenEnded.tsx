"use client";
import React from "react";
import { checkAnswerSchema } from "@/schemas/questions";
import { useMutation } from "@tanstack/react-query";
import axios from "axios";
import { z } from "zod";
import { useToast } from "./ui/use-toast";

type Props = {
  game: { id: string; questions: { id: string; question: string }[] };
};

const OpenEnded = ({ game }: Props) => {
  const [questionIndex, setQuestionIndex] = React.useState(0);
  const [answer, setAnswer] = React.useState("");
  const [averagePercentage, setAveragePercentage] = React.useState(0);
  const currentQuestion = game.questions[questionIndex];
  const { toast } = useToast();

  const { mutate: checkAnswer, isPending: isChecking } = useMutation({
    mutationFn: async () => {
      const payload: z.infer<typeof checkAnswerSchema> = {
        questionId: currentQuestion.id,
        userInput: answer,
      };
      const response = await axios.post(`/api/checkAnswer`, payload);
      return response.data;
    },
  });

  const handleNext = React.useCallback(() => {
    checkAnswer(undefined, {
      onSuccess: ({ percentageSimilar }) => {
        toast({ title: `Your answer is ${percentageSimilar}% similar to the correct answer` });
        setAveragePercentage((prev) => (prev + percentageSimilar) / (questionIndex + 1));
        setAnswer("");
        setQuestionIndex((prev) => Math.min(prev + 1, game.questions.length - 1));
      },
      onError: (error) => {
        console.error(error);
        toast({ title: "Something went wrong", variant: "destructive" });
      },
    });
  }, [checkAnswer, questionIndex, toast, game.questions.length]);

  return (
    <div>
      <h2>{currentQuestion.question}</h2>
      <input value={answer} onChange={(e) => setAnswer(e.target.value)} />
      <p>Average: {Math.round(averagePercentage)}%</p>
      <button disabled={isChecking} onClick={handleNext} type="button">
        Next
      </button>
    </div>
  );
};

export default OpenEnded;
