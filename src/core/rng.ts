import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** The only source of chance in the core: seeded, so every run replays exactly. */
export interface Rng {
  int(from: number, to: number): number;
  pick<T>(items: readonly T[]): T;
}

export function createRng(seed: number): Rng {
  const gen = xoroshiro128plus(seed | 0);
  const int = (from: number, to: number) => uniformInt(gen, from, to);
  return { int, pick: (items) => items[int(0, items.length - 1)] };
}
