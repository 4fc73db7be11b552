"use client";
import React from "react";
import { endGameSchema } from "@/schemas/questions";
import { useMutation } from "@tanstack/react-query";
import axios from "axios";
import { z } from "zod";
import Link from "next/link";

type Props = {
  game: { id: string; questions: { id: string; question: string }[] };
};

const MCQ = ({ game }: Props) => {
  const [questionIndex, setQuestionIndex] = React.useState(0);
  const [hasEnded, setHasEnded] = React.useState(false);

  const { mutate: endGame } = useMutation({
    mutationFn: async () => {
      const payload: z.infer<typeof endGameSchema> = {
        gameId: game.id,
      };
      const response = await axios.post(`/api/endGame`, payload);
      return response.data;
    },
  });

  const handleNext = React.useCallback(() => {
    if (questionIndex === game.questions.length - 1) {
      endGame();
      setHasEnded(true);
      return;
    }
    setQuestionIndex((i) => i + 1);
  }, [questionIndex, game.questions.length, endGame]);

  if (hasEnded) {
    return <Link href={`/statistics/${game.id}`}>View statistics</Link>;
  }

  return (
    <div>
      <h2>{game.questions[questionIndex].question}</h2>
      <button onClick={handleNext} type="button">
        Next
      </button>
    </div>
  );
};

export default MCQ;
