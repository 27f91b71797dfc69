import { LEVEL_ORDER, type Level, type Levels, overallLevels } from '../../core/run/grade';
import { allFlags, fileState, type Imported, type ImportedRun, type ImportFlag } from '../../core/run/rescore';
import type { Rubric } from '../../core/schema/rubric';
import { language, t } from '../../i18n';
import { mmss } from '../dom';

/** As `npm run rescore` says it: refused when the file could not be read or a run's claims could not be believed. */
export type RowState = 'valid' | 'flagged' | 'refused';

/** One line of the class table: a results file, re-scored. */
export interface ClassRow {
  imported: Imported;
  state: RowState;
  /**
   * Levels, satisfaction and score stand: the file was read, none of its runs was refused
   * and the attempt is whole (its score recomputed). Otherwise the row shows none of them,
   * only the reason.
   */
  scored: boolean;
  levels: Levels;
  satisfaction: number | null;
  seconds: number;
  flags: ImportFlag[];
  /** The attempt ran with the extra-time link: its percent when the session is known, and whether the teacher granted it. */
  extra?: { percent?: number; granted: boolean };
}

/**
 * A run whose claims cannot be believed (its action log refused, a practice run…): whatever
 * levels it carries are the file's, not the replay's, and the view shows none.
 */
export const runRefused = (r: ImportedRun) => r.refused || r.flags.some((f) => f.code === 'run-refused');

/**
 * `title` turns a scenario id into the words a teacher knows it by; `extraPercent`
 * gives the extra time of a session the teacher saved, by its id.
 */
export function toRow(
  imported: Imported,
  title: (id: string) => string = (id) => id,
  extraPercent: (session: string) => number | undefined = () => undefined,
): ClassRow {
  const flags = allFlags(imported).map((f) =>
    typeof f.params.scenario === 'string' ? { ...f, params: { ...f.params, scenario: title(f.params.scenario) } } : f,
  );
  const believed = !imported.refused && !imported.runs.some(runRefused);
  // A whole attempt only: a cherry-picked one (a scenario missing or twice) shows none of its levels.
  const scored = believed && imported.score !== undefined;
  const sats = imported.runs.map((r) => r.satisfaction).filter((s): s is number => s !== null);
  return {
    imported,
    state: fileState(imported),
    scored,
    levels: scored ? overallLevels(imported.runs.map((r) => r.levels)) : {},
    satisfaction: scored && sats.length ? Math.round(sats.reduce((a, b) => a + b, 0) / sats.length) : null,
    seconds: believed ? imported.runs.reduce((s, r) => s + r.end, 0) : 0,
    flags,
    extra:
      !imported.refused && imported.extraTime
        ? { percent: imported.session && extraPercent(imported.session.id), granted: !flags.some((f) => f.code === 'extra-time-not-granted') }
        : undefined,
  };
}

/** Seconds as a teacher reads a duration: "75 min 30 s", "40 s". */
const duration = (s: number) => {
  const m = Math.floor(s / 60);
  const r = Math.round(s - 60 * m);
  return m ? (r ? `${m} min ${r} s` : `${m} min`) : `${r} s`;
};
/** The params of a flag that are seconds of a duration (others stay as numbers: "{{limit}} s"). */
const DURATIONS: Partial<Record<ImportFlag['code'], readonly string[]>> = {
  'time-exceeds-session': ['limit', 'played', 'span', 'margin'],
  'dates-inconsistent': ['played'],
  'clock-moved-back': ['seconds'],
};

/** A flag as a sentence; every value goes into text, never into markup. Durations, dates and reasons in the teacher's words. */
export function flagText(f: ImportFlag): string {
  const p: Record<string, string | number> = { ...f.params };
  for (const k of DURATIONS[f.code] ?? []) if (typeof p[k] === 'number') p[k] = duration(p[k] as number);
  if (f.code === 'dates-inconsistent') {
    const format = new Intl.DateTimeFormat(language(), { dateStyle: 'short', timeStyle: 'medium' });
    for (const k of ['started', 'ended']) {
      const at = new Date(String(p[k]));
      if (!Number.isNaN(at.getTime())) p[k] = format.format(at);
    }
  }
  // The replay's reason is a sentence for the command line; the table says it in the interface's language.
  if (f.code === 'run-refused' && typeof p.problem === 'string') p.reason = t(`flag.reason.${p.problem}`, { defaultValue: String(p.reason ?? '') });
  return t(`flag.${f.code}`, { ...p, interpolation: { escapeValue: false } });
}

export function statusText(row: ClassRow): string {
  if (row.imported.refused) return t('classView.invalidFile');
  if (row.imported.runs.some(runRefused)) return t('classView.runRefused');
  const status = row.imported.status ?? 'complete';
  if (!row.scored && status === 'complete') return t('classView.incomplete');
  return t(`classView.status.${status}`);
}

/** The extra time an attempt used, said the same in the table, the CSV and the grid; '' without. */
export function extraText(row: ClassRow): string {
  if (!row.extra) return '';
  const amount = row.extra.percent === undefined ? t('classView.extraYes') : t('classView.extraPercent', { percent: row.extra.percent });
  return row.extra.granted ? amount : `${amount} — ${t('classView.extraNotGranted')}`;
}

/** The score as the table and the CSV say it: nothing when the runs were not all replayed. */
export const scoreText = (row: ClassRow) => (row.scored ? (row.imported.score ?? '') : '');

export const passedText = (row: ClassRow) =>
  !row.scored || row.imported.passed === undefined ? '' : t(row.imported.passed ? 'classView.passed' : 'classView.failed');

/** A column of the class table; `screen` false: in the CSV only (the screen says it otherwise). */
export interface Column {
  key: string;
  head: string;
  cell: (row: ClassRow) => string | number | null;
  criterion?: string;
  screen: boolean;
}

export function columns(rubric: Rubric): Column[] {
  const col = (key: string, cell: Column['cell'], screen = true): Column => ({ key, head: t(`classView.col.${key}`), cell, screen });
  return [
    col('student', (r) => r.imported.student?.name ?? ''),
    col('group', (r) => r.imported.student?.group ?? ''),
    col('attempt', (r) => r.imported.attempt ?? ''),
    col('extra', extraText),
    col('status', statusText),
    ...rubric.criteria.map((c) => ({ key: `criterion-${c.id}`, head: c.id, criterion: c.id, screen: true, cell: (r: ClassRow) => r.levels[c.id] ?? '' })),
    col('satisfaction', (r) => r.satisfaction),
    col('time', (r) => (r.imported.refused || r.imported.runs.some(runRefused) ? '' : mmss(r.seconds))),
    col('score', scoreText),
    col('passed', passedText),
    col('checks', (r) => (r.flags.length ? r.flags.map(flagText).join(' | ') : t('classView.ok')), false),
    col('file', (r) => r.imported.file, false),
  ];
}

/** The table as rows of text, for the CSV. */
export function tableRows(rows: ClassRow[], rubric: Rubric): (string | number | null)[][] {
  const cols = columns(rubric);
  return [cols.map((c) => c.head), ...rows.map((r) => cols.map((c) => c.cell(r)))];
}

/** How many students reached each level on each criterion (attempts whose runs were all replayed). */
export function distribution(rows: ClassRow[], rubric: Rubric): { id: string; counts: Record<Level, number>; none: number }[] {
  const read = rows.filter((r) => r.scored);
  return rubric.criteria.map((c) => {
    const counts = Object.fromEntries(LEVEL_ORDER.map((l) => [l, 0])) as Record<Level, number>;
    let none = 0;
    for (const r of read) {
      const l = r.levels[c.id];
      if (l) counts[l]++;
      else none++;
    }
    return { id: c.id, counts, none };
  });
}
