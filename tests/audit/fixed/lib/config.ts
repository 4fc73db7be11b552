export const siteConfig = {
  name: "Acme Notes",
  url: process.env.NEXT_PUBLIC_APP_URL ?? "http://localhost:3000",
  proPriceId: "price_1QxAcmeNotesPro",
};
