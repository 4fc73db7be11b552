"use client";

import { useState } from "react";
import { useSignUpEvent } from "@/hooks/useSignupEvent";

export function WelcomeForm({ questions }: { questions: string[] }) {
  const [step, setStep] = useState(0);

  useSignUpEvent();

  return (
    <div>
      <p>{questions[step]}</p>
      <button
        disabled={step >= questions.length - 1}
        onClick={() => setStep((s) => s + 1)}
        type="button"
      >
        Next
      </button>
    </div>
  );
}
