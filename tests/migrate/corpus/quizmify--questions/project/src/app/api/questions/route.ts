import { strict_output } from "@/lib/gpt";
import { getAuthSession } from "@/lib/nextauth";
import { getQuestionsSchema } from "@/schemas/questions";
import { NextResponse } from "next/server";
import { ZodError } from "zod";

export const runtime = "nodejs";
export const maxDuration = 500;

export async function POST(req: Request, res: Response) {
  try {
    const session = await getAuthSession();
    // if (!session?.user) {
    //   return NextResponse.json({ error: "You must be logged in." }, { status: 401 });
    // }
    const body = await req.json();
    const { amount, topic, type } = getQuestionsSchema.parse(body);
    let questions: any;
    if (type === "open_ended") {
      questions = await strict_output(
        "You generate pairs of short questions and answers as a JSON array",
        new Array(amount).fill(`Generate a hard open-ended question about ${topic}`),
        { question: "question", answer: "answer, max 15 words" }
      );
    } else if (type === "mcq") {
      questions = await strict_output(
        "You generate multiple-choice questions with answers and options as a JSON array",
        new Array(amount).fill(`Generate a hard mcq question about ${topic}`),
        {
          question: "question",
          answer: "answer, max 15 words",
          option1: "option1, max 15 words",
          option2: "option2, max 15 words",
          option3: "option3, max 15 words",
        }
      );
    }
    return NextResponse.json({ questions: questions }, { status: 200 });
  } catch (error) {
    if (error instanceof ZodError) {
      return NextResponse.json({ error: error.issues }, { status: 400 });
    } else {
      console.error("gpt error", error);
      return NextResponse.json(
        { error: "An unexpected error occurred." },
        { status: 500 }
      );
    }
  }
}
