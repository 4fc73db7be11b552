"use client";

import { useEffect } from "react";

// Effects run only after React has hydrated the tree, so tests wait for
// `html[data-hydrated="true"]` before interacting with client components.
// With JavaScript disabled the attribute never appears.
export function HydrationMarker() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return null;
}
