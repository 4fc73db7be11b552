"use client";
import React from "react";
import { checkAnswerSchema } from "@/schemas/questions";
import { useMutation } from "@tanstack/react-query";
import axios from "axios";
import { z } from "zod";
import { useToast } from "./ui/use-toast";

type Props = {
  game: { id: string; questions: { id: string; question: string; options: string }[] };
};

const MCQ = ({ game }: Props) => {
  const [questionIndex, setQuestionIndex] = React.useState(0);
  const [selectedChoice, setSelectedChoice] = React.useState(0);
  const [stats, setStats] = React.useState({ correct: 0, wrong: 0 });
  const currentQuestion = game.questions[questionIndex];
  const options = JSON.parse(currentQuestion.options) as string[];

  const { toast } = useToast();
  const { mutate: checkAnswer, isPending: isChecking } = useMutation({
    mutationFn: async () => {
      const payload: z.infer<typeof checkAnswerSchema> = {
        questionId: currentQuestion.id,
        userInput: options[selectedChoice],
      };
      const response = await axios.post(`/api/checkAnswer`, payload);
      return response.data;
    },
  });

  const handleNext = React.useCallback(() => {
    checkAnswer(undefined, {
      onSuccess: ({ isCorrect }) => {
        if (isCorrect) {
          setStats((s) => ({ ...s, correct: s.correct + 1 }));
          toast({ title: "Correct", description: "You got it right!", variant: "success" });
        } else {
          setStats((s) => ({ ...s, wrong: s.wrong + 1 }));
          toast({ title: "Incorrect", description: "You got it wrong!", variant: "destructive" });
        }
        setQuestionIndex((i) => Math.min(i + 1, game.questions.length - 1));
      },
    });
  }, [checkAnswer, toast, game.questions.length]);

  return (
    <div>
      <h2>{currentQuestion.question}</h2>
      {options.map((option, index) => (
        <button key={option} onClick={() => setSelectedChoice(index)} type="button">
          {option}
        </button>
      ))}
      <p>
        {stats.correct} correct / {stats.wrong} wrong
      </p>
      <button disabled={isChecking} onClick={handleNext} type="button">
        Next
      </button>
    </div>
  );
};

export default MCQ;
