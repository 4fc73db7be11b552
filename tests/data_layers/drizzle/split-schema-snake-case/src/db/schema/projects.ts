import { sql } from "drizzle-orm";
import {
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";
import { user } from "./auth";
import { projectStatus, taskPriority } from "./enums";

export const projects = pgTable(
  "projects",
  {
    id: uuid().primaryKey().defaultRandom(),
    name: varchar({ length: 140 }).notNull(),
    description: text(),
    status: projectStatus().notNull().default("active"),
    ownerId: text()
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    settings: jsonb().$type<{ color: string; public: boolean }>().default({ color: "blue", public: false }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.ownerId)],
);

export const tasks = pgTable(
  "tasks",
  {
    id: uuid().primaryKey().default(sql`gen_random_uuid()`),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    title: varchar({ length: 200 }).notNull(),
    priority: taskPriority().default("medium"),
    estimate: integer(),
    dueOn: date({ mode: "string" }),
    labels: text().array().notNull().default(sql`'{}'::text[]`),
    assigneeId: text().references(() => user.id, { onDelete: "set null" }),
    createdById: text("author").notNull().references(() => user.id),
    completedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("tasks_project_idx").on(t.projectId), index().on(t.assigneeId)],
);
