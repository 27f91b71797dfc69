import type { RunRecord } from '../../core/run/results-file';
import type { Action } from '../../core/shift/shift';
import type { Attempt } from '../../platform/store';

/**
 * An attempt squeezed into SCORM's cmi.suspend_data (4096 characters at most), so
 * a student can resume on another computer: acts as "t:contact:option" strings, and
 * what was typed in a desk tool (it is scored) as a fourth, URI-encoded JSON part.
 */
const packActs = (acts: Action[]) =>
  acts.map((a) => `${a.t}:${a.contact}:${a.option}${a.input ? `:${encodeURIComponent(JSON.stringify(a.input))}` : ''}`).join(' ');
const unpackActs = (text: string): Action[] =>
  text
    ? text.split(' ').map((s) => {
        const [t, contact, option, input] = s.split(':');
        return { t: Number(t), contact, option, ...(input ? { input: JSON.parse(decodeURIComponent(input)) } : {}) };
      })
    : [];

export function packAttempt(a: Attempt): string {
  return JSON.stringify({
    v: 1,
    k: a.key,
    s: a.sessionId,
    n: a.attempt,
    u: [a.student.name, a.student.group],
    b: a.startedAt,
    r: a.runs.map((r) => [
      r.scenario,
      r.status,
      r.end,
      r.timeLimit,
      r.startedAt,
      r.scenarioHash,
      r.app,
      packActs(r.actions),
      r.levels,
      r.satisfaction,
      r.seed,
      r.failed ? 1 : 0,
    ]),
    l: a.live ? [a.live.index, a.live.timeLimit, a.live.openedAt ?? null, packActs(a.live.actions), a.live.elapsed ?? null, a.live.savedAt ?? null] : null,
    // Only when the wall clock was seen going back: most attempts spend nothing on it.
    ...(a.clock?.movedBack.length ? { c: a.clock.movedBack.map((m) => [m.at, m.seconds]) } : {}),
  });
}

export function unpackAttempt(text: string, token: string): Attempt | undefined {
  try {
    const p = JSON.parse(text);
    if (p?.v !== 1) return undefined;
    return {
      key: p.k,
      sessionId: p.s,
      token,
      attempt: p.n,
      student: { name: p.u[0], group: p.u[1] },
      startedAt: p.b,
      status: 'in-progress',
      runs: p.r.map(
        (r: unknown[]): RunRecord => ({
          scenario: r[0] as string,
          status: r[1] as RunRecord['status'],
          end: r[2] as number,
          timeLimit: r[3] as number,
          startedAt: r[4] as string,
          scenarioHash: r[5] as string,
          app: r[6] as string,
          actions: unpackActs(r[7] as string),
          levels: r[8] as RunRecord['levels'],
          satisfaction: r[9] as number,
          seed: r[10] as number,
          mode: 'timed',
          // Kept since the verdict exists: a failed situation holds the score under the pass mark.
          ...(r[11] === undefined ? {} : { failed: r[11] === 1 }),
        }),
      ),
      live: p.l
        ? {
            index: p.l[0],
            timeLimit: p.l[1],
            openedAt: p.l[2] ?? undefined,
            actions: unpackActs(p.l[3]),
            elapsed: p.l[4] ?? undefined,
            savedAt: p.l[5] ?? undefined,
          }
        : undefined,
      ...(Array.isArray(p.c) ? { clock: { movedBack: p.c.map((m: [string, number]) => ({ at: m[0], seconds: m[1] })) } } : {}),
    };
  } catch {
    return undefined;
  }
}
