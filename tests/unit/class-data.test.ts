import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFromDisk } from '../../src/cli/files';
import { play } from '../../src/core/policies/play';
import { resultsFile, runRecord } from '../../src/core/run/attempt';
import { scenarioHash } from '../../src/core/run/hash';
import { type Imported, rescoreFile } from '../../src/core/run/rescore';
import { encodeSession, type SessionDef } from '../../src/core/run/session-def';
import en from '../../src/i18n/locales/en/ui.json';
import fr from '../../src/i18n/locales/fr/ui.json';
import { parseCsv, toCsv } from '../../src/platform/csv';
import { distribution, tableRows, toRow } from '../../src/ui/teacher/class-data';
import { parseGrants } from '../../src/ui/teacher/share';
import { twoScenarioSession } from './results-fixture';

const catalog = loadFromDisk();
const [first, second] = catalog.scenarios;
const rubric = catalog.rubrics.get(first.rubric)!;
const session: SessionDef = twoScenarioSession(catalog, 'classdata01');

function makeFile(name: string, extra = false) {
  const def = { ...session, extra };
  const runs = [first, second].map((s) => {
    const r = play(s, catalog.rubrics.get(s.rubric)!, 'ideal', def.seed);
    return runRecord(r, r, { app: '0.1.0', scenarioHash: scenarioHash(s), timeLimit: s.timeLimit, status: 'complete', startedAt: '2026-11-20T08:00:00Z' });
  });
  return resultsFile(def, encodeSession(def), {
    app: '0.1.0',
    student: { name, group: '1ARCU' },
    attempt: 1,
    startedAt: '2026-11-20T08:00:00Z',
    endedAt: '2026-11-20T08:20:00Z',
    status: 'complete',
    runs,
  });
}
const ctx = { scenarios: catalog.scenarios, rubrics: catalog.rubrics, session };
const rescore = (file: unknown, name = 'f.json') => rescoreFile(name, 1, JSON.stringify(file), ctx);
const csvOf = (imported: Imported[], percent?: number) =>
  parseCsv(
    toCsv(
      tableRows(
        imported.map((i) => toRow(i, undefined, () => percent)),
        rubric,
      ),
    ),
  );

beforeAll(async () => {
  await i18next.init({ resources: { fr: { ui: fr }, en: { ui: en } }, ns: ['ui'], defaultNS: 'ui', lng: 'fr', interpolation: { escapeValue: false } });
});

describe('the class table, its CSV and its chart', () => {
  it('shows a genuine attempt with its levels, score and pass / fail', () => {
    const [head, row] = csvOf([rescore(makeFile('Inès Martin'))]);
    const col = (name: string) => row[head.indexOf(name)];
    expect(col('CP1')).toMatch(/^(TI|I|S|TS)$/);
    expect(col('Score /100')).toMatch(/^\d+$/);
    expect(col('Résultat')).toMatch(/^(Réussi|Non réussi)$/);
    expect(col('Temps majoré')).toBe('');
  });

  it('shows no level and no score for a refused run, whatever the file claims: only the reason', () => {
    const file = makeFile('Zoé Durand');
    // The log is refused (an option that does not exist), while the file claims TS everywhere and 100.
    file.runs[0].actions.find((a) => a.contact !== 'desk')!.option = 'no-such-option';
    for (const run of file.runs) for (const id of Object.keys(run.levels)) run.levels[id] = 'TS';
    file.score.percent = 100;
    const imported = rescore(file);
    expect(imported.runs[0].flags.map((f) => f.code)).toContain('run-refused');
    const row = toRow(imported);
    expect(row.scored).toBe(false);
    expect(row.levels).toEqual({});
    const [head, cells] = csvOf([imported]);
    const col = (name: string) => cells[head.indexOf(name)];
    for (const c of rubric.criteria) expect(col(c.id)).toBe('');
    expect(col('Score /100')).toBe('');
    expect(col('Résultat')).toBe('');
    expect(col('Satisfaction visiteur')).toBe('');
    expect(col('Temps')).toBe('');
    expect(col('État')).toBe('actions refusées');
    expect(col('Vérifications')).toMatch(/actions refusées/);
    expect(cells.join(' ')).not.toMatch(/\bTS\b|\b100\b/);
    // Nor in the chart: the refused attempt is not counted, not even as "not assessed".
    const counts = distribution([row], rubric);
    expect(counts.every((d) => d.none === 0 && Object.values(d.counts).every((n) => n === 0))).toBe(true);
  });

  it('shows no level and no score for a cherry-picked attempt (its weak scenario deleted)', () => {
    const file = makeFile('Max Girard');
    file.runs = [file.runs[1]];
    const row = toRow(rescore(file));
    expect(row.scored).toBe(false);
    const [head, cells] = tableRows([row], rubric);
    for (const c of rubric.criteria) expect(cells[head.indexOf(c.id)]).toBe('');
    expect(cells[head.indexOf('Score /100')]).toBe('');
    expect(cells[head.indexOf('Résultat')]).toBe('');
    expect(cells[head.indexOf('État')]).toBe('incomplète');
    expect(distribution([row], rubric).every((d) => d.none === 0)).toBe(true);
  });

  it('leaves the pass / fail column empty for a file that could not be read', () => {
    const garbage = rescoreFile('garbage.json', 10, 'PK not json', ctx);
    const [head, cells] = csvOf([garbage]);
    expect(cells[head.indexOf('Résultat')]).toBe('');
    expect(cells[head.indexOf('Score /100')]).toBe('');
    expect(cells[head.indexOf('État')]).toBe('fichier invalide');
  });

  it('shows the extra time each attempt used, and says when it was not granted', () => {
    const imported = rescore(makeFile('Léa Petit', true));
    expect(imported.extraTime).toBe(true);
    // Not "+33 %": the CSV would neutralise it as a formula.
    expect(csvOf([imported], 33)[1][csvOf([imported], 33)[0].indexOf('Temps majoré')]).toBe('oui (+33 %)');
    expect(csvOf([imported])[1][3]).toBe('oui');
    const notGranted = { ...imported, flags: [...imported.flags, { code: 'extra-time-not-granted', params: { student: 'Léa Petit' } }] } as Imported;
    const row = toRow(notGranted, undefined, () => 33);
    expect(row.extra).toEqual({ percent: 33, granted: false });
    expect(tableRows([row], rubric)[1][3]).toBe('oui (+33 %) — non accordé');
  });

  it('reads the grant list one name a line, without blanks or repeats', () => {
    expect(parseGrants(' Léa  Petit \n\nTom Roux\r\nLéa Petit\n')).toEqual([
      { student: 'Léa Petit', extra: true },
      { student: 'Tom Roux', extra: true },
    ]);
  });
});
