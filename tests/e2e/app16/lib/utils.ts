// shadcn/ui's class helper, without its dependencies (clsx, tailwind-merge):
// the e2e components only ever append a caller's classes.
export function cn(...classes: (string | false | null | undefined)[]) {
  return classes.filter(Boolean).join(" ");
}
