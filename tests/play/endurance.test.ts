// Endurance: a headless shift of 8 simulated hours with visitors arriving all the time
// (shift/arrivals.ts), a scripted receptionist playing, the clock injected and every die
// seeded. It must finish, and what it keeps must grow by the same amount each hour
// (the visitors of that hour), never faster: per-contact logs and records bounded, the
// live working set small, contacts that are over let go of what only served their choices.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { loadFromDisk } from '../../src/cli/files';
import { playStep } from '../../src/core/policies/play';
import { type PolicyName, policyNamed } from '../../src/core/policies/policies';
import { resultOf } from '../../src/core/result';
import { createRng } from '../../src/core/rng';
import { ArrivalStream, type Gap } from '../../src/core/shift/arrivals';
import { Shift } from '../../src/core/shift/shift';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const HOURS = 8;
const catalog = loadFromDisk();

interface Sample {
  hour: number;
  contacts: number;
  live: number;
  log: number;
  observations: number;
  actions: number;
  heapMB: number;
  cpuMs: number;
}

function endure(id: string, policyName: PolicyName, seed: number, gap: Gap) {
  const base = catalog.scenarios.find((s) => s.id === id)!;
  const rubric = catalog.rubrics.get(base.rubric)!;
  // The scenario's own visitor(s) plus a stream of copies, over a day-long shift.
  const shift = new Shift({ ...base, timeLimit: HOURS * 3600 }, rubric, seed);
  const stream = new ArrivalStream(base, seed, gap);
  const policy = policyNamed(policyName)!;
  const rng = createRng(seed ^ 0x5eed);
  for (const item of policy.prepare(shift, rng)) shift.prepare(item);
  shift.openDesk();
  const samples: Sample[] = [];
  const sample = (hour: number, cpuMs: number) => {
    gc();
    samples.push({
      hour,
      contacts: shift.contacts.length,
      live: (shift as unknown as { live: unknown[] }).live.length,
      log: shift.log.length,
      observations: shift.observations.length,
      actions: shift.actions.length,
      heapMB: process.memoryUsage().heapUsed / 2 ** 20,
      cpuMs,
    });
  };
  sample(0, 0);
  let cpu = process.cpuUsage();
  while (!shift.finished) {
    stream.feed(shift, 600);
    playStep(shift, policy, rng, 60);
    if (shift.now >= samples.length * 3600) {
      const used = process.cpuUsage(cpu);
      sample(samples.length, (used.user + used.system) / 1000);
      cpu = process.cpuUsage();
    }
  }
  // The last visitors may all be seen off a little before the time limit: the day ends there.
  if (samples.length === HOURS) {
    const used = process.cpuUsage(cpu);
    sample(HOURS, (used.user + used.system) / 1000);
  }
  return { shift, stream, samples };
}

/** Growth from one hour's sample to the next. */
const growth = (samples: Sample[], key: keyof Sample) => samples.slice(1).map((s, i) => s[key] - samples[i][key]);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

describe.each([
  { id: 'supplier-appointment', policy: 'ideal' as const, gap: { min: 120, max: 360 } },
  { id: 'impatient-late-contact', policy: 'random' as const, gap: { min: 60, max: 300 } },
])('an 8-hour shift of $id with continuous arrivals, $policy receptionist', ({ id, policy, gap }) => {
  it('completes, and what it keeps grows by a flat amount per hour', () => {
    const t0 = performance.now();
    const { shift, stream, samples } = endure(id, policy, 7, gap);
    const result = resultOf(shift);
    const wall = performance.now() - t0;
    const perContact = (key: 'log' | 'observations') => {
      const counts = new Map<string, number>();
      for (const e of key === 'log' ? shift.log : shift.observations) counts.set(e.contact, (counts.get(e.contact) ?? 0) + 1);
      return Math.max(...counts.values());
    };
    console.info(
      `endurance ${id} (${policy}): ${stream.admitted} arrivals in ${HOURS} h, ${shift.actions.length} acts, ${Math.round(wall)} ms; max log lines per contact ${perContact('log')}, max records per contact ${perContact('observations')}\n` +
        samples
          .map(
            (s) =>
              `  h${s.hour}: contacts ${s.contacts}, live ${s.live}, log ${s.log}, records ${s.observations}, acts ${s.actions}, heap ${s.heapMB.toFixed(1)} MB, cpu ${Math.round(s.cpuMs)} ms`,
          )
          .join('\n'),
    );

    // It completes: the whole day, every visitor seen off, a result.
    expect(shift.finished).toBe(true);
    expect(shift.now).toBeGreaterThan(HOURS * 3600 - gap.max - 3600);
    expect(samples).toHaveLength(HOURS + 1);
    expect(stream.admitted).toBeGreaterThan((HOURS * 3600) / gap.max);
    expect(shift.contacts.every((c) => c.status === 'gone' && c.closed)).toBe(true);
    expect(result.contacts).toHaveLength(shift.contacts.length);

    // Bounded per contact and in the working set.
    expect(perContact('log')).toBeLessThanOrEqual(120);
    expect(perContact('observations')).toBeLessThanOrEqual(80);
    for (const s of samples) expect(s.live).toBeLessThanOrEqual(12);
    // Contacts that are over keep no choice caches (a later read of their choices makes an empty one).
    type Memo = { options?: unknown[]; phases: Map<string, unknown>; closes: Map<unknown, unknown> };
    const cached = (c: object) => {
      const m = (c as { memo?: Memo }).memo;
      return (m?.options?.length ?? 0) + (m?.phases.size ?? 0) + (m?.closes.size ?? 0);
    };
    expect(shift.contacts.filter((c) => cached(c) > 0)).toHaveLength(0);
    expect((shift as unknown as { keys: Map<string, unknown> }).keys.size).toBe(0);

    // Flat growth after the first hour: no hour adds more than twice the typical hour.
    for (const key of ['contacts', 'log', 'observations', 'actions'] as const) {
      const g = growth(samples, key).slice(1);
      expect(Math.max(...g), `${key} per hour: ${g.join(', ')}`).toBeLessThanOrEqual(2 * median(g) + 5);
    }
    // Memory: hours 2–8 add about the same (their visitors' logs and records), within 1 MB of noise,
    // and the whole day's growth stays small.
    const heap = growth(samples, 'heapMB').slice(1);
    expect(Math.max(...heap), `heap MB per hour: ${heap.map((h) => h.toFixed(2)).join(', ')}`).toBeLessThanOrEqual(2 * Math.max(0, median(heap)) + 1);
    expect(samples[HOURS].heapMB - samples[1].heapMB).toBeLessThan(40);
  }, 120_000);
});
