import { createHash, randomBytes } from "node:crypto";

/** A fresh per-attempt seed (128 bits, hex): store it with the attempt; everything drawn follows from it. */
export function newSeed(): string {
  return randomBytes(16).toString("hex");
}

/**
 * A small deterministic PRNG (sfc32) seeded from any string: the same seed gives the same
 * sequence of numbers in [0, 1) on every machine. For draws and shuffles, not for secrets.
 */
export function seededRandom(seed: string): () => number {
  const h = createHash("sha256").update(seed).digest();
  let a = h.readUInt32LE(0);
  let b = h.readUInt32LE(4);
  let c = h.readUInt32LE(8);
  let d = h.readUInt32LE(12);
  return () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

/** A shuffled copy (Fisher–Yates) driven by `random`. */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
