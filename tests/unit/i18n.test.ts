import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PHASES } from '../../src/core/machines/procedure';
import { FACTS, TONES, TRAITS, VENUES } from '../../src/core/schema/scenario';
import { TOOL_IDS } from '../../src/ui/tools/types';

type Tree = { [k: string]: string | Tree };
const flatten = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : flatten(v, `${prefix}${k}.`)));
const load = (lng: string) => JSON.parse(readFileSync(`src/i18n/locales/${lng}/ui.json`, 'utf8')) as Tree;
const fr = new Set(flatten(load('fr')));
const en = new Set(flatten(load('en')));
/** i18next resolves `key` to `key_one` / `key_other` when a count is given. */
const has = (keys: Set<string>, key: string) => keys.has(key) || keys.has(`${key}_other`);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : /\.ts$/.test(f) ? [readFileSync(p, 'utf8')] : [];
  });
}

describe('interface strings', () => {
  it('has the same keys in French and English', () => {
    expect([...fr].filter((k) => !en.has(k))).toEqual([]);
    expect([...en].filter((k) => !fr.has(k))).toEqual([]);
  });

  it('has every literal key the code asks for, in both languages', () => {
    const used = new Set(sources('src').flatMap((text) => [...text.matchAll(/\bt\('([a-zA-Z0-9_.-]+)'/g)].map((m) => m[1])));
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter((k) => !has(fr, k) || !has(en, k))).toEqual([]);
  });

  it('has every key the code builds at run time (venues, traits, phases, tools…)', () => {
    const built = [
      ...VENUES.map((v) => `venue.${v}`),
      ...TRAITS.map((t) => `trait.${t}`),
      // 'after': follow-up once the contact is over (an observation's phase; it was shown raw as "phase.after").
      ...['preparation', ...PHASES, 'after'].map((p) => `phase.${p}`),
      ...['met', 'partly', 'missed', 'breach', 'grave'].map((s) => `status.${s}`),
      ...TOOL_IDS.map((t) => `tools.${t}`),
      ...['practice', 'timed'].flatMap((m) => [`mode.${m}`, `mode.${m}Help`]),
      ...['very-unsatisfied', 'unsatisfied', 'satisfied', 'very-satisfied'].map((l) => `satisfaction.${l}`),
      ...['visitor', 'receptionist', 'colleague', 'narrator'].map((s) => `speaker.${s}`),
      ...['venue', 'trait', 'language', 'difficulty'].map((f) => `menu.filter.${f}`),
      ...['seed', 'speed', 'lang'].map((p) => `urlParams.${p}`),
      ...['time', 'name', 'company', 'badge', 'host'].map((c) => `tools.col.${c}`),
      ...['furious', 'angry', 'annoyed', 'neutral', 'pleased', 'smiling'].map((m) => `mood.${m}`),
      ...['approach', 'counter', 'waiting', 'seated', 'lift', 'leave', 'leaveAngry'].map((p) => `pose.${p}`),
      ...['master', 'effects', 'ambience'].map((k) => `settings.${k}`),
      ...['fr', 'en', 'es', 'de'].map((l) => `settings.lang.${l}`),
      'lang.fr',
      'lang.en',
      ...['ring', 'hangup', 'hold', 'transfer'].map((e) => `narration.${e}`),
      ...['missing', 'different', 'misheard', 'diary', 'constraint'].map((p) => `coach.problem.${p}`),
      ...FACTS.map((f) => `coach.field.${f}`),
      ...['idle', 'ringing', 'talking', 'held', 'parked'].map((s) => `switchboard.state.${s}`),
      ...['rang', 'picked-up', 'held', 'heldUnannounced', 'returned', 'parked', 'resumed', 'transferred', 'transferredBlind', 'hung-up', 'missed', 'ended'].map(
        (k) => `switchboard.log.${k}`,
      ),
      ...TONES.map((tone) => `switchboard.tone.${tone}`),
      ...['crackle', 'street', 'open-plan', 'wind'].map((n) => `switchboard.noise.${n}`),
    ];
    expect(built.filter((k) => !has(fr, k) || !has(en, k))).toEqual([]);
  });

  it('has the impersonal words beside every gendered or channel variant (a context falls back to them)', () => {
    const variant = /_(female|male|first|visitor_female|visitor_male|caller_female|caller_male)$/;
    for (const keys of [fr, en]) {
      const orphans = [...keys].filter((k) => variant.test(k) && !keys.has(k.replace(variant, '')));
      expect(orphans).toEqual([]);
    }
    // Plural forms in pairs: French needs _one and _other, English too.
    for (const keys of [fr, en]) {
      const plural = [...keys].filter((k) => /_(one|other)$/.test(k)).map((k) => k.replace(/_(one|other)$/, ''));
      expect(plural.filter((k) => !keys.has(`${k}_one`) || !keys.has(`${k}_other`))).toEqual([]);
    }
  });

  it('counts with plural forms, never "(s)", and agrees without "(e)" where the game knows who', () => {
    const load2 = (lng: string) => JSON.parse(readFileSync(`src/i18n/locales/${lng}/ui.json`, 'utf8')) as Tree;
    const values = (tree: Tree, prefix = ''): [string, string][] =>
      Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [[prefix + k, v] as [string, string]] : values(v, `${prefix}${k}.`)));
    for (const lng of ['fr', 'en']) {
      const all = values(load2(lng));
      expect(all.filter(([, v]) => /\(s\)/.test(v)).map(([k]) => k)).toEqual([]);
      // "(e)" stays only where the person is unknown: the candidate on the printed grid.
      expect(all.filter(([k, v]) => /\(e\)/.test(v) && k !== 'grid.candidate').map(([k]) => k)).toEqual([]);
    }
  });
});
