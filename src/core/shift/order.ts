/**
 * A stable pseudo-random sort key for an option: the same seed gives the same order
 * of choices (so replays and re-scoring hold), another seed another order, and the
 * key does not depend on what the world's dice have drawn so far. FNV-1a, 32 bits.
 */
export function shuffleKey(seed: number, contact: string, option: string): number {
  let h = 0x811c9dc5 ^ (seed >>> 0);
  const text = `${contact}\u0000${option}`;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  // A final mix so that neighbouring seeds do not give neighbouring orders.
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d) >>> 0;
  h ^= h >>> 12;
  return h >>> 0;
}
