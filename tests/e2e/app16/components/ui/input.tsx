// Written for the e2e suite in the shape of shadcn/ui's Input (new-york),
// with its light border (the border-input token), under 3:1 on white.
import type { ComponentProps } from "react";

import { cn } from "@/lib/utils";

function Input({ className, type, ...props }: ComponentProps<"input">) {
  return (
    <input
      type={type}
      data-slot="input"
      className={cn(
        "h-9 w-full min-w-0 rounded-md border border-neutral-200 bg-transparent px-3 py-1 text-base shadow-xs outline-none focus-visible:border-neutral-950 focus-visible:ring-[3px] focus-visible:ring-neutral-950/50 aria-invalid:border-red-600 aria-invalid:ring-red-600/20 md:text-sm dark:border-white/15 dark:bg-white/5",
        className,
      )}
      {...props}
    />
  );
}

export { Input };
