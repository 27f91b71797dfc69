// Bad input: every malformed scenario or rubric is refused with a `file:line:col`
// error saying what is wrong and what was expected, and a folder mixing good and
// bad files still loads the good ones. Fixtures are real YAML files, each a copy
// of scenarios/supplier-appointment.yaml with one mistake, described in its header.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCatalog, loadRubric, loadScenario, type SourceFile } from '../../src/core/load/catalog';
import { formatError, type LoadError } from '../../src/core/load/yaml-source';
import type { Rubric } from '../../src/core/schema/rubric';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BAD = 'tests/fixtures/bad';
const MIXED = 'tests/fixtures/mixed';
const RUBRIC = 'scenarios/rubrics/a1-face.yaml';

/** A file named as the CLI names it: relative to the project root. */
const src = (file: string): SourceFile => ({ file, text: readFileSync(ROOT + file, 'utf8') });
const yamlIn = (dir: string) =>
  readdirSync(ROOT + dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();

function shippedRubrics(): Map<string, Rubric> {
  const { rubric, errors } = loadRubric(src(RUBRIC));
  expect(errors.map(formatError)).toEqual([]);
  return new Map([[rubric!.id, rubric!]]);
}

interface Expected {
  line: number;
  col: number;
  /** Substrings of the message: what is wrong, and what was expected. */
  says: string[];
}

/** Each bad fixture and the exact errors it must give, in order. */
const BAD_SCENARIOS: Record<string, Expected[]> = {
  'yaml-bad-indent': [{ line: 74, col: 8, says: ['YAML syntax: All mapping items must start at the same column', 'check the indentation of this line'] }],
  'yaml-unclosed-quote': [{ line: 18, col: 27, says: ['YAML syntax: Missing closing "quote', 'add the same quote mark at the end of the text'] }],
  'yaml-duplicate-key': [{ line: 14, col: 1, says: ['YAML syntax: duplicate key "difficulty"', 'only once in the same mapping'] }],
  'missing-field': [{ line: 86, col: 5, says: ['contacts.0.request: missing required field "urgency"', '(expected one of low, normal, high)'] }],
  'missing-english': [{ line: 5, col: 1, says: ['title: missing required field "en"', '(expected a text)'] }],
  'unknown-phase': [{ line: 92, col: 7, says: ['contacts.0.phases.greting: unknown field "greting"', 'did you mean "greeting"?'] }],
  'unknown-field': [{ line: 98, col: 13, says: ['contacts.0.phases.greeting.options.0.postur: unknown field "postur"', 'did you mean "posture"?'] }],
  'unknown-act': [
    {
      line: 96,
      col: 18,
      says: ['options.0.act: act "SHOUT" does not exist in phase greeting', 'expected one of ACKNOWLEDGE, GREET, IDENTIFY, POSTURE'],
    },
  ],
  'unknown-state': [
    {
      line: 181,
      col: 20,
      says: ['screening.options.0.when.0: state "checking" does not exist in phase screening', 'expected one of asking, known, checked'],
    },
  ],
  'dangling-person': [
    {
      line: 90,
      col: 45,
      says: [
        'contacts.0.request.outcome.person: unknown person "claire-dupond"',
        'expected an id from desk.directory (claire-dupont, karim-benali, sophie-leroy)',
      ],
    },
  ],
  'dangling-timeline-contact': [
    { line: 332, col: 14, says: ['timeline.0.contact: unknown contact "paul-martine"', 'expected one of paul-martin'] },
    { line: 71, col: 9, says: ['contacts.0.id: contact "paul-martin" never arrives', 'add a timeline event'] },
  ],
  'unknown-criterion': [
    {
      line: 100,
      col: 28,
      says: ['evidence.0.criterion: unknown criterion "CP9" for rubric a1-face', 'expected one of CP1, CP2, CP3, CP4, CP5, CP6'],
    },
  ],
  'unknown-rubric': [{ line: 14, col: 9, says: ['rubric: unknown rubric "a1-fac"', 'expected one of a1-face'] }],
  'wrong-type': [{ line: 13, col: 13, says: ['difficulty: got the text "hard"; expected a whole number'] }],
  'out-of-range': [{ line: 13, col: 13, says: ['difficulty: 7 is too big; expected at most 5'] }],
  'unknown-venue': [{ line: 12, col: 8, says: ['venue: got the text "hall"; expected one of company-hall, station,'] }],
  'duplicate-option-id': [{ line: 103, col: 17, says: ['greeting.options.1.id: option id "stand-up" is used twice in contact "paul-martin"'] }],
  'defer-without-waiting': [
    { line: 295, col: 18, says: ['contacts.0.phases.handling.options.6.act: this DEFER leads to the waiting phase, but phases.waiting is missing: add it'] },
    { line: 295, col: 18, says: ['this DEFER needs a "waiting" block on the contact (colleague, delay, afterChase, arrival)'] },
  ],
  'bad-start-time': [{ line: 19, col: 14, says: ['desk.startTime: got the text "9h"; expected a time as HH:MM'] }],
};

describe('malformed scenario files', () => {
  const rubrics = shippedRubrics();

  it('every fixture in tests/fixtures/bad has its expected errors here (and there are at least ten)', () => {
    const named = [...Object.keys(BAD_SCENARIOS), 'stuck-screening'].map((n) => `${n}.yaml`).sort();
    expect(yamlIn(BAD)).toEqual(named);
    expect(named.length).toBeGreaterThanOrEqual(10);
  });

  it('the unmutated copy loads, so each fixture fails only because of its one mistake', () => {
    const { scenario, errors } = loadScenario(src(`${MIXED}/a-supplier.yaml`), rubrics);
    expect(errors.map(formatError)).toEqual([]);
    expect(scenario?.id).toBe('mixed-supplier');
  });

  it.each(Object.entries(BAD_SCENARIOS))('%s.yaml is refused with a precise error', (name, expected) => {
    const file = `${BAD}/${name}.yaml`;
    const { scenario, errors } = loadScenario(src(file), rubrics);
    expect(scenario).toBeUndefined();
    expect(errors.map((e) => `${e.file}:${e.line}:${e.col}`)).toEqual(expected.map((x) => `${file}:${x.line}:${x.col}`));
    expected.forEach((x, i) => x.says.forEach((s) => expect(errors[i].message).toContain(s)));
  });

  it('stuck-screening.yaml: a script with no REGISTER option is a dead end once the visitor is admitted', () => {
    const file = `${BAD}/stuck-screening.yaml`;
    const { scenario, errors } = loadScenario(src(file), rubrics);
    expect(scenario).toBeUndefined();
    // One error, where the script runs out, at the `screening:` key of the contact's phases.
    expect(errors.map((e) => `${e.file}:${e.line}:${e.col}: ${e.message}`)).toEqual([
      `${file}:177:7: contacts.0.phases.screening: the screening phase gets stuck in state "admitted": no option leads on from there (add an option with one of the acts REGISTER)`,
    ]);
  });
});

describe('a bad rubric file', () => {
  const draft = `${BAD}/rubrics/a1-face-draft.yaml`;
  const expected: LoadError = {
    file: draft,
    line: 134,
    col: 16,
    message: 'procedure.3.criterion: unknown criterion "CP7"; expected one of CP1, CP2, CP3, CP4, CP5, CP6',
  };

  it('is refused with the line of the mistake', () => {
    const { rubric, errors } = loadRubric(src(draft));
    expect(rubric).toBeUndefined();
    expect(errors).toEqual([expected]);
  });

  it('is reported by the catalog, which keeps the good rubric and the scenarios that use it', () => {
    const catalog = loadCatalog([src(`${MIXED}/a-supplier.yaml`)], [src(RUBRIC), src(draft)]);
    expect(catalog.errors).toEqual([expected]);
    expect([...catalog.rubrics.keys()]).toEqual(['a1-face']);
    expect(catalog.scenarios.map((s) => s.id)).toEqual(['mixed-supplier']);
  });
});

describe('a folder of good and bad files', () => {
  const files = () => yamlIn(MIXED).map((f) => src(`${MIXED}/${f}`));

  it('loads the good scenarios and reports each bad file', () => {
    const catalog = loadCatalog(files(), [src(RUBRIC)]);
    expect(catalog.scenarios.map((s) => s.id)).toEqual(['mixed-supplier', 'mixed-supplier-late']);
    expect(catalog.scenarios[1].desk.startTime).toBe('10:20');
    const [syntax, person, sameId, ...rest] = catalog.errors;
    expect(rest).toEqual([]);
    expect(syntax).toEqual({
      file: `${MIXED}/b-bad-syntax.yaml`,
      line: 73,
      col: 25,
      message: 'YAML syntax: Missing closing "quote (add the same quote mark at the end of the text)',
    });
    expect([person.file, person.line, person.col]).toEqual([`${MIXED}/d-bad-person.yaml`, 44, 13]);
    expect(person.message).toContain('desk.orgChart.1.head: unknown person "claire-dupond"; expected an id from desk.directory');
    expect(sameId.file).toBe(`${MIXED}/e-same-id.yaml`);
    expect([sameId.line, sameId.col]).toEqual([4, 5]);
    expect(sameId.message).toBe(`id: scenario id "mixed-supplier" is already used by ${MIXED}/a-supplier.yaml; give each scenario its own id`);
  });

  it('refuses the second of two files with the same scenario id, whichever comes first', () => {
    const a = src(`${MIXED}/a-supplier.yaml`);
    const e = src(`${MIXED}/e-same-id.yaml`);
    for (const [first, second] of [
      [a, e],
      [e, a],
    ]) {
      const catalog = loadCatalog([first, second], [src(RUBRIC)]);
      expect(catalog.scenarios.map((s) => s.id)).toEqual(['mixed-supplier']);
      expect(catalog.errors.map((x) => [x.file, x.message])).toEqual([
        [second.file, `id: scenario id "mixed-supplier" is already used by ${first.file}; give each scenario its own id`],
      ]);
    }
  });
});

describe('npm run validate (src/cli/validate.ts)', () => {
  const validate = (...args: string[]) => spawnSync('npx', ['tsx', 'src/cli/validate.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  const located = (stderr: string) => stderr.split('\n').filter((l) => /^\S+:\d+:\d+: /.test(l));

  it('prints file:line:col errors for the bad files, counts the good ones, and exits 1', () => {
    const run = validate(MIXED);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^2 scenarios valid$/m);
    const lines = located(run.stderr);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(`${MIXED}/b-bad-syntax.yaml:73:25: YAML syntax: Missing closing "quote (add the same quote mark at the end of the text)`);
    expect(lines[1]).toMatch(new RegExp(`^${MIXED}/d-bad-person\\.yaml:44:13: desk\\.orgChart\\.1\\.head: unknown person "claire-dupond"`));
    expect(lines[2]).toMatch(
      new RegExp(
        `^${MIXED}/e-same-id\\.yaml:\\d+:\\d+: id: scenario id "mixed-supplier" is already used by ${MIXED}/a-supplier\\.yaml; give each scenario its own id$`,
      ),
    );
    expect(run.stderr).toMatch(/^3 errors in 3 files$/m);
  });

  it('checks scenarios/ by default and exits 0', () => {
    const run = validate();
    expect(located(run.stderr)).toEqual([]);
    expect(run.stdout).toMatch(/^[1-9]\d* scenarios? valid$/m);
    expect(run.status).toBe(0);
  });
});
