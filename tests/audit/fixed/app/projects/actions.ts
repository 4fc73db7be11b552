"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { auth } from "@/auth";
import { db } from "@/lib/db";
import { projects } from "@/lib/db/schema";

const projectSchema = z.object({ name: z.string().trim().min(1).max(64) });

export type ProjectFormState = { error?: string };

export async function createProject(
  _prev: ProjectFormState,
  formData: FormData,
): Promise<ProjectFormState> {
  const session = await auth();
  if (!session?.user?.id) return { error: "Sign in to create a project." };

  const parsed = projectSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { error: "Enter a project name." };

  let projectId: string;
  try {
    const [project] = await db
      .insert(projects)
      .values({ name: parsed.data.name, ownerId: session.user.id })
      .returning();
    projectId = project.id;
  } catch (error) {
    console.error(error);
    return { error: "Could not create the project." };
  }
  redirect(`/projects/${projectId}`);
}
