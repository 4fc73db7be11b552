import { PricingCard } from "@/components/pricing-card";

export default function PricingPage() {
  return (
    <main>
      <PricingCard monthlyCents={800} />
    </main>
  );
}
