import { describe, expect, it, vi } from 'vitest';
import { loadFromDisk } from '../../src/cli/files';
import { play } from '../../src/core/policies/play';
import { resultsFile, runRecord } from '../../src/core/run/attempt';
import type { SessionDef } from '../../src/core/run/session-def';
import { CLOCK_TOLERANCE_MS, overallElapsed, resumedElapsed, wallMovedBack } from '../../src/core/run/session-time';
import { DESK } from '../../src/core/shift/shift';
import { decisionInteractions, Lms, PREPARATION, SUSPEND_LIMIT } from '../../src/platform/scorm';
import type { Attempt } from '../../src/platform/store';
import { packAttempt, unpackAttempt } from '../../src/ui/assessment/suspend';
import { ANSWER_MS, claimTab } from '../../src/ui/assessment/tab-lock';

const catalog = loadFromDisk();
const scenario = (id: string) => catalog.scenarios.find((s) => s.id === id)!;
const session: SessionDef = {
  v: 1,
  id: 'devicetest01',
  name: 'CCF',
  rubric: 'a1-face',
  scenarios: [
    { id: 'supplier-appointment', limit: 300 },
    { id: 'aggressive-refused', limit: 300 },
  ],
  overall: 900,
  hints: false,
  feedback: true,
  seed: 7,
  threshold: 50,
  extraPercent: 0,
  extra: false,
};

describe('the session clock on the device', () => {
  it('resumes from the stored elapsed time plus the wall time since the save', () => {
    expect(resumedElapsed({ elapsed: 100, savedAt: 1_000_000 }, 1_010_000, 1)).toEqual({ elapsed: 110 });
    expect(resumedElapsed({ elapsed: 100, savedAt: 1_000_000 }, 1_010_000, 6)).toEqual({ elapsed: 160 });
  });

  it('gives nothing back when the wall clock went back, and says by how much', () => {
    // Set back one hour after the last save, reloaded 30 s later: the clock stays where it was.
    const r = resumedElapsed({ elapsed: 1000, savedAt: 5_000_000 }, 5_000_000 - 3_600_000 + 30_000, 1);
    expect(r.elapsed).toBe(1000);
    expect(r.movedBack).toBe(3570);
    // A resync of a second is not a move.
    expect(resumedElapsed({ elapsed: 10, savedAt: 5_000 }, 5_000 - CLOCK_TOLERANCE_MS + 500, 1)).toEqual({ elapsed: 10 });
  });

  it('sees the wall clock go back while the page lives, against the monotonic clock', () => {
    expect(wallMovedBack({ wall: 1e6, mono: 100 }, { wall: 1e6 + 250, mono: 350 })).toBeUndefined();
    expect(wallMovedBack({ wall: 1e6, mono: 100 }, { wall: 1e6 - 3_600_000 + 250, mono: 350 })).toBe(3600);
    // Forward (or a sleeping machine): not a move back.
    expect(wallMovedBack({ wall: 1e6, mono: 100 }, { wall: 1e6 + 60_000, mono: 350 })).toBeUndefined();
  });

  it('counts only shift time for the session: finished runs and the open desk', () => {
    expect(overallElapsed([{ end: 120 }, { end: 60 }])).toBe(180);
    expect(overallElapsed([{ end: 120 }], 42)).toBe(162);
  });

  it('writes the moves into the results file, and nothing when there were none', () => {
    const base = { app: 't', student: { name: 'A', group: 'B' }, attempt: 1, startedAt: '', endedAt: '', status: 'complete' as const, runs: [] };
    expect(resultsFile(session, 'tok', base)).not.toHaveProperty('clock');
    expect(resultsFile(session, 'tok', { ...base, clock: { movedBack: [] } })).not.toHaveProperty('clock');
    const moved = { movedBack: [{ at: '2025-01-01T10:00:00.000Z', seconds: 3600 }] };
    expect(resultsFile(session, 'tok', { ...base, clock: moved }).clock).toEqual(moved);
  });
});

function attemptWith(runs: number): Attempt {
  const records = session.scenarios.slice(0, runs).map((s) => {
    const sc = scenario(s.id);
    const result = play(sc, catalog.rubrics.get(sc.rubric)!, 'ideal', session.seed);
    return runRecord(result, result, {
      app: '1.0.0',
      scenarioHash: 'abcdef0123456789',
      timeLimit: s.limit,
      status: 'complete',
      startedAt: new Date(0).toISOString(),
    });
  });
  return {
    key: 'devicetest01-1-lz5k2',
    sessionId: session.id,
    token: 'tok',
    attempt: 1,
    student: { name: 'Inès Martin', group: '1ARCU' },
    startedAt: 1_700_000_000_000,
    status: 'in-progress',
    runs: records,
  };
}

describe('SCORM suspend data', () => {
  it('keeps the clock, the open desk and the verdict across computers, within 4096 characters', () => {
    const a = attemptWith(1);
    a.runs[0].failed = true;
    a.live = {
      index: 1,
      timeLimit: 300,
      openedAt: 1_700_000_100_000,
      elapsed: 42,
      savedAt: 1_700_000_142_000,
      actions: [{ t: 0, contact: DESK, option: 'name-badge' }],
    };
    a.clock = { movedBack: [{ at: '2025-01-01T10:00:00.000Z', seconds: 3600 }] };
    const text = packAttempt(a);
    expect(text.length).toBeLessThanOrEqual(SUSPEND_LIMIT);
    const back = unpackAttempt(text, 'tok')!;
    expect(back.live).toEqual(a.live);
    expect(back.clock).toEqual(a.clock);
    expect(back.runs[0].failed).toBe(true);
    expect(back.runs[0].actions).toEqual(a.runs[0].actions);
  });

  it('a whole two-scenario attempt still fits', () => {
    const a = attemptWith(2);
    a.clock = { movedBack: Array.from({ length: 5 }, (_, i) => ({ at: new Date(i).toISOString(), seconds: 3600 })) };
    expect(packAttempt(a).length).toBeLessThanOrEqual(SUSPEND_LIMIT);
    expect(unpackAttempt(packAttempt(attemptWith(2)), 'tok')).not.toHaveProperty('clock');
  });

  it('is never written over the limit', () => {
    const set = vi.fn(() => 'true');
    const api = {
      API: {
        LMSInitialize: () => 'true',
        LMSSetValue: set,
        LMSGetValue: () => '',
        LMSCommit: () => 'true',
        LMSGetLastError: () => '0',
        LMSFinish: () => 'true',
      },
    };
    const lms = Lms.connect({ ...api, parent: api } as unknown as Window)!;
    lms.suspend('x'.repeat(SUSPEND_LIMIT + 1));
    expect(set).not.toHaveBeenCalled();
    expect(lms.errors[0]).toMatch(/too long/);
  });
});

describe('SCORM interactions: one per decision', () => {
  it('names the option, its time, and a result from the indicators it met or missed', () => {
    expect(PREPARATION).toBe(DESK);
    const sc = scenario('aggressive-refused');
    const rubric = catalog.rubrics.get(sc.rubric)!;
    for (const policy of ['ideal', 'rude'] as const) {
      const result = play(sc, rubric, policy, 3);
      const list = decisionInteractions(sc.id, result, (s) => new Date(2025, 0, 1, 9, 0, s));
      const acts = result.actions.filter((a) => a.contact !== DESK);
      expect(list.map((i) => i.response)).toEqual(acts.map((a) => a.option));
      expect(new Set(list.map((i) => i.id)).size).toBe(list.length);
      for (const [k, i] of list.entries()) {
        expect(i.id).toMatch(/^[\x21-\x7e]{1,255}$/);
        expect(i.time).toMatch(/^(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d$/);
        expect(i.latency).toMatch(/^\d{4}:\d\d:\d\d\.00$/);
        const seen = result.observations.filter(
          (o) => (o.kind === 'option' || o.kind === 'tool') && o.contact === acts[k].contact && o.t === acts[k].t && o.option === acts[k].option,
        );
        const worst = seen.some((o) => ['missed', 'breach', 'grave'].includes(o.status));
        expect(i.result).toBe(worst ? 'wrong' : seen.length && seen.every((o) => o.status === 'met') ? 'correct' : 'neutral');
        expect(i.objectives).toEqual([...new Set(seen.map((o) => o.indicator))]);
      }
      const results = new Set(list.map((i) => i.result));
      if (policy === 'ideal') expect(results.has('wrong')).toBe(false);
      else expect(results.has('wrong')).toBe(true);
      if (policy === 'ideal') expect(results.has('correct')).toBe(true);
    }
  });
});

describe('one attempt, one tab (BroadcastChannel fallback)', () => {
  const channel = (name: string) => new BroadcastChannel(name) as unknown as globalThis.BroadcastChannel;

  it('a second tab is told, waits, and takes over when the first lets go', async () => {
    const name = `t-${Math.random()}`;
    const blocked = vi.fn();
    const first = await claimTab(name, () => undefined, { channel });
    let secondHeld = false;
    const second = claimTab(name, blocked, { channel }).then((release) => {
      secondHeld = true;
      return release;
    });
    await new Promise((r) => setTimeout(r, ANSWER_MS * 3));
    expect(blocked).toHaveBeenCalledTimes(1);
    expect(secondHeld).toBe(false);
    first();
    (await second)();
    expect(secondHeld).toBe(true);
  });

  it('two tabs asking at once: exactly one plays', async () => {
    const name = `t-${Math.random()}`;
    const blocked = [vi.fn(), vi.fn()];
    const held: (() => void)[] = [];
    const claims = blocked.map((b) => claimTab(name, b, { channel }).then((r) => held.push(r)));
    await new Promise((r) => setTimeout(r, ANSWER_MS * 3));
    expect(held).toHaveLength(1);
    expect(blocked.filter((b) => b.mock.calls.length)).toHaveLength(1);
    held[0]();
    await Promise.all(claims);
    expect(held).toHaveLength(2);
    held[1]();
  });

  it('with Web Locks: asks without waiting first, then queues', async () => {
    const calls: unknown[] = [];
    const locks = {
      request: (name: string, a: unknown, b?: (l: unknown) => unknown) => {
        calls.push(typeof a === 'function' ? 'queue' : a);
        const cb = (b ?? a) as (l: unknown) => unknown;
        return Promise.resolve(cb(typeof a === 'function' ? { name } : null));
      },
    };
    const blocked = vi.fn();
    const release = await claimTab('x', blocked, { locks });
    expect(calls).toEqual([{ ifAvailable: true }, 'queue']);
    expect(blocked).toHaveBeenCalledTimes(1);
    release();
  });
});
