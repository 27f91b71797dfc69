// Behaviour lock for engine optimisations: every shipped scenario, every policy, many seeds,
// compared with results stored from the engine before it was tuned. Any change in behaviour fails here.
// Regenerate only for an intended behaviour change: GOLDEN_UPDATE=1 npx vitest run tests/unit/golden.test.ts
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadFromDisk } from '../../src/cli/files';
import { play, playStep } from '../../src/core/policies/play';
import { type PolicyName, policyNamed } from '../../src/core/policies/policies';
import { replay, resultOf } from '../../src/core/result';
import { createRng } from '../../src/core/rng';
import type { Rubric } from '../../src/core/schema/rubric';
import type { Scenario } from '../../src/core/schema/scenario';
import { Shift } from '../../src/core/shift/shift';

const FILE = 'tests/unit/golden.json';
const POLICIES: PolicyName[] = ['ideal', 'rude', 'passive', 'random', 'key-1', 'key-5'];
/** Seeds whose full results are stored (readable diffs); the others are stored as digests. */
const FULL_SEEDS = [1];
const SEEDS = Array.from({ length: 25 }, (_, i) => i + 1);
const UPDATE = process.env.GOLDEN_UPDATE === '1';

const catalog = loadFromDisk();
const digest = (v: unknown) => createHash('sha256').update(JSON.stringify(v)).digest('hex').slice(0, 24);

/**
 * What the helpers the policies and the UI read say at every decision of a scripted run:
 * the attended contact, the choices in shown order, and for each whether it loops, skips
 * ahead, and which options it closes; the next event. Same loop as `play`.
 */
function trace(scenario: Scenario, rubric: Rubric, name: PolicyName, seed: number): unknown[] {
  const shift = new Shift(scenario, rubric, seed);
  const policy = policyNamed(name)!;
  const rng = createRng(seed ^ 0x5eed);
  for (const item of policy.prepare(shift, rng)) shift.prepare(item);
  shift.openDesk();
  const out: unknown[] = [];
  for (let step = 0; !shift.finished && step < 5000; step++) {
    const run = shift.attended();
    const choices = run ? shift.choices(run) : [];
    out.push([
      shift.now,
      run?.id,
      run?.phase(),
      run?.phaseState(),
      shift.nextEventIn(),
      run?.visitor,
      choices.map((o) => [o.id, run!.loops(o), run!.skipsAhead(o), run!.closes(o).map((c) => c.id)]),
    ]);
    playStep(shift, policy, rng);
  }
  out.push([shift.now, shift.contacts.map((c) => [c.id, c.status, c.closed, [...c.offered].sort(), c.visitor, c.ctx])]);
  return out;
}

interface Golden {
  full: Record<string, unknown>;
  digests: Record<string, { result: string; replay: string; trace: string }>;
}

function compute(): Golden {
  const golden: Golden = { full: {}, digests: {} };
  for (const scenario of catalog.scenarios) {
    const rubric = catalog.rubrics.get(scenario.rubric)!;
    for (const policy of POLICIES)
      for (const seed of SEEDS) {
        const key = `${scenario.id} ${policy} ${seed}`;
        const result = JSON.parse(JSON.stringify(play(scenario, rubric, policy, seed)));
        const again = resultOf(replay(scenario, rubric, { scenario: result.scenario, seed, actions: result.actions, end: result.end }));
        if (FULL_SEEDS.includes(seed)) golden.full[key] = result;
        golden.digests[key] = { result: digest(result), replay: digest(again), trace: digest(trace(scenario, rubric, policy, seed)) };
      }
  }
  return golden;
}

describe('golden results (behaviour unchanged by engine tuning)', () => {
  const now = compute();
  if (UPDATE) writeFileSync(FILE, `${JSON.stringify(now)}\n`);
  const stored: Golden = JSON.parse(readFileSync(FILE, 'utf8'));

  it('covers every shipped scenario, policy and seed', () => {
    expect(Object.keys(stored.digests).sort()).toEqual(Object.keys(now.digests).sort());
  });
  it.each(Object.keys(stored.full))('full result of %s', (key) => {
    expect(now.full[key]).toEqual(stored.full[key]);
  });
  it('results, replays and decision traces of every seed', () => {
    const changed = Object.keys(stored.digests).filter((k) => JSON.stringify(now.digests[k]) !== JSON.stringify(stored.digests[k]));
    expect(changed).toEqual([]);
  });
});
