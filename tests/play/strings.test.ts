// Every sentence the game makes, read where it is made: each shipped scenario played headless
// by the scripted receptionists, its hall, switchboard, dialogue log, debrief and coaching
// worded through i18next in French and English. What a new user saw (issue 22) must not come
// back: a raw key, "1 indicateurs", "Mme Lenoir s'en va, détendu.", "le visiteur" for a caller.
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFromDisk } from '../../src/cli/files';
import { playStep } from '../../src/core/policies/play';
import { type PolicyName, policyNamed } from '../../src/core/policies/policies';
import { resultOf } from '../../src/core/result';
import { createRng } from '../../src/core/rng';
import { LEVELS } from '../../src/core/schema/rubric';
import type { Scenario } from '../../src/core/schema/scenario';
import { verdictOf } from '../../src/core/scoring/verdict';
import { Shift } from '../../src/core/shift/shift';
import en from '../../src/i18n/locales/en/ui.json';
import fr from '../../src/i18n/locales/fr/ui.json';
import { betterWords, focusPoints, momentWords, observationText, optionFinder } from '../../src/ui/coaching';
import { faultWords, gapWords, indicatorsMetWords, needWords, satisfactionWords } from '../../src/ui/debrief-words';
import { describeVisitor, hallState } from '../../src/ui/hall-view';
import { callLogWords, lineWords, personOf, timelineWords, traitWords } from '../../src/ui/words';

const catalog = loadFromDisk();
const POLICIES: PolicyName[] = ['ideal', 'rude', 'passive', 'random', 'key-1', 'key-5'];
const SEEDS = [1, 2];

/** One sentence as made, and whom it is about (a contact id) when the game made it about someone. */
interface Said {
  text: string;
  where: string;
  about?: string;
}

const NAMESPACES = Object.keys(fr);
/** "phase.after", "coach.better", "switchboard.log.missed": a key path, as i18next shows a key it does not have. */
const KEY_PATH = new RegExp(`\\b(${NAMESPACES.join('|')})\\.[a-zA-Z][\\w-]*`);

const missing = new Set<string>();

beforeAll(async () => {
  await i18next.init({
    resources: { fr: { ui: fr }, en: { ui: en } },
    ns: ['ui'],
    defaultNS: 'ui',
    lng: 'fr',
    fallbackLng: false,
    returnEmptyString: false,
    interpolation: { escapeValue: false },
    saveMissing: true,
    missingKeyHandler: (_lngs, _ns, key) => missing.add(key),
  });
});

/** Plays one run decision by decision, wording what the screens show at each step, then the debrief. */
function sentences(scenario: Scenario, policyName: PolicyName, seed: number): Said[] {
  const rubric = catalog.rubrics.get(scenario.rubric)!;
  const shift = new Shift(scenario, rubric, seed);
  const policy = policyNamed(policyName)!;
  const rng = createRng(seed ^ 0x5eed);
  for (const item of policy.prepare(shift, rng)) shift.prepare(item);
  shift.openDesk();
  const out: Said[] = [];
  for (let step = 0; !shift.finished && step < 5000; step++) {
    for (const v of hallState(shift, false).visitors) out.push({ text: describeVisitor(v), where: 'hall', about: v.id });
    for (const l of shift.switchboard().lines) out.push({ text: lineWords(l, shift), where: 'line', about: l.contact });
    // Two seconds at most between looks: a visitor's face and pose change while the policy waits.
    playStep(shift, policy, rng, 2);
  }
  const result = resultOf(shift);
  for (const e of shift.callLog) out.push({ text: callLogWords(e, shift), where: 'call log', about: e.contact });
  for (const e of result.timeline) {
    const text = timelineWords(e, shift);
    // Narration about a contact (arrival, walkout, ring, hang-up, hold, transfer) is made by the game.
    out.push({ text, where: e.event ? `narration ${e.event}` : `said by ${e.speaker}`, about: e.event ? e.contact : undefined });
  }
  const option = optionFinder(scenario);
  const person = (c: string) => personOf(scenario, c);
  for (const o of result.observations) {
    // The scenario's own `why` for an option is its author's sentence, an omission quotes the référentiel's
    // indicator; the game's sentences about the person are the rest.
    const made = !['option', 'tool', 'simultaneous', 'preparation', 'omission'].includes(o.kind);
    out.push({ text: observationText(o, rubric, option, person), where: `observation ${o.kind}`, about: made ? o.contact : undefined });
    out.push({ text: momentWords(o), where: 'moment' });
    const better = option(o.contact, o.better);
    if (better) out.push({ text: betterWords(better.text[i18next.language as 'fr' | 'en']), where: 'better' });
  }
  for (const f of focusPoints(result, rubric, scenario)) out.push({ text: f.when, where: 'focus' });
  for (const c of Object.values(result.criteria)) out.push({ text: indicatorsMetWords(c.met, c.assessed), where: 'indicators met' });
  // A grave fault quotes why the act was grave in its author's (or the behaviour library's) words, like an option's why.
  for (const f of verdictOf(result).faults)
    out.push({ text: faultWords(f, scenario, rubric), where: `fault ${f.kind}`, about: f.kind === 'grave' ? undefined : f.contact });
  const one = scenario.contacts.length === 1 ? scenario.contacts[0].id : undefined;
  out.push({ text: satisfactionWords(result, scenario), where: 'satisfaction', about: one });
  out.push({ text: needWords(result, scenario), where: 'need', about: one });
  return out;
}

/** Every sentence of every shipped scenario, every policy, in one language. */
async function everything(lang: 'fr' | 'en'): Promise<{ scenario: Scenario; said: Said }[]> {
  await i18next.changeLanguage(lang);
  const all: { scenario: Scenario; said: Said }[] = [];
  for (const scenario of catalog.scenarios)
    for (const policy of POLICIES) for (const seed of SEEDS) for (const said of sentences(scenario, policy, seed)) all.push({ scenario, said });
  // The menu card's profiles, one contact at a time (« malentendante » for Mme Ferrand).
  for (const scenario of catalog.scenarios)
    for (const c of scenario.contacts) all.push({ scenario, said: { text: traitWords([c]), where: 'menu card', about: c.id } });
  const levels = [...LEVELS];
  for (const self of levels)
    for (const level of [...levels, null]) all.push({ scenario: catalog.scenarios[0], said: { text: gapWords(levels, self, level), where: 'gap' } });
  return all;
}

const show = (xs: { scenario: Scenario; said: Said }[]) => [...new Set(xs.map((x) => `${x.scenario.id} · ${x.said.where} · ${x.said.text}`))].slice(0, 20);

/** Masculine agreement a sentence about a woman must not carry (« détendu », « reparti », « mis en attente »…). */
const MASCULINE_FR =
  /(?<!\p{L})(détendu|agacé|furieux|content|mécontent|satisfait|reparti|parti|servi|assis|mis|méfiant|ignoré|congédié|senti|énervé|inquiet|seul|impatient|agressif|bavard|hésitant|malentendant|malvoyant|désorienté|réclamant|livreur)(?!\p{L})/u;
/** Words for someone who came to the desk, wrong for someone on the phone. */
const VISITOR_FR = /(?<!\p{L})(visiteur|visiteuse|repart|reparti|repartie|arrive à l'accueil|s'en va|comptoir)(?!\p{L})/iu;
const VISITOR_EN = /\b(visitor|walks out|left before|comes to the desk)\b/i;
/** A number before a noun: the noun agrees (in French, 0 and 1 are singular). */
const COUNTED_FR = /\b(\d+) (indicateurs?|sonneries?|lettres?|tentatives?|fichiers?|actes?|niveaux?|parties?|remarques?|élèves?)(?!\p{L})/gu;
const COUNTED_EN = /\b(\d+) (indicators?|rings?|letters?|attempts?|files?|acts?|levels?|games?|remarks?|students?)\b/g;

describe.each(['fr', 'en'] as const)('every sentence the game makes, in %s', (lang) => {
  let cached: Awaited<ReturnType<typeof everything>> | undefined;
  const all = async () => {
    cached ??= await everything(lang);
    await i18next.changeLanguage(lang);
    return cached;
  };

  it('never shows a raw key, a placeholder, undefined or NaN', async () => {
    missing.clear();
    const texts = await all();
    expect(texts.length).toBeGreaterThan(5000);
    expect([...missing]).toEqual([]);
    expect(show(texts.filter((x) => KEY_PATH.test(x.said.text)))).toEqual([]);
    expect(show(texts.filter((x) => /\{\{|\{[a-z]\}|\bundefined\b|\bNaN\b|\[object /.test(x.said.text)))).toEqual([]);
    expect(show(texts.filter((x) => !x.said.text.trim()))).toEqual([]);
    // A quoted line quoted again: « « … » ».
    expect(show(texts.filter((x) => /« «|» »|““|””/.test(x.said.text)))).toEqual([]);
  });

  it('makes a counted noun agree with its number', async () => {
    const texts = await all();
    const wrong: string[] = [];
    const seen = new Set<string>();
    for (const { scenario, said } of texts)
      for (const m of said.text.matchAll(lang === 'fr' ? COUNTED_FR : COUNTED_EN)) {
        const n = Number(m[1]);
        const plural = /[sx]$/.test(m[2]);
        seen.add(`${n <= 1 ? 'one' : 'many'} ${plural ? 'plural' : 'singular'}`);
        if (plural !== (lang === 'fr' ? n > 1 : n !== 1)) wrong.push(`${scenario.id} · ${said.where} · ${said.text}`);
      }
    expect([...new Set(wrong)].slice(0, 20)).toEqual([]);
    // Both cases were met: the check reads real sentences, not none.
    expect(seen).toContain('one singular');
    expect(seen).toContain('many plural');
    const met = new Set(texts.filter((x) => x.said.where === 'indicators met').map((x) => x.said.text));
    expect(met).toContain(lang === 'fr' ? '1 indicateur atteint sur 2' : '1 indicator met out of 2');
    expect(met).toContain(lang === 'fr' ? '2 indicateurs atteints sur 2' : '2 indicators met out of 2');
  });

  it('agrees with a woman in what it says about her', async () => {
    if (lang === 'en') return;
    const texts = await all();
    const female = (x: { scenario: Scenario; said: Said }) => x.said.about !== undefined && personOf(x.scenario, x.said.about)?.female === true;
    const hers = texts.filter(female);
    expect(hers.filter((x) => x.said.where === 'hall').length).toBeGreaterThan(100);
    expect(show(hers.filter((x) => MASCULINE_FR.test(x.said.text)))).toEqual([]);
    // The feminine is really used: Mme Lenoir leaves relaxed, not "détendu".
    expect(hers.some((x) => /(?<!\p{L})(détendue|agacée|contente|furieuse|assise|repartie|mise)(?!\p{L})/u.test(x.said.text))).toBe(true);
  });

  it('says "caller" and "hung up" for someone on the phone, never "visitor"', async () => {
    const texts = await all();
    const caller = texts.filter((x) => x.said.about !== undefined && personOf(x.scenario, x.said.about)?.caller);
    expect(caller.length).toBeGreaterThan(1000);
    expect(show(caller.filter((x) => (lang === 'fr' ? VISITOR_FR : VISITOR_EN).test(x.said.text)))).toEqual([]);
    expect(caller.some((x) => /a raccroché|hung up/.test(x.said.text))).toBe(true);
  });
});
