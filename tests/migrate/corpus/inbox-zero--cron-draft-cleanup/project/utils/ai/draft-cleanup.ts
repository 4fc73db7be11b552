import type { Logger } from "@/utils/logger";

export async function cleanupStaleDrafts({ logger }: { logger: Logger }) {
  logger.info("Cleaning up stale AI drafts");
  return { accountsProcessed: 0, draftsDeleted: 0 };
}
