import type { Logger } from "@/utils/logger";

export async function getConversionEligibility(userId: string, _logger: Logger) {
  return userId.length > 0
    ? { eligible: true as const, createdAt: new Date() }
    : { eligible: false as const };
}

export async function trackRegistrationConversion(event: {
  userId: string;
  email: string;
  createdAt: Date;
  eventSourceUrl: string;
  ipAddress: string;
  userAgent: string;
  fbc: string;
  fbp: string;
  logger: Logger;
}) {
  event.logger.info("conversion sent", { userId: event.userId });
}
