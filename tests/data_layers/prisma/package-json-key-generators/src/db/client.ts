import { PrismaClient } from "@prisma/client";

declare global {
  // eslint-disable-next-line no-var
  var prismaGlobal: ReturnType<typeof makeClient> | undefined;
}

function makeClient() {
  return new PrismaClient().$extends({
    query: {
      survey: {
        async create({ args, query }) {
          args.data.name = args.data.name.trim();
          return query(args);
        },
      },
    },
  });
}

const prisma = globalThis.prismaGlobal ?? makeClient();

if (process.env.NODE_ENV !== "production") globalThis.prismaGlobal = prisma;

// Default export only: there is no named `prisma` or `db` export.
export default prisma;
