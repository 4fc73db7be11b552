// A stand-in with the name of shadcn/ui's Select, which wraps Radix's select
// (a listbox that needs JavaScript). Generated forms must not use it: they
// keep a native <select>, which this file's presence tests.
import type { ComponentProps } from "react";

import { cn } from "@/lib/utils";

function SelectTrigger({ className, ...props }: ComponentProps<"button">) {
  return (
    <button
      type="button"
      data-slot="select-trigger"
      className={cn("rounded-md border border-neutral-200 px-3", className)}
      {...props}
    />
  );
}

export { SelectTrigger };
