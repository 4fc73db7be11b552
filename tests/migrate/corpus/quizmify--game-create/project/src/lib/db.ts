import "server-only";

export type Game = {
  id: string;
  userId: string;
  topic: string;
  gameType: "mcq" | "open_ended";
  timeStarted: Date;
  timeEnded: Date | null;
};

export type Question = {
  id: string;
  gameId: string;
  question: string;
  answer: string;
  options: string | null;
  questionType: "mcq" | "open_ended";
  userAnswer: string | null;
  isCorrect: boolean | null;
  percentageCorrect: number | null;
};

const games = new Map<string, Game>();
const questions = new Map<string, Question>();
const topicCounts = new Map<string, number>();

// Stand-in for the app's PrismaClient singleton (only the calls the routes make).
export const prisma = {
  game: {
    async findUnique({ where }: { where: { id: string } }) {
      return games.get(where.id) ?? null;
    },
    async create({ data }: { data: Omit<Game, "id" | "timeEnded"> }) {
      const game = { ...data, id: crypto.randomUUID(), timeEnded: null };
      games.set(game.id, game);
      return game;
    },
    async update({ where, data }: { where: { id: string }; data: Partial<Game> }) {
      const game = { ...games.get(where.id)!, ...data };
      games.set(where.id, game);
      return game;
    },
  },
  question: {
    async findUnique({ where }: { where: { id: string } }) {
      return questions.get(where.id) ?? null;
    },
    async update({ where, data }: { where: { id: string }; data: Partial<Question> }) {
      const q = { ...questions.get(where.id)!, ...data };
      questions.set(where.id, q);
      return q;
    },
    async createMany({
      data,
    }: {
      data: Pick<Question, "question" | "answer" | "gameId" | "questionType" | "options">[];
    }) {
      for (const q of data) {
        const id = crypto.randomUUID();
        questions.set(id, { ...q, id, userAnswer: null, isCorrect: null, percentageCorrect: null });
      }
      return { count: data.length };
    },
  },
  topic_count: {
    async upsert({ where }: { where: { topic: string }; create: { topic: string; count: number }; update: { count: { increment: number } } }) {
      topicCounts.set(where.topic, (topicCounts.get(where.topic) ?? 0) + 1);
      return { topic: where.topic, count: topicCounts.get(where.topic)! };
    },
  },
};
