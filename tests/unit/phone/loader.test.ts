// Bad phone input is refused at load with file:line:col, like every loader error: a phone
// scenario with the face-to-face rubric, a transfer to an extension not in the
// directory, a hold without a return, a call event for a visitor, a mixed scenario
// whose contacts do not say their channel.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../src/core/load/catalog';
import { formatError } from '../../../src/core/load/yaml-source';
import { SHARED, src } from '../load-fixture';

const RUBRICS = [src('scenarios/rubrics/a1-face.yaml'), src('scenarios/rubrics/a2-phone.yaml')];
const load = (text: string) => loadCatalog([{ file: 'edited.yaml', text }], RUBRICS, SHARED);
const vague = readFileSync('scenarios/phone-vague-request.yaml', 'utf8');
const mixed = readFileSync('scenarios/mixed-rush-counter.yaml', 'utf8');
const lineOf = (text: string, at: string) => text.slice(0, text.indexOf(at)).split('\n').length;

const CASES: Record<string, { base: string; find: string; put: string; says: string[]; at: string }> = {
  'a phone scenario with the face-to-face rubric': {
    base: vague,
    find: 'rubric: a2-phone',
    put: 'rubric: a1-face',
    says: ['rubric "a1-face" is for the face channel', "this scenario's channel is phone"],
    at: 'rubric: a1-face',
  },
  'a transfer to an extension not in the directory': {
    base: vague,
    find: "extension: '301'",
    put: "extension: '999'",
    says: ['extension "999" is not in the directory', '131 (karim-benali)'],
    at: "extension: '999'",
  },
  'a transfer that names no extension': {
    base: vague,
    find: "        extension: '301'\n",
    put: '',
    says: ['a TRANSFER names the extension it dials'],
    at: 'act: TRANSFER\n        text: {fr: "Transférer à la direction',
  },
  'a hold without a return': {
    base: vague,
    find: '        act: RETURN\n',
    put: '        act: CHASE\n',
    says: ['this HOLD puts the caller on hold, but phases.waiting has no RETURN option'],
    at: 'act: HOLD',
  },
  'a caller parked with no way back': {
    base: mixed,
    find: '    act: RESUME\n',
    put: '    act: PARK\n',
    says: ['this PARK puts the caller on hold, but no anytime option takes them back (RESUME)'],
    at: '    act: PARK\n',
  },
  'a call event for a visitor': {
    base: mixed,
    find: '- {at: 3, event: arrival, contact: marie-lenoir}',
    put: '- {at: 3, event: call, contact: marie-lenoir}',
    says: ['contact "marie-lenoir" is a visitor'],
    at: '- {at: 3, event: call, contact: marie-lenoir}',
  },
  'a mixed scenario contact without its channel': {
    base: mixed,
    find: '  channel: face\n',
    put: '',
    says: ['in a mixed scenario each contact says its channel'],
    at: 'id: marie-lenoir',
  },
};

describe.each(Object.entries(CASES))('%s', (_name, c) => {
  it('is refused with a located message', () => {
    const text = c.base.split(c.find).join(c.put);
    expect(text).not.toBe(c.base);
    const catalog = load(text);
    expect(catalog.scenarios).toEqual([]);
    const mine = catalog.errors.find((e) => c.says.every((s) => e.message.includes(s)));
    expect(mine, catalog.errors.map(formatError).join('\n')).toBeDefined();
    expect(mine!.file).toBe('edited.yaml');
    expect(mine!.line, formatError(mine!)).toBe(lineOf(text, c.at));
    expect(mine!.col).toBeGreaterThan(0);
  });
});

it('the shipped phone scenarios load against both rubrics without error', () => {
  expect(load(vague).errors.map(formatError)).toEqual([]);
  expect(load(mixed).errors.map(formatError)).toEqual([]);
});
