export function trackClientConversion({ name }: { name: string }) {
  (window as unknown as { dataLayer?: unknown[] }).dataLayer?.push({ event: name });
}
