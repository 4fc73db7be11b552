import { pgEnum } from "drizzle-orm/pg-core";

export const projectStatus = pgEnum("project_status", ["active", "paused", "done"]);

export const taskPriority = pgEnum("task_priority", ["low", "medium", "high", "urgent"]);
