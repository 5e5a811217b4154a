/**
 * Decoded session tokens by their cookie value. Decrypting a token costs more than serving a
 * prerendered page, and the result for a given cookie never changes before it expires, so each
 * instance remembers recent ones. Safe to lose: a miss just decodes again.
 */
export type TokenFacts = { role: unknown; expiresAt: number };

export class TokenCache<T extends { expiresAt: number } = TokenFacts> {
  private readonly entries = new Map<string, T>();

  constructor(private readonly capacity = 10_000) {}

  get(cookie: string, now = Date.now()): T | undefined {
    const facts = this.entries.get(cookie);
    if (!facts) return undefined;
    if (facts.expiresAt <= now) {
      this.entries.delete(cookie);
      return undefined;
    }
    return facts;
  }

  set(cookie: string, facts: T) {
    if (this.entries.size >= this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(cookie, facts);
  }
}
