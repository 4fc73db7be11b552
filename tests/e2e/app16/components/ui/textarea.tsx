// Written for the e2e suite in the shape of shadcn/ui's Textarea (new-york).
import type { ComponentProps } from "react";

import { cn } from "@/lib/utils";

function Textarea({ className, ...props }: ComponentProps<"textarea">) {
  return (
    <textarea
      data-slot="textarea"
      className={cn(
        "flex min-h-16 w-full rounded-md border border-neutral-200 bg-transparent px-3 py-2 text-base shadow-xs outline-none focus-visible:border-neutral-950 focus-visible:ring-[3px] focus-visible:ring-neutral-950/50 aria-invalid:border-red-600 md:text-sm dark:border-white/15 dark:bg-white/5",
        className,
      )}
      {...props}
    />
  );
}

export { Textarea };
