import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { loadFromDisk } from '../../src/cli/files';
import { loadScenario } from '../../src/core/load/catalog';
import { play } from '../../src/core/policies/play';
import { POLICY_NAMES } from '../../src/core/policies/policies';
import { type Run, replay, resultOf } from '../../src/core/result';
import { FUZZ_TIMEOUT, fuzz } from './budget';

const catalog = loadFromDisk();
const mini = loadScenario({ file: 'mini.yaml', text: readFileSync('tests/fixtures/mini.yaml', 'utf8') }, catalog.rubrics).scenario!;
const scenarios = new Map([mini, ...catalog.scenarios].map((s) => [s.id, s]));
const runOf = ({ scenario, seed, actions, end }: Run): Run => ({ scenario, seed, actions, end });
// Mostly the small scenario (cheap to replay), some runs of every real one.
const runs: Run[] = [
  ...POLICY_NAMES.flatMap((p) => [1, 2, 3].map((seed) => runOf(play(mini, catalog.rubrics.get(mini.rubric)!, p, seed)))),
  ...catalog.scenarios.map((s) => runOf(play(s, catalog.rubrics.get(s.rubric)!, 'random', 1))),
];
const ids = [...new Set(runs.flatMap((r) => r.actions.flatMap((a) => [a.contact, a.option])))];

const odd = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -1, 0, 1e12, 1e308, 2 ** 53, -0.5),
  fc.string({ maxLength: 8 }),
  fc.constantFrom(...ids),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(fc.integer(), { maxLength: 2 }),
  fc.dictionary(fc.string({ maxLength: 3 }), fc.integer(), { maxKeys: 2 }),
);
const op = fc.oneof(
  fc.record({ kind: fc.constant('field' as const), key: fc.constantFrom('scenario', 'seed', 'end', 'actions'), value: odd }),
  fc.record({ kind: fc.constant('drop' as const), key: fc.constantFrom('scenario', 'seed', 'end', 'actions') }),
  fc.record({ kind: fc.constant('act' as const), at: fc.nat(), key: fc.constantFrom('t', 'contact', 'option'), value: odd }),
  fc.record({ kind: fc.constant('acts' as const), at: fc.nat(), other: fc.nat(), how: fc.constantFrom('delete', 'duplicate', 'swap', 'append') }),
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

/** A run file as a teacher might import it: mutated, then through JSON as a file would be. */
function mutate(run: Run, ops: Op[]): unknown {
  const r = structuredClone(run) as unknown as Record<string, unknown>;
  for (const o of ops) {
    const acts = Array.isArray(r.actions) ? (r.actions as Record<string, unknown>[]) : undefined;
    if (o.kind === 'field') r[o.key] = o.value;
    else if (o.kind === 'drop') delete r[o.key];
    else if (acts?.length && o.kind === 'act') {
      const a = acts[o.at % acts.length];
      if (a && typeof a === 'object') a[o.key] = o.value;
    } else if (acts && o.kind === 'acts') {
      const i = o.at % (acts.length || 1);
      const j = o.other % (acts.length || 1);
      if (o.how === 'delete') acts.splice(i, 1);
      else if (o.how === 'duplicate' && acts[i]) acts.splice(i, 0, { ...acts[i] });
      else if (o.how === 'swap' && acts[i] && acts[j]) [acts[i], acts[j]] = [acts[j], acts[i]];
      else if (o.how === 'append') acts.push({ t: o.at, contact: ids[i % ids.length], option: ids[j % ids.length] });
    }
  }
  return JSON.parse(JSON.stringify(r) ?? 'null');
}

describe('fuzz: replay', () => {
  it(
    'on mutated run files either re-scores or throws an Error with a message',
    () => {
      fuzz(
        'mutated runs',
        fc.tuple(fc.constantFrom(...runs), fc.array(op, { minLength: 1, maxLength: 4 })).map(([run, ops]) => mutate(run, ops)),
        (file) => {
          const id = (file as Partial<Run> | null)?.scenario;
          const scenario = (typeof id === 'string' && scenarios.get(id)) || mini;
          try {
            resultOf(replay(scenario, catalog.rubrics.get(scenario.rubric)!, file as Run));
          } catch (err) {
            if (!(err instanceof Error) || !err.message) throw new Error(`threw something other than an Error with a message: ${String(err)}`);
          }
        },
      );
    },
    FUZZ_TIMEOUT,
  );
});
