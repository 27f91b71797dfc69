import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../../src/i18n/locales/en/ui.json';
import fr from '../../src/i18n/locales/fr/ui.json';
import { flagText } from '../../src/ui/teacher/class-data';

beforeAll(async () => {
  await i18next.init({ resources: { fr: { ui: fr }, en: { ui: en } }, ns: ['ui'], defaultNS: 'ui', lng: 'fr', interpolation: { escapeValue: false } });
});

describe('import flags as a teacher reads them', () => {
  it('says durations, dates and a refused run’s reason in the interface’s words', async () => {
    await i18next.changeLanguage('fr');
    expect(flagText({ code: 'time-exceeds-session', params: { limit: 150, played: 179, span: 700, margin: 1500 } })).toBe(
      "Au-delà du temps de la session (2 min 30 s) : 2 min 59 s de jeu, 11 min 40 s entre le début et la fin de l'épreuve (marge de 25 min pour la préparation et les bilans).",
    );
    expect(flagText({ code: 'clock-moved-back', params: { count: 1, seconds: 3600 } })).toContain('(1 fois, 60 min en tout)');
    const dates = flagText({ code: 'dates-inconsistent', params: { started: '2026-11-20T08:00:00.000Z', ended: 'hier', played: 137 } });
    expect(dates).toMatch(/début 20\/11\/2026 \d\d:00:00, fin hier, pour 2 min 17 s de jeu/);
    expect(
      flagText({ code: 'run-refused', params: { scenario: 'Accueil', reason: 'action 3: option "x" is not available', problem: 'replay-refused', index: 3 } }),
    ).toBe('Accueil : actions refusées (action impossible à rejouer).');
    expect(flagText({ code: 'extra-time-not-granted', params: { percent: 33 } })).toBe(
      "Tiers-temps (+33 %) utilisé alors que vous ne l'avez pas attribué à cet élève.",
    );
    await i18next.changeLanguage('en');
    expect(flagText({ code: 'duplicate-file', params: { file: 'ines.json' } })).toBe('Same attempt as the file "ines.json" (a copy, renamed or not).');
    expect(flagText({ code: 'session-tampered', params: {} })).not.toMatch(/sign/i);
    await i18next.changeLanguage('fr');
  });
});
