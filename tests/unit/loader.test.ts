// Bad input: every malformed scenario or rubric is refused with a `file:line:col`
// error saying what is wrong and what was expected; nothing is loaded half-way, and
// a folder mixing good and bad files still loads the good ones. One base scenario
// (tests/fixtures/base.yaml) and a table of small edits, each with the error it must
// give and the text of the line it must point at.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadCatalog, loadRubric, loadScenario, type SourceFile } from '../../src/core/load/catalog';
import { designWarnings } from '../../src/core/load/design-check';
import { formatError } from '../../src/core/load/yaml-source';
import { RUBRICS, SHARED, src } from './load-fixture';

const BASE = 'tests/fixtures/base.yaml';
const base = readFileSync(BASE, 'utf8');
const rubrics = () => loadCatalog([], RUBRICS).rubrics;
const load = (text: string, file = 'edited.yaml') => loadCatalog([{ file, text }], RUBRICS, SHARED);

interface Case {
  /** Replace the first `find` in the base with `put`. */
  find: string;
  put: string;
  /** Substrings of the message: what is wrong, and what was expected. */
  says: string[];
  /** The error points at the line that contains this text (in the edited file). */
  at: string;
}

const CASES: Record<string, Case> = {
  'YAML: a line indented one space too far': {
    find: '      civility: Monsieur',
    put: '       civility: Monsieur',
    says: ['YAML syntax', 'check the indentation of this line'],
    at: 'civility: Monsieur',
  },
  'YAML: an unclosed quote': {
    find: 'company: "Testco"',
    put: 'company: "Testco',
    says: ['YAML syntax: Missing closing', 'add the same quote mark'],
    at: 'Testco',
  },
  'YAML: a key given twice': { find: 'difficulty: 1\n', put: 'difficulty: 1\ndifficulty: 2\n', says: ['duplicate key "difficulty"'], at: 'difficulty: 2' },
  'a missing field': { find: '      urgency: normal\n', put: '', says: ['missing required field "urgency"', 'one of low, normal, high'], at: 'request:' },
  'a missing translation': {
    find: 'title: { fr: "Base de test", en: "Test base" }',
    put: 'title: { fr: "Base de test" }',
    says: ['missing required field "en"'],
    at: 'title:',
  },
  'a misspelt phase': { find: '      greeting:\n', put: '      greting:\n', says: ['unknown field "greting"', 'did you mean "greeting"?'], at: 'greting:' },
  'a misspelt option field': {
    find: '        addresses: false\n        effects',
    put: '        adresses: false\n        effects',
    says: ['unknown field "adresses"', 'did you mean "addresses"?'],
    at: 'adresses: false',
  },
  'an act that does not exist': {
    find: 'act: GREET\n            text: { fr: "« Ouais',
    put: 'act: SHOUT\n            text: { fr: "« Ouais',
    says: ['act "SHOUT" does not exist in phase greeting', 'expected one of ACKNOWLEDGE, GREET, IDENTIFY'],
    at: 'act: SHOUT',
  },
  'a phase act used as an anytime act': {
    find: 'act: SWITCH_LANGUAGE',
    put: 'act: GREET',
    says: ['act "GREET" does not exist in anytime', 'POSTURE, FACE'],
    at: 'act: GREET',
  },
  'a phase state that does not exist': {
    find: '            act: CONSULT\n',
    put: '            act: CONSULT\n            when: [checking]\n',
    says: ['state "checking" does not exist in phase screening', 'expected one of asking, known, checked'],
    at: 'when: [checking]',
  },
  'a person not in the directory': {
    find: 'person: ann-lee }',
    put: 'person: ann-leigh }',
    says: ['unknown person "ann-leigh"', 'expected an id from desk.directory (ann-lee)'],
    at: 'ann-leigh',
  },
  'an indicator not in the rubric': {
    find: 'CP6.consult',
    put: 'CP6.consultation',
    says: ['unknown indicator "CP6.consultation" for rubric a1-face', 'CP6.consult'],
    at: 'CP6.consultation',
  },
  'an unknown rubric': {
    find: 'rubric: a1-face',
    put: 'rubric: a9-moon',
    says: ['unknown rubric "a9-moon"', 'expected one of a1-face'],
    at: 'rubric: a9-moon',
  },
  'a rubric for another channel': {
    find: 'channel: face',
    put: 'channel: phone',
    says: ['rubric "a1-face" is for the face channel', "this scenario's channel is phone"],
    at: 'rubric: a1-face',
  },
  'a word where a number is expected': {
    find: 'difficulty: 1',
    put: 'difficulty: easy',
    says: ['got the text "easy"', 'expected a whole number'],
    at: 'difficulty: easy',
  },
  'a patience over 100': { find: 'patience: 90', put: 'patience: 190', says: ['190 is too big', 'at most 100'], at: 'patience: 190' },
  'a time limit that would hang the simulation': { find: 'timeLimit: 300', put: 'timeLimit: 1e12', says: ['too big', 'at most 86400'], at: 'timeLimit: 1e12' },
  'an unknown venue': {
    find: 'venue: company-hall',
    put: 'venue: moon-base',
    says: ['got the text "moon-base"', 'one of company-hall, station'],
    at: 'venue: moon-base',
  },
  'an option id used twice': {
    find: '- id: grunt',
    put: '- id: hello',
    says: ['option id "hello" is used twice in contact "bob"'],
    at: '- id: hello\n            act: GREET\n            text: { fr: "« Ouais',
  },
  'a deferral with no waiting phase': {
    find: 'act: MOVE_ON',
    put: 'act: DEFER',
    says: ['this DEFER leads to the waiting phase, but phases.waiting is missing'],
    at: 'act: DEFER',
  },
  'a start time that is not a time': { find: 'startTime: "09:00"', put: 'startTime: "9h"', says: ['expected a time as HH:MM'], at: 'startTime:' },
  'a condition naming an option that does not exist': {
    find: 'if: { done: [check] }',
    put: 'if: { done: [chek] }',
    says: ['"chek" is neither an option of contact "bob" nor an act'],
    at: 'if: { done: [chek] }',
  },
  'an "any of" condition naming an option that does not exist': {
    find: 'if: { done: [check] }',
    put: 'if: { doneAny: [check, chek] }',
    says: ['"chek" is neither an option of contact "bob" nor an act'],
    at: 'if: { doneAny: [check, chek] }',
  },
  'a fault on a rule the desk does not have': {
    find: 'rule: secret',
    put: 'rule: secrets',
    says: ['unknown rule "secrets"', 'expected one of desk.rules: secret'],
    at: 'rule: secrets',
  },
  'a shared move that does not exist': {
    find: 'use: stand-up',
    put: 'use: stand-upp',
    says: ['unknown shared move or behaviour "stand-upp"', 'stand-up'],
    at: 'use: stand-upp',
  },
  'a shared behaviour relabelled without saying why': {
    find: '      - use: stand-up\n',
    put: '      - use: stand-up\n      - use: sigh\n        observe: [{ indicator: CP4.calm, as: partly, why: { fr: "Bof", en: "Meh" } }]\n',
    says: ['relabels the shared behaviour "sigh"', 'relabel:'],
    at: 'observe: [{ indicator: CP4.calm',
  },
  "a shared behaviour with no observations for the scenario's rubric": {
    find: '      - use: stand-up\n',
    put: '      - use: stand-up\n      - use: hang-up-on-caller\n',
    says: ['the shared behaviour "hang-up-on-caller" has no observations for rubric "a1-face"'],
    at: 'use: hang-up-on-caller',
  },
  'a format that does not exist': { find: 'format: 2', put: 'format: 3', says: ['unknown format 3; expected 2'], at: 'format: 3' },
  'a leave-taking with no goodbye (the visit would be stuck)': {
    find: '          - id: bye\n            act: GOODBYE',
    put: '          - id: bye\n            act: CHECK_SATISFACTION',
    says: ['the leave phase gets stuck in state', 'GOODBYE'],
    at: '      leave:',
  },
  'an alias to an anchor that does not exist': { find: 'traits: [calm]', put: 'traits: *nope', says: ['nope'], at: 'traits: *nope' },
};

/** The line (1-based) where `at` begins in `text`. */
const lineOf = (text: string, at: string) => {
  const i = text.indexOf(at);
  if (i < 0) throw new Error(`"${at}" is not in the edited file`);
  return text.slice(0, i).split('\n').length + (at.startsWith('\n') ? 1 : 0);
};

describe('the base scenario', () => {
  it('loads as it is, so each edit below fails for its own mistake only', () => {
    const catalog = load(base);
    expect(catalog.errors.map(formatError)).toEqual([]);
    expect(catalog.scenarios.map((s) => s.id)).toEqual(['base']);
  });
});

describe.each(Object.entries(CASES))('%s', (_name, c) => {
  const text = base.replace(c.find, c.put);
  it('is refused with a located message saying what was expected', () => {
    expect(text, 'the edit did not apply').not.toBe(base);
    const catalog = load(text);
    expect(catalog.scenarios).toEqual([]);
    const mine = catalog.errors.find((e) => c.says.every((s) => e.message.includes(s)));
    expect(mine, `${c.says.join(' / ')} not in:\n${catalog.errors.map(formatError).join('\n')}`).toBeDefined();
    expect(mine!.file).toBe('edited.yaml');
    expect(mine!.line, formatError(mine!)).toBe(lineOf(text, c.at));
    expect(mine!.col).toBeGreaterThan(0);
  });
});

describe('the shared behaviour library', () => {
  const withBehaviour = (lines: string) => base.replace('      - use: stand-up\n', `      - use: stand-up\n${lines}`);
  const option = (text: string, id: string) => load(text).scenarios[0]?.contacts[0].anytime?.find((o) => o.id === id);

  it('gives a behaviour the observations its rubric fixes, and names the desk rule a leak breaks', () => {
    const o = option(
      withBehaviour(
        '      - use: leak-whereabouts\n        rule: secret\n        text: { fr: "« Elle est en réunion au 2e. »", en: "“She is in a meeting on the 2nd floor.”" }\n',
      ),
      'leak-whereabouts',
    );
    expect(o?.observe).toEqual([expect.objectContaining({ indicator: 'CP6.confidential', as: 'grave', rule: 'secret' })]);
    expect(o?.text.fr).toBe('« Elle est en réunion au 2e. »');
  });

  it('warns when a hand-written option reads like a library behaviour but labels it otherwise, unless it says why', () => {
    const sigh = (extra: string) =>
      withBehaviour(
        `      - id: my-sigh\n        act: POSTURE\n${extra}        text: { fr: "Soupirer bruyamment", en: "Sigh loudly" }\n        observe: [{ indicator: CP4.calm, as: breach, why: { fr: "Agacement.", en: "Irritation." } }]\n`,
      );
    const warningsOf = (text: string) => {
      const catalog = load(text);
      expect(catalog.errors.map(formatError)).toEqual([]);
      return designWarnings(catalog.scenarios[0], catalog.rubrics.get('a1-face')!, catalog.behaviours).filter((w) => w.includes('shared behaviour'));
    };
    expect(warningsOf(sigh(''))).toEqual([expect.stringContaining('option "my-sigh" reads like the shared behaviour "sigh"')]);
    expect(warningsOf(sigh('        relabel: "a long, theatrical sigh at the visitor"\n'))).toEqual([]);
  });

  it('names only the shipped rubrics and their indicators', () => {
    const all = loadCatalog(
      [],
      [...RUBRICS, { file: 'scenarios/rubrics/a2-phone.yaml', text: readFileSync('scenarios/rubrics/a2-phone.yaml', 'utf8') }],
      SHARED,
    );
    expect(all.errors.map(formatError)).toEqual([]);
    const library = parse(readFileSync('scenarios/shared/behaviours.yaml', 'utf8')).behaviours as Record<string, { observe: Record<string, unknown> }>;
    for (const [name, b] of Object.entries(library)) for (const id of Object.keys(b.observe)) expect(all.rubrics.has(id), `${name}: ${id}`).toBe(true);
    expect(all.behaviours.get('shout-back')?.observe['a1-face']).toEqual([
      expect.objectContaining({ indicator: 'CP4.calm', as: 'grave' }),
      expect.objectContaining({ indicator: 'CP3.register', as: 'breach' }),
    ]);
  });

  it('lets a scenario relabel one when it says why', () => {
    const o = option(
      withBehaviour(
        '      - use: sigh\n        relabel: "a sigh of relief, shared with the visitor"\n        observe: [{ indicator: CP4.calm, as: met, why: { fr: "Ouf", en: "Phew" } }]\n',
      ),
      'sigh',
    );
    expect(o?.observe).toEqual([expect.objectContaining({ indicator: 'CP4.calm', as: 'met' })]);
  });
});

describe('YAML anchors and aliases', () => {
  it('work when they are legitimate, even used more than a hundred times', () => {
    const meeting = '      - { time: "09:30", what: { fr: "Réunion", en: "Meeting" } }';
    const many = Array.from({ length: 120 }, (_, i) => `      - { time: "1${i % 10}:00", what: *meeting }`).join('\n');
    const text = base.replace(meeting, `      - { time: "09:30", what: &meeting { fr: "Réunion", en: "Meeting" } }\n${many}`);
    const catalog = load(text);
    expect(catalog.errors.map(formatError)).toEqual([]);
    expect(catalog.scenarios[0].desk.diaries?.['ann-lee']).toHaveLength(121);
  });
});

describe('format 1 files', () => {
  const mini = 'tests/fixtures/mini.yaml';

  it('still load: migrated on the fly, keeping every option id', () => {
    const { scenario, errors } = loadScenario(src(mini), rubrics());
    expect(errors.map(formatError)).toEqual([]);
    const v1 = parse(readFileSync(mini, 'utf8')) as { contacts: { phases: Record<string, { options: { id: string }[] }> }[] };
    const before = Object.values(v1.contacts[0].phases).flatMap((p) => p.options.map((o) => o.id));
    const c = scenario!.contacts[0];
    const after = [...Object.values(c.phases).flatMap((p) => p?.options ?? []), ...(c.anytime ?? [])].map((o) => o.id);
    expect([...after].sort()).toEqual([...before].sort());
  });

  it('that cannot be migrated are refused with a located message', () => {
    const text = readFileSync(mini, 'utf8').replace(/^ *urgency: \w+\n/m, '');
    const { scenario, errors } = loadScenario({ file: 'old.yaml', text }, rubrics());
    expect(scenario).toBeUndefined();
    expect(errors[0].message).toMatch(/missing required field "urgency".*read as format 1/);
    expect(errors[0].line).toBeGreaterThan(1);
  });

  it('npm run migrate prints a format-2 file that loads and keeps the option ids', () => {
    const run = spawnSync('npx', ['tsx', 'src/cli/migrate.ts', mini], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^format: 2$/m);
    const migrated = loadCatalog([{ file: 'migrated.yaml', text: run.stdout }], RUBRICS, SHARED);
    expect(migrated.errors.map(formatError)).toEqual([]);
    const direct = loadScenario(src(mini), rubrics()).scenario!;
    expect(migrated.scenarios[0]).toEqual(direct);
  });
});

describe('a bad rubric file', () => {
  const text = readFileSync('scenarios/rubrics/a1-face.yaml', 'utf8').replace('indicator: CP2.ack', 'indicator: CP2.acknowledge');
  const draft: SourceFile = { file: 'draft-rubric.yaml', text };

  it('is refused with the line of the mistake', () => {
    const { rubric, errors } = loadRubric(draft);
    expect(rubric).toBeUndefined();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'draft-rubric.yaml', line: lineOf(text, 'indicator: CP2.acknowledge') });
    expect(errors[0].message).toContain('unknown indicator "CP2.acknowledge"; expected one of CP1.outfit');
  });

  it('is reported by the catalog, which keeps the good rubric and the scenarios that use it', () => {
    const catalog = loadCatalog([{ file: BASE, text: base }], [...RUBRICS, draft], SHARED);
    expect(catalog.errors).toHaveLength(1);
    expect([...catalog.rubrics.keys()]).toEqual(['a1-face']);
    expect(catalog.scenarios.map((s) => s.id)).toEqual(['base']);
  });
});

describe('a folder of good and bad files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'comptoir-mixed-'));
  const files: Record<string, string> = {
    'a-good.yaml': base,
    'b-bad-syntax.yaml': base.replace('company: "Testco"', 'company: "Testco'),
    'c-good-late.yaml': base.replace('id: base', 'id: base-late').replace('startTime: "09:00"', 'startTime: "10:20"'),
    'd-bad-person.yaml': base.replace('id: base', 'id: base-d').replace('person: ann-lee }', 'person: ann-leigh }'),
    'e-same-id.yaml': base,
  };
  for (const [f, text] of Object.entries(files)) writeFileSync(join(dir, f), text);
  const sources = () => Object.keys(files).map((f) => ({ file: f, text: files[f] }));

  it('loads the good scenarios and reports each bad file', () => {
    const catalog = loadCatalog(sources(), RUBRICS, SHARED);
    expect(catalog.scenarios.map((s) => s.id)).toEqual(['base', 'base-late']);
    expect(catalog.scenarios[1].desk.startTime).toBe('10:20');
    expect(catalog.errors.map((e) => e.file)).toEqual(['b-bad-syntax.yaml', 'd-bad-person.yaml', 'e-same-id.yaml']);
    expect(catalog.errors[2].message).toBe('id: scenario id "base" is already used by a-good.yaml; give each scenario its own id');
  });

  it('npm run validate prints file:line:col errors for the bad files, counts the good ones, and exits 1', () => {
    const run = spawnSync('npx', ['tsx', 'src/cli/validate.ts', dir], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^2 scenarios valid/m);
    const located = run.stderr.split('\n').filter((l) => /^\S+:\d+:\d+: /.test(l));
    expect(located).toHaveLength(3);
    expect(located[0]).toMatch(/b-bad-syntax\.yaml:\d+:\d+: YAML syntax: Missing closing/);
    expect(run.stderr).toMatch(/^3 errors in 3 files$/m);
  });

  it('npm run validate reports the shipped scenarios valid', () => {
    const run = spawnSync('npx', ['tsx', 'src/cli/validate.ts'], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^\d+ scenarios valid$/m);
    expect(run.stderr).not.toMatch(/warning/);
  });
});
