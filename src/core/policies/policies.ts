import type { Rng } from '../rng';
import type { Option } from '../schema/scenario';
import { regret } from '../scoring/evidence';
import type { ContactRun } from '../shift/contact-run';
import type { Shift } from '../shift/shift';

/** What a scripted receptionist does next: wait, or act (after some reaction time). */
export type Decision = { wait: number } | { contact: string; option: string; after: number };

export interface Policy {
  name: PolicyName;
  decide(shift: Shift, rng: Rng): Decision;
  /** Start-of-shift preparation items, chosen before the desk opens. */
  prepare(shift: Shift, rng: Rng): string[];
}

export const POLICY_NAMES = ['ideal', 'rude', 'passive', 'random'] as const;
export type PolicyName = (typeof POLICY_NAMES)[number];

const total = (o: Option) => (o.evidence ?? []).reduce((s, e) => s + e.points, 0);
/** Acts a receptionist only does on their own initiative. */
const INITIATIVE = new Set(['POSTURE', 'CONSULT', 'ASK', 'REFORMULATE', 'CHECK_UNDERSTANDING', 'ANNOUNCE_WAIT', 'CHASE', 'CHECK_SATISFACTION']);

/** Picks an option, or nothing to let time pass (only when every option left would merely loop). */
type Chooser = (run: ContactRun, options: Option[], rng: Rng) => Option | undefined;

/** Waiting is only allowed when nothing is needed to move the contact on. */
const orWait = (run: ContactRun, pool: Option[], options: Option[]) => (pool.length ? pool : options.every((o) => run.loops(o)) ? [] : options);
type Timing = (run: ContactRun, shift: Shift, rng: Rng) => number;

/** The contact that needs the student: the earliest arrival with something to do. */
function focus(shift: Shift): { run: ContactRun; options: Option[] } | undefined {
  for (const run of shift.contacts) {
    if (run.status !== 'present') continue;
    const options = run.available();
    if (options.length) return { run, options };
  }
  return undefined;
}

type Preparer = (shift: Shift, rng: Rng) => string[];

function policy(name: PolicyName, choose: Chooser, timing: Timing, prepare: Preparer): Policy {
  return {
    name,
    prepare,
    decide(shift, rng) {
      const f = focus(shift);
      if (!f) return { wait: shift.nextEventIn() || 1 };
      const option = choose(f.run, f.options, rng);
      if (!option) return { wait: shift.nextEventIn() || 1 };
      return { contact: f.run.id, option: option.id, after: timing(f.run, shift, rng) };
    },
  };
}

const firstAct = (run: ContactRun) => run.acknowledgedAt === undefined;
const byKey = <T>(items: T[], key: (t: T) => number[]): T | undefined =>
  [...items].sort((a, b) => {
    const ka = key(a),
      kb = key(b);
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] - kb[i];
    return 0;
  })[0];

/** Good practice: never close a better opportunity, do the useful extra steps first. */
const ideal = policy(
  'ideal',
  (run, options) => {
    // A loop that earns nothing (a second, clumsy chase) is not good practice: better to wait.
    const pool = orWait(
      run,
      options.filter((o) => !(run.loops(o) && total(o) <= 0)),
      options,
    );
    return byKey(pool, (o) => {
      const { alternatives, dropped } = run.classify(o);
      const usefulLoop = run.loops(o) && total(o) > 0 ? 0 : 1;
      return [regret(o, alternatives, dropped), usefulLoop, -total(o)];
    });
  },
  (run) => (firstAct(run) ? 2 : 3),
  (shift) => {
    const prep = shift.rubric.preparation;
    const outfit = prep?.outfits.find((o) => o.suits.includes(shift.scenario.venue));
    return [...(outfit ? [outfit.id] : []), ...(prep?.tasks.map((t) => t.id) ?? [])];
  },
);

/** Discourteous and emotional: always the worst line, and slow to look up. */
const rude = policy(
  'rude',
  (run, options) => {
    const pool = orWait(
      run,
      options.filter((o) => !(run.loops(o) && total(o) >= 0)),
      options,
    );
    return byKey(pool, (o) => [total(o), o.tags?.includes('provocation') || o.register === 'familier' ? 0 : 1]);
  },
  (run) => (firstAct(run) ? 12 : 4),
  (shift) => {
    const misfit = shift.rubric.preparation?.outfits.find((o) => !o.suits.includes(shift.scenario.venue));
    return misfit ? [misfit.id] : [];
  },
);

/** Never takes the initiative: looks up late, says the bare minimum. */
const passive = policy(
  'passive',
  (run, options) => {
    const pool = orWait(
      run,
      options.filter((o) => !INITIATIVE.has(o.act) && !o.tags?.includes('initiative')),
      options,
    );
    return byKey(pool, (o) => [Math.abs(total(o))]);
  },
  (run) => (firstAct(run) ? 35 : 6),
  () => [],
);

const random = policy(
  'random',
  (_run, options, rng) => rng.pick(options),
  (_run, _shift, rng) => rng.int(0, 15),
  (shift, rng) => {
    const prep = shift.rubric.preparation;
    if (!prep) return [];
    return [rng.pick(prep.outfits).id, ...prep.tasks.filter(() => rng.int(0, 1) === 1).map((t) => t.id)];
  },
);

export const POLICIES: Record<PolicyName, Policy> = { ideal, rude, passive, random };
