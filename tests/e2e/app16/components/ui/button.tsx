// Written for the e2e suite in the shape of shadcn/ui's Button (new-york):
// a styled <button> that takes every native prop and merges className.
import type { ComponentProps } from "react";

import { cn } from "@/lib/utils";

function Button({ className, ...props }: ComponentProps<"button">) {
  return (
    <button
      data-slot="button"
      className={cn(
        "inline-flex h-9 items-center justify-center gap-2 rounded-md bg-neutral-900 px-4 py-2 text-sm font-medium whitespace-nowrap text-neutral-50 shadow-xs transition-all hover:bg-neutral-900/90 focus-visible:ring-[3px] focus-visible:ring-neutral-950/50 focus-visible:outline-none disabled:pointer-events-none disabled:opacity-50 dark:bg-neutral-50 dark:text-neutral-900",
        className,
      )}
      {...props}
    />
  );
}

export { Button };
