import { relations } from "drizzle-orm";
import { session, user } from "./auth";
import { projects, tasks } from "./projects";

export const userRelations = relations(user, ({ many }) => ({
  sessions: many(session),
  projects: many(projects),
  assignedTasks: many(tasks, { relationName: "assignee" }),
  createdTasks: many(tasks, { relationName: "creator" }),
}));

export const projectsRelations = relations(projects, ({ one, many }) => ({
  owner: one(user, { fields: [projects.ownerId], references: [user.id] }),
  tasks: many(tasks),
}));

export const tasksRelations = relations(tasks, ({ one }) => ({
  project: one(projects, { fields: [tasks.projectId], references: [projects.id] }),
  assignee: one(user, {
    fields: [tasks.assigneeId],
    references: [user.id],
    relationName: "assignee",
  }),
  creator: one(user, {
    fields: [tasks.createdById],
    references: [user.id],
    relationName: "creator",
  }),
}));
