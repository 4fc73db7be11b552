"use client";
import React from "react";
import { endGameSchema } from "@/schemas/questions";
import { useMutation } from "@tanstack/react-query";
import axios from "axios";
import { z } from "zod";

type Props = {
  game: { id: string; questions: { id: string; question: string }[] };
};

const OpenEnded = ({ game }: Props) => {
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

  const handleNext = () => {
    if (questionIndex === game.questions.length - 1) {
      endGame();
      setHasEnded(true);
      return;
    }
    setQuestionIndex((prev) => prev + 1);
  };

  return hasEnded ? (
    <p>Quiz finished.</p>
  ) : (
    <div>
      <h2>{game.questions[questionIndex].question}</h2>
      <button onClick={handleNext} type="button">
        Next
      </button>
    </div>
  );
};

export default OpenEnded;
