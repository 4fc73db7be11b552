import Stripe from "stripe";
import { siteConfig } from "@/lib/config";

export const stripe = new Stripe(siteConfig.stripeSecretKey);

export function formatPrice(cents: number) {
  return new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(cents / 100);
}
