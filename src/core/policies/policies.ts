import type { Rng } from '../rng';
import type { Option } from '../schema/scenario';
import { VALUE } from '../scoring/observation';
import { CLOSE_FILE, type ContactRun } from '../shift/contact-run';
import type { Shift } from '../shift/shift';
import { freeSlot, type ToolInput } from '../shift/tool-check';

/** What a scripted receptionist does next: wait, or act (after some reaction time). */
export type Decision = { wait: number } | { contact: string; option: string; after: number; input?: ToolInput };

export interface Policy {
  name: string;
  decide(shift: Shift, rng: Rng): Decision;
  /** Start-of-shift preparation items, chosen before the desk opens. */
  prepare(shift: Shift, rng: Rng): string[];
}

export const POLICY_NAMES = ['ideal', 'rude', 'passive', 'random'] as const;
export type PolicyName = (typeof POLICY_NAMES)[number] | `key-${number}`;

/** An option's worth: the sum of its observations' values (met +2 … grave −8). */
const worth = (o: Option) => (o.observe ?? []).reduce((s, ob) => s + VALUE[ob.as], 0);
/** Acts a receptionist only does on their own initiative. */
const INITIATIVE = new Set([
  'POSTURE',
  'FACE',
  'CONSULT',
  'ASK',
  'REFORMULATE',
  'CHECK_UNDERSTANDING',
  'ANNOUNCE_WAIT',
  'CHASE',
  'CHECK_SATISFACTION',
  'OFFER_HELP',
]);

/** What the visitor said, typed faithfully (the ideal receptionist's log and message slip); an appointment at a free slot. */
export function faithful(run: ContactRun, shift: Shift): ToolInput {
  const f = run.def.facts ?? {};
  const time = run.def.appointment ? freeSlot(run.def, shift.scenario.desk) : undefined;
  return { ...f, for: f.for ?? run.def.request.outcome.person, ...(time ? { time } : {}) };
}

/**
 * A caller on hold is due a word (C224.1 « informer régulièrement ») a little before the
 * rubric's news interval runs out (or the wait announced), and in any case before their
 * patience ends.
 */
const RETURN_MARGIN = 10;
const dueReturn = (shift: Shift, run: ContactRun) => {
  const at = shift.phone.hangsUpAt(run);
  const call = run.call;
  const within = shift.rubric.observations.holdNews?.within;
  const silentSince = call?.lastWord;
  const news =
    within !== undefined && silentSince !== undefined && at !== undefined && shift.now - silentSince >= Math.max(within, call?.announced ?? 0) - RETURN_MARGIN;
  return at !== undefined && (news || at - shift.now <= RETURN_MARGIN);
};

/**
 * A visitor and a call at once, as the texts' priorities say (C321.1, README "Doing two
 * things at once"): excuse oneself to the visitor before picking up a ringing phone, and
 * give a visitor who walks up during a call a sign at once.
 */
function twoAtOnce(shift: Shift): Decision | undefined {
  if (shift.scenario.channel !== 'mixed') return undefined;
  const present = shift.contacts.filter((c) => c.status === 'present');
  const ringing = present.find((c) => c.ringing);
  if (ringing) {
    for (const v of present.filter((c) => c.channel === 'face' && c.acknowledgedAt !== undefined)) {
      const excuse = v.available().find((o) => o.act === 'EXCUSE');
      if (excuse && !v.ctx.done.includes(excuse.id)) return { contact: v.id, option: excuse.id, after: 1 };
    }
  }
  if (present.some((c) => shift.phone.live(c))) {
    const newcomer = present.find((c) => c.channel === 'face' && c.acknowledgedAt === undefined);
    const sign = newcomer?.available().find((o) => o.act === 'ACKNOWLEDGE');
    if (newcomer && sign) return { contact: newcomer.id, option: sign.id, after: 1 };
  }
  return undefined;
}

type Chooser = (run: ContactRun, options: Option[], shift: Shift, rng: Rng) => Option | undefined;
type Timing = (run: ContactRun, shift: Shift, rng: Rng) => number;
type Preparer = (shift: Shift, rng: Rng) => string[];

function policy(
  name: string,
  choose: Chooser,
  timing: Timing,
  prepare: Preparer,
  input: (run: ContactRun, shift: Shift) => ToolInput | undefined = () => ({}),
  preempt: (shift: Shift) => Decision | undefined = () => undefined,
): Policy {
  return {
    name,
    prepare,
    decide(shift, rng) {
      const first = preempt(shift);
      if (first) return first;
      const run = shift.attended();
      const options = run ? shift.choices(run) : [];
      const option = run && options.length ? choose(run, options, shift, rng) : undefined;
      if (!run || !option) return { wait: shift.nextEventIn() || 1 };
      return { contact: run.id, option: option.id, after: timing(run, shift, rng), input: option.tool ? input(run, shift) : undefined };
    },
  };
}

const firstAct = (run: ContactRun) => run.acknowledgedAt === undefined;
/** Lexicographic comparison of sort keys. */
const before = (a: number[], b: number[]) => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i];
  return false;
};
/** The item with the smallest key, each key computed once; the first one on ties. */
const byKey = <T>(items: T[], key: (t: T) => number[]): T | undefined => {
  let best: T | undefined;
  let bestKey: number[] = [];
  for (const item of items) {
    const k = key(item);
    if (best === undefined || before(k, bestKey)) (best = item), (bestKey = k);
  }
  return best;
};

/** Value an act would forgo: positive options it closes for good, on indicators still to meet and not met by itself. */
export function forgone(run: ContactRun, o: Option, met: Set<string>): number {
  const mine = new Set((o.observe ?? []).filter((x) => x.as === 'met').map((x) => x.indicator));
  let lost = 0;
  for (const p of run.closes(o)) {
    for (const ob of p.observe ?? []) if (ob.as === 'met' && !met.has(ob.indicator) && !mine.has(ob.indicator)) lost += VALUE.met;
  }
  return lost;
}

const metSoFar = (shift: Shift, run: ContactRun) =>
  new Set(shift.observations.filter((r) => r.contact === run.id && r.status === 'met').map((r) => r.indicator));

/** Good practice: never close a better opportunity, do the useful extras first, close the file once follow-up is done. */
export const idealChoice: Chooser = (run, options, shift) => {
  const met = metSoFar(shift, run);
  // Meeting an indicator already met adds nothing; a loop that earns nothing is not good practice: better to wait.
  const gain = (o: Option) => (o.observe ?? []).reduce((s, ob) => s + (ob.as === 'met' && met.has(ob.indicator) ? 0 : VALUE[ob.as]), 0);
  // Coming back to a caller on hold is due before their patience ends, whatever it earns.
  const due = dueReturn(shift, run);
  const useful = options.filter((o) => ((due && (o.act === 'RETURN' || o.act === 'RESUME')) || !(run.loops(o) && gain(o) <= 0)) && o.id !== CLOSE_FILE);
  if (due) {
    const back = byKey(
      useful.filter((o) => o.act === 'RETURN' || o.act === 'RESUME'),
      (o) => [-gain(o), -worth(o)],
    );
    if (back) return back;
  }
  if (!useful.length) return options.find((o) => o.id === CLOSE_FILE);
  // Least forgone first; then a non-negative act before a faulty one; finish the phase before skipping ahead; extras before moving on.
  return byKey(useful, (o) => [forgone(run, o, met), gain(o) < 0 ? 1 : 0, run.skipsAhead(o) ? 1 : 0, run.loops(o) ? 0 : 1, -gain(o)]);
};

const ideal = policy(
  'ideal',
  idealChoice,
  (run) => (firstAct(run) ? 2 : 3),
  (shift) => {
    const prep = shift.rubric.preparation;
    const outfit = prep?.outfits.find((o) => o.suits.includes(shift.scenario.venue));
    return [...(outfit ? [outfit.id] : []), ...(prep?.tasks.map((t) => t.id) ?? [])];
  },
  faithful,
  twoAtOnce,
);

/** Discourteous and emotional: always the worst line, and slow to look up. */
const rude = policy(
  'rude',
  (run, options) => {
    const pool = options.filter((o) => !(run.loops(o) && worth(o) >= 0));
    return byKey(pool.length ? pool : options, (o) => [worth(o), o.tags?.includes('provocation') || o.register === 'familier' ? 0 : 1]);
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
    const pool = options.filter((o) => !INITIATIVE.has(o.act) && !o.tags?.includes('initiative') && !run.loops(o));
    return byKey(pool.length ? pool : options.filter((o) => !run.loops(o) || o.id === CLOSE_FILE), (o) => [Math.abs(worth(o))]);
  },
  (run) => (firstAct(run) ? 35 : 6),
  () => [],
);

const random = policy(
  'random',
  (_run, options, _shift, rng) => rng.pick(options),
  (_run, _shift, rng) => rng.int(0, 15),
  (shift, rng) => {
    const prep = shift.rubric.preparation;
    if (!prep) return [];
    return [rng.pick(prep.outfits).id, ...prep.tasks.filter(() => rng.int(0, 1) === 1).map((t) => t.id)];
  },
);

/** Presses the same key at every question (a student who does not read): the k-th choice as shown, or nothing. */
export function keyPresser(k: number): Policy {
  return policy(
    `key-${k}`,
    (_run, options) => options[k - 1],
    () => 2,
    () => [],
  );
}

export const POLICIES: Record<(typeof POLICY_NAMES)[number], Policy> = { ideal, rude, passive, random };

export function policyNamed(name: string): Policy | undefined {
  const key = /^key-(\d{1,2})$/.exec(name);
  if (key) return keyPresser(Number(key[1]));
  return (POLICIES as Record<string, Policy>)[name];
}
