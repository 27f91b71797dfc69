import fc from 'fast-check';
import { afterAll, beforeAll, expect } from 'vitest';

/** Any single case slower than this counts as a hang. */
export const HANG_MS = 2000;
/** Cases per property, always: the floor, never lowered to fit a time budget. */
export const CASES = 10_000;

/**
 * Runs exactly CASES cases; a case slower than HANG_MS fails as a hang. The property's
 * cases are kept cheap instead (small mutated documents, parsed data reused), so all
 * of them fit in a few seconds each on a busy 2-core machine; the duration is printed.
 * A failure reports fast-check's seed and shrunk counterexample; FUZZ_SEED=n runs that seed again.
 */
export function fuzz<T>(name: string, arb: fc.Arbitrary<T>, check: (value: T) => void) {
  const property = fc.property(arb, (value) => {
    const t0 = performance.now();
    check(value);
    const ms = performance.now() - t0;
    if (ms > HANG_MS) throw new Error(`one case took ${Math.round(ms)} ms (limit ${HANG_MS})`);
  });
  const seed = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
  const t0 = performance.now();
  const result = fc.check(property, { numRuns: CASES, includeErrorInReport: true, ...(seed === undefined ? {} : { seed }) });
  if (result.failed) throw new Error(fc.defaultReportMessage(result) ?? `${name} failed`);
  const s = (performance.now() - t0) / 1000;
  console.info(`fuzz ${name}: ${result.numRuns} cases in ${s.toFixed(1)} s (${((s * 1000) / result.numRuns).toFixed(2)} ms a case)`);
  expect(result.numRuns).toBe(CASES);
}

/** Vitest timeout for one fuzz property: the cases' own budget is a few seconds; this only stops a runaway. */
export const FUZZ_TIMEOUT = 120_000;

/**
 * Two costs of the yaml package in Node that are not the loader's work, lifted for one
 * fuzz file's cases and put back after it:
 * - its Node build reads process.env.LOG_TOKENS for every token it parses (its browser
 *   build does not); a live process.env lookup costs about 0.4 µs, a fifth of a small
 *   file's parse: a plain copy of the environment stands in;
 * - each syntax error is an Error whose stack trace is captured, and a mutated file has
 *   many: traces are off (FUZZ_STACKS=1 keeps them, to debug a failure with FUZZ_SEED).
 */
export function cheapYamlDuringFile() {
  const env = process.env;
  const limit = Error.stackTraceLimit;
  beforeAll(() => {
    process.env = { ...env };
    if (!env.FUZZ_STACKS) Error.stackTraceLimit = 0;
  });
  afterAll(() => {
    process.env = env;
    Error.stackTraceLimit = limit;
  });
}
