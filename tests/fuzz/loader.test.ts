import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadFromDisk, readScenarioTree } from '../../src/cli/files';
import { loadRubric, loadScenario, loadShared } from '../../src/core/load/catalog';
import type { LoadError } from '../../src/core/load/yaml-source';
import { cheapYamlDuringFile, FUZZ_TIMEOUT, fuzz, HANG_MS } from './budget';

cheapYamlDuringFile();
// Parsed once: the rubric and the shared desks and moves every case loads against.
const { rubrics } = loadFromDisk();
const { shared } = loadShared(readScenarioTree().shared);
// Mostly small documents (a load costs about its size): a format-2 one with a shared desk
// and move, the format-1 one, and now and then a real scenario and the real rubric.
const TINY = readFileSync('tests/fixtures/tiny.yaml', 'utf8');
const MINI = readFileSync('tests/fixtures/mini.yaml', 'utf8');
const SUPPLIER = readFileSync('scenarios/supplier-appointment.yaml', 'utf8');
const MINI_RUBRIC = readFileSync('tests/fixtures/mini-rubric.yaml', 'utf8');
const RUBRIC = readFileSync('scenarios/rubrics/a1-face.yaml', 'utf8');

/** Only the loader's own errors: each in the file, at a real line and column, with words. (Plain checks: expect() per case is slow.) */
function expectLocated(errors: LoadError[], file: string, text: string) {
  const lines = text.split(/\r\n|\r|\n/).length + 1;
  for (const e of errors) {
    const ok = e.file === file && Number.isInteger(e.line) && e.line >= 1 && e.line <= lines && Number.isInteger(e.col) && e.col >= 1;
    if (!ok || typeof e.message !== 'string' || !e.message) throw new Error(`not a located error (${lines} lines): ${JSON.stringify(e)}`);
  }
}

function checkScenario(text: string) {
  const r = loadScenario({ file: 'fuzz.yaml', text }, rubrics, shared);
  if (!r.scenario && !r.errors.length) throw new Error('refused without an error');
  expectLocated(r.errors, 'fuzz.yaml', text);
}

/** Bits of YAML that change meaning: indicators, anchors and aliases, odd numbers and blanks. */
const PIECES = [
  ':',
  ': ',
  '-',
  '- ',
  ' ',
  '  ',
  '"',
  "'",
  '{',
  '}',
  '[',
  ']',
  ',',
  '#',
  '!',
  '!!str ',
  '!!binary ',
  '|',
  '>',
  '?',
  '%YAML 1.2\n',
  '@',
  '`',
  '\\',
  '\t',
  '\n',
  '\r',
  '\u0000',
  '\uFEFF',
  '&a ',
  '&b ',
  '*a',
  '*b',
  '*nowhere',
  '<<: *a\n',
  '1e308',
  '-1',
  '0x1F',
  '.nan',
  '.inf',
  '99999999999999999999',
  'null',
  '~',
  'true',
  '---\n',
  '...\n',
];
const piece = fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 6 }));
const op = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), len: fc.nat({ max: 4 }), by: piece }),
  fc.record({ kind: fc.constant('line' as const), at: fc.nat(), other: fc.nat(), how: fc.constantFrom('delete', 'duplicate', 'indent', 'dedent', 'swap') }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

function mutate(text: string, ops: Op[]): string {
  for (const o of ops) {
    if (o.kind === 'replace') {
      const at = o.at % (text.length + 1);
      text = text.slice(0, at) + o.by + text.slice(at + o.len);
    } else if (o.kind === 'truncate') {
      text = text.slice(0, o.at % (text.length + 1));
    } else {
      const lines = text.split('\n');
      const i = o.at % lines.length;
      const j = o.other % lines.length;
      if (o.how === 'delete') lines.splice(i, 1);
      else if (o.how === 'duplicate') lines.splice(i, 0, lines[i]);
      else if (o.how === 'indent') lines[i] = `  ${lines[i]}`;
      else if (o.how === 'dedent') lines[i] = lines[i].replace(/^ {1,2}/, '');
      else [lines[i], lines[j]] = [lines[j], lines[i]];
      text = lines.join('\n');
    }
  }
  return text;
}

const mutatedScenario = fc
  .tuple(
    fc.oneof({ arbitrary: fc.constant(TINY), weight: 12 }, { arbitrary: fc.constant(MINI), weight: 4 }, { arbitrary: fc.constant(SUPPLIER), weight: 1 }),
    fc.array(op, { minLength: 1, maxLength: 3 }),
  )
  .map(([base, ops]) => mutate(base, ops));

/** Random documents: any JSON-like value as YAML, YAML-ish noise, and scenario-shaped mappings. */
const randomYaml = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }).map((v) => stringify(v)),
  fc.array(piece, { maxLength: 40 }).map((xs) => xs.join('')),
  fc
    .dictionary(fc.constantFrom('id', 'title', 'contacts', 'desk', 'timeLimit', 'rubric', 'venue', 'x'), fc.jsonValue({ maxDepth: 3 }))
    .map((v) => stringify(v)),
);

describe('fuzz: the YAML loader', () => {
  it(
    'on mutated scenario files gives only located errors, never an exception or a hang',
    () => {
      fuzz('mutated scenarios', mutatedScenario, checkScenario);
    },
    FUZZ_TIMEOUT,
  );

  it(
    'on random YAML gives only located errors, as a scenario and as a rubric',
    () => {
      fuzz('random YAML', randomYaml, (text) => {
        checkScenario(text);
        const r = loadRubric({ file: 'fuzz.yaml', text });
        expectLocated(r.errors, 'fuzz.yaml', text);
      });
    },
    FUZZ_TIMEOUT,
  );

  it(
    'on a mutated rubric gives only located errors',
    () => {
      fuzz(
        'mutated rubric',
        fc
          .tuple(
            fc.oneof({ arbitrary: fc.constant(MINI_RUBRIC), weight: 9 }, { arbitrary: fc.constant(RUBRIC), weight: 1 }),
            fc.array(op, { minLength: 1, maxLength: 3 }),
          )
          .map(([base, ops]) => mutate(base, ops)),
        (text) => expectLocated(loadRubric({ file: 'fuzz.yaml', text }).errors, 'fuzz.yaml', text),
      );
    },
    FUZZ_TIMEOUT,
  );
});

describe('YAML anchors and aliases', () => {
  const withRules = (rules: string) => MINI.replace(/ {2}screeningRules:\n.*\n/, `  screeningRules:\n${rules}`);

  it('work when one anchor is used 101 times', () => {
    const rules = `    - &rule { fr: "Vérifier l'agenda.", en: "Check the diary." }\n${'    - *rule\n'.repeat(100)}`;
    const r = loadScenario({ file: 'a.yaml', text: withRules(rules) }, rubrics);
    // Either loaded, or refused by the schema (a list limit), never by the alias count.
    if (!r.scenario) expect(r.errors.map((e) => e.message).join('\n')).not.toMatch(/alias/i);
    expectLocated(r.errors, 'a.yaml', withRules(rules));
  });

  it('say where an alias has no anchor', () => {
    const text = withRules('    - *missing\n');
    const { errors } = loadScenario({ file: 'a.yaml', text }, rubrics);
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toMatch(/alias "\*missing" has no anchor/);
    expect(text.split('\n')[errors[0].line - 1]).toContain('*missing');
  });

  it('refuse an exponential expansion (billion laughs) quickly, with a location', () => {
    const levels = 'abcdefghij';
    const text = `a: &a [x, x, x, x, x, x, x, x, x]\n${[...levels.slice(1)].map((c, i) => `${c}: &${c} [${Array(9).fill(`*${levels[i]}`).join(', ')}]`).join('\n')}\n`;
    const t0 = performance.now();
    const { errors } = loadScenario({ file: 'l.yaml', text }, rubrics);
    expect(performance.now() - t0).toBeLessThan(HANG_MS);
    expect(errors[0].message).toMatch(/alias/i);
    expectLocated(errors, 'l.yaml', text);
  });
});
