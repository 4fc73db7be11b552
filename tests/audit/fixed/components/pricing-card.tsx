"use client";

import { useState } from "react";
import { siteConfig } from "@/lib/config";
import { formatPrice } from "@/lib/format";

export function PricingCard({ monthlyCents }: { monthlyCents: number }) {
  const [yearly, setYearly] = useState(false);
  const cents = yearly ? monthlyCents * 10 : monthlyCents;

  return (
    <section>
      <h2>{siteConfig.name} Pro</h2>
      <p>
        {formatPrice(cents)} / {yearly ? "year" : "month"}
      </p>
      <button type="button" onClick={() => setYearly(!yearly)}>
        {yearly ? "Pay monthly" : "Pay yearly"}
      </button>
    </section>
  );
}
