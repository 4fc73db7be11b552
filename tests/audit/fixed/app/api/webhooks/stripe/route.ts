import { eq } from "drizzle-orm";
import { headers } from "next/headers";
import type Stripe from "stripe";
import { db } from "@/lib/db";
import { users } from "@/lib/db/schema";
import { stripe } from "@/lib/stripe";

export async function POST(request: Request) {
  const body = await request.text();
  const signature = (await headers()).get("stripe-signature") ?? "";

  let event: Stripe.Event;
  try {
    event = stripe.webhooks.constructEvent(body, signature, process.env.STRIPE_WEBHOOK_SECRET!);
  } catch {
    return new Response("Invalid signature", { status: 400 });
  }

  if (event.type === "customer.subscription.deleted") {
    const subscription = event.data.object;
    await db
      .update(users)
      .set({ plan: "free" })
      .where(eq(users.stripeCustomerId, String(subscription.customer)));
  }
  return new Response(null, { status: 200 });
}
