import { cookies } from "next/headers";

import prisma from "@/app/libs/prismadb";

// Stand-in for next-auth's getServerSession(authOptions).
export async function getSession() {
  const email = (await cookies()).get("next-auth.session-token")?.value;
  return email ? { user: { email } } : null;
}

export default async function getCurrentUser() {
  try {
    const session = await getSession();

    if (!session?.user?.email) {
      return null;
    }

    const currentUser = await prisma.user.findUnique({
      where: {
        email: session.user.email as string,
      }
    });

    if (!currentUser) {
      return null;
    }

    return {
      ...currentUser,
      createdAt: currentUser.createdAt.toISOString(),
      updatedAt: currentUser.updatedAt.toISOString(),
    };
  } catch (error: any) {
    return null;
  }
}
