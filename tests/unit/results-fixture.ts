import type { Catalog } from '../../src/core/load/catalog';
import { play } from '../../src/core/policies/play';
import type { PolicyName } from '../../src/core/policies/policies';
import { resultsFile, runRecord } from '../../src/core/run/attempt';
import { scenarioHash } from '../../src/core/run/hash';
import type { ResultsFile } from '../../src/core/run/results-file';
import { encodeSession, type SessionDef } from '../../src/core/run/session-def';
import { overallSeconds, scenarioSeconds } from '../../src/core/run/session-time';

export interface AttemptOptions {
  student?: { name: string; group: string };
  attempt?: number;
  /** When the attempt began (ISO). */
  start?: string;
  /** One policy for all scenarios, or one per scenario. */
  policy?: PolicyName | PolicyName[];
  /** Wall-clock seconds of preparation before each desk opens, and of reading each debrief. */
  prep?: number;
  debrief?: number;
  /** The link the student opened (default: the session's own). */
  token?: string;
  /** Each run's time limit as the file claims it (default: the session's, cut to the time left). */
  limits?: number[];
}

/**
 * A results file as the student's game writes it: each scenario of the session played in
 * order under its limit, with wall-clock dates that follow the acts (preparation, the shift,
 * the debrief), so an untouched file passes every check.
 */
export function playedFile(catalog: Catalog, session: SessionDef, o: AttemptOptions = {}): ResultsFile {
  const start = o.start ?? '2026-11-20T08:00:00.000Z';
  let clock = Date.parse(start);
  let left = overallSeconds(session);
  const runs = session.scenarios.map((entry, i) => {
    const scenario = catalog.scenarios.find((s) => s.id === entry.id)!;
    const rubric = catalog.rubrics.get(scenario.rubric)!;
    const limit = o.limits?.[i] ?? Math.min(scenarioSeconds(session, i), left);
    const policy = Array.isArray(o.policy) ? o.policy[i] : (o.policy ?? 'ideal');
    clock += (o.prep ?? 40) * 1000;
    const r = play({ ...scenario, timeLimit: limit }, rubric, policy, session.seed);
    const record = runRecord(r, r, {
      app: '0.1.0',
      scenarioHash: scenarioHash(scenario),
      timeLimit: limit,
      status: r.end >= limit ? 'timeout' : 'complete',
      startedAt: new Date(clock).toISOString(),
    });
    clock += (r.end + (o.debrief ?? 60)) * 1000;
    left -= r.end;
    return record;
  });
  return resultsFile(session, o.token ?? encodeSession(session), {
    app: '0.1.0',
    student: o.student ?? { name: 'Inès Martin', group: '1ARCU' },
    attempt: o.attempt ?? 1,
    startedAt: start,
    endedAt: new Date(clock).toISOString(),
    status: 'complete',
    runs,
  });
}

/** A two-scenario session on the catalog's first two scenarios, as a teacher would build it (no extra time in this copy). */
export function twoScenarioSession(catalog: Catalog, id: string): SessionDef {
  const [first, second] = catalog.scenarios;
  return {
    v: 1,
    id,
    name: 'BTS 1 — évaluation',
    rubric: first.rubric,
    scenarios: [first, second].map((s) => ({ id: s.id, limit: s.timeLimit })),
    overall: 1800,
    hints: false,
    feedback: false,
    seed: 42,
    threshold: 50,
    extraPercent: 33,
    extra: false,
  };
}
