import { z } from "zod";

export const renderHtmlBody = z.object({
  html: z.string().max(2_000_000),
});
export type RenderHtmlBody = z.infer<typeof renderHtmlBody>;
