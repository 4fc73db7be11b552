import { prisma } from "@/lib/db";
import { getAuthSession } from "@/lib/nextauth";
import { quizCreationSchema } from "@/schemas/forms/quiz";
import { NextResponse } from "next/server";
import { z } from "zod";
import axios from "axios";

export async function POST(req: Request, res: Response) {
  try {
    const session = await getAuthSession();
    if (!session?.user) {
      return NextResponse.json(
        { error: "You must be logged in to create a game." },
        { status: 401 }
      );
    }
    const body = await req.json();
    const { topic, type, amount } = quizCreationSchema.parse(body);
    const game = await prisma.game.create({
      data: { gameType: type, timeStarted: new Date(), userId: session.user.id, topic },
    });
    await prisma.topic_count.upsert({
      where: { topic },
      create: { topic, count: 1 },
      update: { count: { increment: 1 } },
    });

    // the question generator is this app's own route, called over HTTP
    const { data } = await axios.post(`${process.env.API_URL as string}/api/questions`, {
      amount,
      topic,
      type,
    });

    type GeneratedQuestion = { question: string; answer: string; option1?: string; option2?: string; option3?: string };
    await prisma.question.createMany({
      data: data.questions.map((q: GeneratedQuestion) => ({
        question: q.question,
        answer: q.answer,
        options:
          type === "mcq"
            ? JSON.stringify([q.option1, q.option2, q.option3, q.answer].sort(() => Math.random() - 0.5))
            : null,
        gameId: game.id,
        questionType: type,
      })),
    });

    return NextResponse.json({ gameId: game.id }, { status: 200 });
  } catch (error) {
    if (error instanceof z.ZodError) {
      return NextResponse.json({ error: error.issues }, { status: 400 });
    } else {
      return NextResponse.json(
        { error: "An unexpected error occurred." },
        { status: 500 }
      );
    }
  }
}

export async function GET(req: Request, res: Response) {
  try {
    const session = await getAuthSession();
    if (!session?.user) {
      return NextResponse.json(
        { error: "You must be logged in to create a game." },
        { status: 401 }
      );
    }
    const url = new URL(req.url);
    const gameId = url.searchParams.get("gameId");
    if (!gameId) {
      return NextResponse.json({ error: "You must provide a game id." }, { status: 400 });
    }
    const game = await prisma.game.findUnique({ where: { id: gameId } });
    if (!game) {
      return NextResponse.json({ error: "Game not found." }, { status: 404 });
    }
    return NextResponse.json({ game }, { status: 400 });
  } catch (error) {
    return NextResponse.json({ error: "An unexpected error occurred." }, { status: 500 });
  }
}
