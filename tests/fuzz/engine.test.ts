import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadFromDisk } from '../../src/cli/files';
import { loadScenario } from '../../src/core/load/catalog';
import type { Scenario } from '../../src/core/schema/scenario';
import { CLOSE_FILE } from '../../src/core/shift/contact-run';
import { ActError, DESK, Shift } from '../../src/core/shift/shift';
import { FUZZ_TIMEOUT, fuzz } from './budget';

const catalog = loadFromDisk();
const mini = loadScenario({ file: 'mini.yaml', text: readFileSync('tests/fixtures/mini.yaml', 'utf8') }, catalog.rubrics).scenario!;
const byId = new Map([mini, ...catalog.scenarios].map((s) => [s.id, s]));

/** Everything a caller could name: every contact and option of the scenario, preparation items, and names that exist nowhere. */
function names(s: Scenario) {
  const rubric = catalog.rubrics.get(s.rubric)!;
  const prep = [...(rubric.preparation?.outfits ?? []), ...(rubric.preparation?.tasks ?? [])].map((p) => p.id);
  const options = s.contacts.flatMap((c) => [...Object.values(c.phases).flatMap((p) => p?.options ?? []), ...(c.anytime ?? []), ...(c.after ?? [])]);
  return {
    contacts: [...s.contacts.map((c) => c.id), DESK, 'nobody', ''],
    options: [...new Set([...options.map((o) => o.id), ...prep, CLOSE_FILE, 'no-such-option', ''])],
    prep: [...prep, 'no-such-item'],
  };
}

/**
 * One call a student's UI (or a forged run) could make. Indices are taken modulo what
 * exists at that moment: "offered" picks one of the attended contact's choices (always
 * valid), "any" names any contact and any option (mostly invalid in the current state).
 */
const step = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('offered' as const),
      pick: fc.nat(),
      typed: fc.option(fc.dictionary(fc.constantFrom('name', 'company', 'for', 'phone'), fc.string({ maxLength: 6 }), { maxKeys: 2 })),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('any' as const), contact: fc.nat(), option: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('prepare' as const), item: fc.nat() }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('advance' as const),
      seconds: fc.oneof(
        { weight: 6, arbitrary: fc.integer({ min: 0, max: 30 }) },
        { weight: 2, arbitrary: fc.double({ min: 0, max: 5, noNaN: true }) },
        { weight: 1, arbitrary: fc.constantFrom(-1, -0.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1e6) },
      ),
    }),
  },
);
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

/** Everything observable about a shift, private clock fraction included: a refused call must leave all of it as it was. */
function fingerprint(shift: Shift): string {
  return JSON.stringify([
    shift.now,
    (shift as unknown as { pending: number }).pending,
    shift.isOpen,
    shift.finished,
    shift.actions,
    shift.log.length,
    shift.observations.length,
    shift.prepared,
    shift.nextEventIn(),
    shift.contacts.map((c) => [
      c.status,
      c.phase(),
      c.phaseState(),
      c.arrivedAt,
      c.acknowledgedAt,
      c.closed,
      c.walkedOut,
      c.exhaustions,
      c.colleagueAt,
      [...c.offered],
      c.visitor,
      c.ctx,
      c.available().map((o) => o.id),
    ]),
  ]);
}

/** What the cases did, printed after the property: it must reach both accepted acts and refusals, and finished visits. */
const seen = { calls: 0, refused: 0, acts: 0, visitsDone: 0, shiftsOver: 0 };

function run(scenario: Scenario, seed: number, steps: Step[]) {
  const shift = new Shift(scenario, catalog.rubrics.get(scenario.rubric)!, seed);
  const n = names(scenario);
  for (const s of steps) {
    let call: () => void;
    let valid = false;
    if (s.kind === 'offered') {
      const c = shift.attended();
      const choices = c && !shift.finished ? shift.choices(c) : [];
      if (shift.finished) continue;
      if (!c || !choices.length) {
        // Nothing to choose: wait for what comes next, as a player would.
        const wait = shift.nextEventIn() || 1;
        call = () => shift.advance(wait);
      } else {
        const o = choices[s.pick % choices.length];
        call = () => shift.act(c.id, o.id, s.typed ?? undefined);
      }
      valid = true;
    } else if (s.kind === 'any') {
      const contact = n.contacts[s.contact % n.contacts.length];
      const option = n.options[s.option % n.options.length];
      call = () => shift.act(contact, option);
    } else if (s.kind === 'prepare') call = () => shift.prepare(n.prep[s.item % n.prep.length]);
    else call = () => shift.advance(s.seconds);
    const before = fingerprint(shift);
    const acted = shift.actions.length;
    seen.calls++;
    try {
      call();
      if (shift.actions.length > acted) seen.acts++;
    } catch (err) {
      seen.refused++;
      if (!(err instanceof ActError) || !err.message) throw new Error(`${JSON.stringify(s)} threw something other than a refusal with a reason: ${err}`);
      if (valid) throw new Error(`${JSON.stringify(s)}: an offered choice was refused: ${err.message}`);
      const after = fingerprint(shift);
      if (after !== before) throw new Error(`${JSON.stringify(s)} was refused (${err.message}) but changed the shift:\n${before}\n${after}`);
      continue;
    }
    if (shift.now > scenario.timeLimit) throw new Error(`the clock ran past the time limit: ${shift.now}`);
  }
  seen.visitsDone += shift.contacts.filter((c) => c.status === 'gone').length;
  if (shift.finished) seen.shiftsOver++;
}

describe('fuzz: the engine', () => {
  // Mostly the small scenario (cheap), the shipped ones now and then.
  const scenarios = fc.oneof({ weight: 6, arbitrary: fc.constant(mini.id) }, { weight: 1, arbitrary: fc.constantFrom(...catalog.scenarios.map((s) => s.id)) });

  it(
    'on random calls, invalid ones included, refuses with a reason and leaves the shift as it was',
    () => {
      fuzz('engine calls', fc.tuple(scenarios, fc.nat(), fc.array(step, { maxLength: 40 })), ([scenario, seed, steps]) => {
        run(byId.get(scenario)!, seed, steps);
      });
      console.info(`engine calls: ${JSON.stringify(seen)}`);
      expect(seen.refused).toBeGreaterThan(1000);
      expect(seen.acts).toBeGreaterThan(10_000);
      expect(seen.visitsDone).toBeGreaterThan(100);
    },
    FUZZ_TIMEOUT,
  );
});
