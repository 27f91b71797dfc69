import fc from 'fast-check';
import { expect } from 'vitest';

/** Any single case slower than this counts as a hang. */
export const HANG_MS = 2000;

/**
 * Runs up to 10,000 cases, or fewer when `seconds` run out (the loader costs 3–20
 * ms per scenario file on a busy 2-core machine; at least 50 must run). FUZZ_FULL=1 lifts the time limit so
 * all 10,000 run. A failure reports fast-check's seed and shrunk counterexample.
 */
export function fuzz<T>(name: string, arb: fc.Arbitrary<T>, check: (value: T) => void, seconds: number) {
  const full = !!process.env.FUZZ_FULL;
  const property = fc.property(arb, (value) => {
    const t0 = performance.now();
    check(value);
    const ms = performance.now() - t0;
    if (ms > HANG_MS) throw new Error(`one case took ${Math.round(ms)} ms (limit ${HANG_MS})`);
  });
  const t0 = performance.now();
  const result = fc.check(property, { numRuns: 10_000, interruptAfterTimeLimit: full ? undefined : seconds * 1000, markInterruptAsFailure: false });
  if (result.failed) throw new Error(fc.defaultReportMessage(result) ?? `${name} failed`);
  console.info(`fuzz ${name}: ${result.numRuns} cases in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  expect(result.numRuns).toBeGreaterThanOrEqual(full ? 10_000 : 50);
}
