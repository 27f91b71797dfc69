// French that read wrong to a new user (issue 22), one case each, where the sentence is made.
import i18next from 'i18next';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadFromDisk } from '../../src/cli/files';
import { play } from '../../src/core/policies/play';
import { POLICIES } from '../../src/core/policies/policies';
import { resultOf, type ShiftResult } from '../../src/core/result';
import { createRng } from '../../src/core/rng';
import type { Rubric } from '../../src/core/schema/rubric';
import type { Scenario } from '../../src/core/schema/scenario';
import type { ObservationRecord } from '../../src/core/scoring/observation';
import { verdictOf } from '../../src/core/scoring/verdict';
import { Shift } from '../../src/core/shift/shift';
import type { HallVisitor } from '../../src/game/hall-state';
import en from '../../src/i18n/locales/en/ui.json';
import fr from '../../src/i18n/locales/fr/ui.json';
import { betterWords, focusPoints, momentWords, observationText, optionFinder } from '../../src/ui/coaching';
import { faultWords, indicatorsMetWords, needWords, satisfactionWords } from '../../src/ui/debrief-words';
import { describeVisitor } from '../../src/ui/hall-view';
import { callLogWords, personOf, timelineWords, traitWords } from '../../src/ui/words';

const catalog = loadFromDisk();
const scenarioOf = (id: string) => catalog.scenarios.find((s) => s.id === id)!;

beforeAll(async () => {
  await i18next.init({ resources: { fr: { ui: fr }, en: { ui: en } }, ns: ['ui'], defaultNS: 'ui', lng: 'fr', interpolation: { escapeValue: false } });
});
beforeEach(async () => {
  await i18next.changeLanguage('fr');
});

/** A prepared desk, then nobody touches anything until the time is up. */
function untouched(id: string) {
  const scenario = scenarioOf(id);
  const rubric = catalog.rubrics.get(scenario.rubric)!;
  const shift = new Shift(scenario, rubric, 1);
  for (const item of POLICIES.ideal.prepare(shift, createRng(1))) shift.prepare(item);
  shift.openDesk();
  shift.advance(scenario.timeLimit);
  return { scenario, rubric, shift, result: resultOf(shift) };
}

/** The verdict's faults, as the debrief words them. */
const faultWordsOf = (result: ShiftResult, scenario: Scenario, rubric: Rubric): string[] =>
  verdictOf(result).faults.map((f) => faultWords(f, scenario, rubric));

const visitor = (over: Partial<HallVisitor>): HallVisitor =>
  ({
    id: 'marie-lenoir',
    label: 'Mme Lenoir',
    spot: 'counter',
    pose: 'counter',
    stance: 'neutral',
    checksWatch: false,
    speaking: false,
    expression: 'neutral',
    patience: 80,
    traits: [],
    speech: '',
    look: 0,
    gender: 'f',
    ...over,
  }) as HallVisitor;

describe('numbers: the noun agrees with the number before it', () => {
  it('says "1 indicateur atteint sur 2", not "1 indicateurs atteints sur 2"', () => {
    expect(indicatorsMetWords(1, 2)).toBe('1 indicateur atteint sur 2');
    expect(indicatorsMetWords(0, 3)).toBe('0 indicateur atteint sur 3');
    expect(indicatorsMetWords(2, 2)).toBe('2 indicateurs atteints sur 2');
  });

  it('says "1 indicator met out of 2" in English', async () => {
    await i18next.changeLanguage('en');
    expect(indicatorsMetWords(1, 2)).toBe('1 indicator met out of 2');
    expect(indicatorsMetWords(3, 4)).toBe('3 indicators met out of 4');
  });
});

describe('what a professional would have done', () => {
  it('has its verb: said for a line in quotes, done for an act', async () => {
    expect(betterWords('« Bonjour Madame. »')).toBe('Un professionnel aurait dit : « Bonjour Madame. »');
    expect(betterWords('Se lever pour accueillir le visiteur')).toBe('Un professionnel aurait fait ceci : Se lever pour accueillir le visiteur');
    expect(betterWords('En anglais : « Good evening, sir. »')).toBe('Un professionnel aurait dit, en anglais : « Good evening, sir. »');
    expect(betterWords('Face à elle, en articulant posément : « Bonjour Madame. »')).toBe(
      'Un professionnel aurait dit, face à elle, en articulant posément : « Bonjour Madame. »',
    );
    // An act that goes on to a line stays an act.
    expect(betterWords("Appeler le 214 : « Claire, j'ai Mme Garnier. »")).toBe(
      "Un professionnel aurait fait ceci : Appeler le 214 : « Claire, j'ai Mme Garnier. »",
    );
    await i18next.changeLanguage('en');
    expect(betterWords('“Good morning.”')).toBe('A professional would have said: “Good morning.”');
    expect(betterWords('In English: “Good evening, sir.”')).toBe('A professional would have said, in English: “Good evening, sir.”');
  });
});

describe('no raw key on screen', () => {
  it('names the follow-up after a contact ("phase.after" was shown raw)', () => {
    const scenario = scenarioOf('phone-absent-message');
    const result = play(scenario, catalog.rubrics.get(scenario.rubric)!, 'ideal', 1);
    const after = result.observations.find((o) => o.phase === 'after');
    expect(after).toBeDefined();
    expect(momentWords(after!)).toMatch(/^\d+:\d\d · Après le contact$/);
  });
});

describe('gender: the words agree with the visitor', () => {
  it('"Mme Lenoir s\'en va, détendue."', () => {
    expect(describeVisitor(visitor({ pose: 'leave', spot: 'gone', expression: 'pleased' }))).toBe("Mme Lenoir s'en va, détendue.");
    expect(describeVisitor(visitor({ pose: 'seated', expression: 'annoyed', stance: 'closed' }))).toBe(
      "Mme Lenoir est assise dans l'espace d'attente, agacée, méfiante.",
    );
    expect(describeVisitor(visitor({ label: 'M. Martin', gender: 'm', pose: 'leave', expression: 'pleased' }))).toBe("M. Martin s'en va, détendu.");
  });

  it('a menu card names her profile in the feminine (« malentendante »)', () => {
    const ferrand = scenarioOf('hotel-hard-of-hearing').contacts[0];
    expect(traitWords([ferrand])).toMatch(/malentendante/);
    expect(traitWords([{ visitor: { traits: ['impatient', 'hesitant'], civility: 'Madame' } }])).toBe('impatiente, hésitante');
    expect(traitWords([{ visitor: { traits: ['impatient', 'hesitant'], civility: 'Monsieur' } }])).toBe('impatient, hésitant');
  });

  it('a woman who walked out "est repartie" in the debrief', () => {
    const { scenario, rubric, result } = untouched('hotel-hard-of-hearing');
    const fault = faultWordsOf(result, scenario, rubric).find((f) => f.includes('Ferrand'));
    expect(fault ?? needWords(result, scenario)).toMatch(/Mme Simone Ferrand est repartie sans avoir été servie/);
    expect(satisfactionWords(result, scenario)).toMatch(/— (très )?mécontente$/);
  });

  it('a caller on hold "est mise en attente" when she is a woman', () => {
    const scenario = scenarioOf('phone-named-person');
    const shift = new Shift(scenario, catalog.rubrics.get(scenario.rubric)!, 1);
    expect(timelineWords({ t: 0, contact: 'helene-garnier', speaker: 'narrator', event: 'hold', lang: 'fr' }, shift)).toBe(
      'Scène — Mme Hélène Garnier est mise en attente.',
    );
    expect(callLogWords({ t: 0, contact: 'helene-garnier', line: 1, kind: 'parked' }, shift)).toBe('Ligne 1 — Mme Hélène Garnier — mise en attente un instant');
    // A hold with no wait announced says so, rather than « (0 s annoncées) ».
    expect(callLogWords({ t: 0, contact: 'helene-garnier', line: 1, kind: 'held', announced: 0 }, shift)).toBe(
      'Ligne 1 — Mme Hélène Garnier — mise en attente sans durée annoncée',
    );
    expect(callLogWords({ t: 0, contact: 'helene-garnier', line: 1, kind: 'held', announced: 30 }, shift)).toBe(
      'Ligne 1 — Mme Hélène Garnier — mise en attente (30 s annoncées)',
    );
  });
});

describe('channel: a caller is not a visitor', () => {
  it('a caller who hung up "a raccroché", never "le visiteur est reparti"', async () => {
    const { scenario, rubric, result } = untouched('phone-named-person');
    const option = optionFinder(scenario);
    const person = (c: string) => personOf(scenario, c);
    const walkout = result.observations.find((o) => o.kind === 'walkout')!;
    expect(walkout).toBeDefined();
    const said = observationText(walkout, rubric, option, person);
    expect(said).toBe('Mme Hélène Garnier a raccroché sans que sa demande soit traitée.');
    expect(needWords(result, scenario)).toContain('Mme Hélène Garnier a raccroché');
    expect(faultWordsOf(result, scenario, rubric).join(' ')).not.toMatch(/repart/);
    await i18next.changeLanguage('en');
    expect(observationText(walkout, rubric, option, person)).toBe('Ms Hélène Garnier hung up before her request was dealt with.');
  });

  it('a cut-short call says the call was closed and agrees with the caller', () => {
    const scenario = scenarioOf('phone-named-person');
    const rubric = catalog.rubrics.get(scenario.rubric)!;
    const o = {
      t: 30,
      contact: 'helene-garnier',
      phase: 'leave',
      indicator: 'T22.7.need',
      criterion: 'T22.7',
      status: 'missed',
      kind: 'cut-short',
    } as ObservationRecord;
    expect(observationText(o, rubric, optionFinder(scenario), (c) => personOf(scenario, c))).toBe(
      "L'appel a été conclu sans que la demande soit traitée : Mme Hélène Garnier a été congédiée.",
    );
  });
});

describe('a call nobody picked up', () => {
  it('rang N times and nobody answered, N as the call log counts it', () => {
    const { scenario, rubric, shift, result } = untouched('phone-named-person');
    const rings = result.observations.find((o) => o.indicator === 'T21.1.rings')!;
    const text = observationText(rings, rubric, optionFinder(scenario));
    expect(text).not.toMatch(/avant qu'on décroche/);
    expect(text).toMatch(/^Le téléphone a sonné \d+ fois et personne n'a décroché/);
    const missed = shift.callLog.find((e) => e.kind === 'missed')!;
    expect(rings.rings).toBe(missed.rings);
    expect(callLogWords(missed, shift)).toBe(`Ligne 1 — Mme Hélène Garnier — appel perdu après ${missed.rings} sonneries`);
  });

  it('a call picked up at once says so in words a French reader expects (no "1e sonnerie")', () => {
    const scenario = scenarioOf('phone-named-person');
    const shift = new Shift(scenario, catalog.rubrics.get(scenario.rubric)!, 1);
    expect(callLogWords({ t: 0, contact: 'helene-garnier', line: 1, kind: 'picked-up', rings: 1 }, shift)).toBe(
      'Ligne 1 — Mme Hélène Garnier — décroché dès la première sonnerie',
    );
    expect(callLogWords({ t: 0, contact: 'helene-garnier', line: 1, kind: 'picked-up', rings: 3 }, shift)).toBe(
      'Ligne 1 — Mme Hélène Garnier — décroché à la 3e sonnerie',
    );
  });
});

describe('the order of events', () => {
  it('never says a visitor "arrived during the call" when she came before it', () => {
    const scenario = scenarioOf('mixed-rush-counter');
    const rubric = catalog.rubrics.get(scenario.rubric)!;
    for (const policy of ['ideal', 'passive', 'random'] as const) {
      const result = play(scenario, rubric, policy, 1);
      const arrival = result.timeline.find((e) => e.event === 'arrival' && e.contact === 'marie-lenoir')!;
      const ring = result.timeline.find((e) => e.event === 'ring')!;
      expect(arrival.t).toBeLessThan(ring.t);
      const ack = result.observations.filter((o) => o.contact === 'marie-lenoir' && o.kind === 'timing');
      expect(ack.length).toBe(1);
      const text = observationText(ack[0], rubric, optionFinder(scenario));
      expect(text).not.toMatch(/pendant l'appel/);
      expect(text).not.toMatch(/(?<!\p{L})(il|vu|ignoré)(?!\p{L})/u);
    }
  });
});

describe('a grave fault quotes the act once', () => {
  it('no « « … » » around a line that has its own quotes', () => {
    const scenario = scenarioOf('aggressive-refused');
    const rubric = catalog.rubrics.get(scenario.rubric)!;
    const faults = faultWordsOf(play(scenario, rubric, 'rude', 1), scenario, rubric).filter((f) => f.includes('faute grave'));
    expect(faults.length).toBeGreaterThan(0);
    for (const f of faults) expect(f).not.toMatch(/« «|» »/);
  });
});

describe('English screens say English', () => {
  it('names a visitor "Ms", not "Madame", in an English debrief', async () => {
    await i18next.changeLanguage('en');
    const { scenario, rubric, result } = untouched('hotel-hard-of-hearing');
    const faults = faultWordsOf(result, scenario, rubric);
    expect(faults.length).toBeGreaterThan(0);
    expect(faults.join(' ')).not.toMatch(/Madame|Monsieur/);
    expect(faults.join(' ')).toMatch(/Ms Simone Ferrand/);
    expect(
      focusPoints(result, rubric, scenario)
        .map((f) => f.when)
        .join(' '),
    ).not.toMatch(/phase\./);
  });
});
