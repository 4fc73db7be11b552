import { after, NextResponse } from "next/server";
import { cookies, headers } from "next/headers";
import { auth } from "@/utils/auth";
import { withError } from "@/utils/middleware";
import {
  getConversionEligibility,
  trackRegistrationConversion,
} from "@/utils/analytics/server-conversions";

export const POST = withError("complete-registration", async (request) => {
  const logger = request.logger;
  const session = await auth(request.headers);
  if (!session?.user.email) {
    // fire-and-forget from onboarding: not being signed in is a no-op
    return NextResponse.json({ success: false, reason: "not_authenticated" });
  }

  const headersList = await headers();
  const referer = headersList.get("referer");
  const userAgent = headersList.get("user-agent");
  const ip = getIp(headersList);

  const cookieStore = await cookies();
  const fbc = cookieStore.get("_fbc")?.value;
  const fbp = cookieStore.get("_fbp")?.value;

  const eligibility = await getConversionEligibility(session.user.id, logger);

  if (eligibility.eligible) {
    const createdAt = eligibility.createdAt;
    after(async () => {
      try {
        await trackRegistrationConversion({
          userId: session.user.id,
          email: session.user.email,
          createdAt,
          eventSourceUrl: referer || "",
          ipAddress: ip || "",
          userAgent: userAgent || "",
          fbc: fbc || "",
          fbp: fbp || "",
          logger,
        });
      } catch (error) {
        logger.error("Conversion tracking failed", { error: String(error) });
      }
    });
  }

  return NextResponse.json({
    success: true,
    clientConversionEligible: eligibility.eligible,
  });
});

function getIp(headersList: Headers) {
  const forwardedFor = headersList.get("x-forwarded-for");
  if (forwardedFor) {
    return forwardedFor.split(",")[0] ?? "0.0.0.0";
  }
  return headersList.get("x-real-ip") ?? "0.0.0.0";
}
