export const siteConfig = {
  name: "Acme Notes",
  url: process.env.NEXT_PUBLIC_APP_URL ?? "http://localhost:3000",
  stripeSecretKey: process.env.STRIPE_SECRET_KEY ?? "",
  proPriceId: "price_1QxAcmeNotesPro",
};
