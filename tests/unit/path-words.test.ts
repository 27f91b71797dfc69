import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LEVEL_ORDER } from '../../src/core/run/grade';

type Tree = { [k: string]: string | Tree };
const load = (lng: string) => JSON.parse(readFileSync(`src/i18n/locales/${lng}/ui.json`, 'utf8')) as Tree;
const get = (tree: Tree, key: string) => key.split('.').reduce<string | Tree | undefined>((t, k) => (typeof t === 'object' ? t[k] : undefined), tree);

describe('the path’s words built at run time (ui/path.ts, ui/next-step.ts)', () => {
  it.each(['fr', 'en'])('exist in %s: a theme for every difficulty the schema allows, every status and level', (lng) => {
    const ui = load(lng);
    const keys = [
      ...[1, 2, 3, 4, 5].map((n) => `path.theme.${n}`),
      ...['new', 'replay', 'done'].map((s) => `path.status.${s}`),
      ...LEVEL_ORDER.map((l) => `path.level.${l}`),
      ...['face', 'phone', 'mixed'].map((c) => `channel.${c}`),
    ];
    expect(keys.filter((k) => typeof get(ui, k) !== 'string')).toEqual([]);
  });
});
