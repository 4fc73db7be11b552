// Stand-in for @upstash/ratelimit.
type Limiter = { tokens: number; window: string };

export class Ratelimit {
  private hits = new Map<string, number>();
  constructor(private opts: { redis: unknown; limiter: Limiter; analytics?: boolean }) {}

  static fixedWindow(tokens: number, window: string): Limiter {
    return { tokens, window };
  }

  async limit(identifier: string) {
    const used = (this.hits.get(identifier) ?? 0) + 1;
    this.hits.set(identifier, used);
    const limit = this.opts.limiter.tokens;
    return { success: used <= limit, limit, remaining: Math.max(0, limit - used), reset: Date.now() + 86_400_000 };
  }
}
