// A stand-in with the name of shadcn/ui's Checkbox, which wraps Radix's
// checkbox (a button that needs JavaScript to change). Generated forms must
// not use it: they keep a native checkbox, which this file's presence tests.
import type { ComponentProps } from "react";

import { cn } from "@/lib/utils";

function Checkbox({ className, ...props }: ComponentProps<"button">) {
  return (
    <button
      type="button"
      role="checkbox"
      aria-checked="false"
      data-slot="checkbox"
      className={cn("size-4 rounded-sm border border-neutral-200", className)}
      {...props}
    />
  );
}

export { Checkbox };
