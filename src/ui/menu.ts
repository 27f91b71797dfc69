import { LANGUAGES, language, setLanguage, t, tx, type UiLanguage } from '../i18n';
import { formatError, type MenuCatalog, type ScenarioCard } from './catalog';
import { clear, h } from './dom';
import { openFileField } from './open-file';
import type { Mode } from './session';
import { openSettings } from './settings/settings-dialog';
import { traitWords } from './words';

const PLAYED = 'comptoir.played';

/** Remembers that a scenario was started on this device, so the suggestion is for newcomers only. */
export function notePlayed(id: string) {
  try {
    const played = new Set(JSON.parse(localStorage.getItem(PLAYED) ?? '[]') as string[]);
    localStorage.setItem(PLAYED, JSON.stringify([...played.add(id)]));
  } catch {
    /* private mode: no memory, the suggestion simply stays */
  }
}

function hasPlayed(): boolean {
  try {
    return (JSON.parse(localStorage.getItem(PLAYED) ?? '[]') as string[]).length > 0;
  } catch {
    return false;
  }
}

/** A title without accents or capitals, so "Élodie" sorts beside "elodie", as in a dictionary. */
const titleKey = (title: string) => title.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * Easiest first, then shortest, then by title: a newcomer meets a calm visitor before an angry one.
 * Titles compare by a plain key, not Intl.Collator: the first collator of a page loads
 * ICU's collation data, 50–90 ms at 4× CPU throttling before the menu shows (npm run bench).
 */
function easiestFirst(cards: readonly ScenarioCard[]): ScenarioCard[] {
  const key = new Map(cards.map((c) => [c, titleKey(tx(c.title))]));
  const byTitle = (a: ScenarioCard, b: ScenarioCard) => (key.get(a)! < key.get(b)! ? -1 : key.get(a)! > key.get(b)! ? 1 : 0);
  return [...cards].sort((a, b) => a.difficulty - b.difficulty || a.duration - b.duration || byTitle(a, b));
}

export interface MenuChoice {
  scenario: ScenarioCard;
  mode: Mode;
}

/**
 * The menu is plain DOM so it shows before Phaser (the largest download) has
 * loaded: choose a scenario by venue, profile and difficulty, a mode, the
 * language and the sound.
 */
export function renderMenu(root: HTMLElement, catalog: MenuCatalog, onStart: (choice: MenuChoice) => void, onPath?: () => void) {
  const filters = { channel: '', venue: '', trait: '', language: '', difficulty: '' };
  const scenarios = easiestFirst(catalog.scenarios);
  // A new player is pointed at the easiest scenario; after that the menu stays neutral.
  const suggested = hasPlayed() ? undefined : scenarios[0]?.id;
  let selected = scenarios[0]?.id;
  // Filters only offer what the scenarios on this device actually contain.
  const exists = {
    channel: [...new Set(scenarios.map((s) => s.channel))].sort(),
    venue: [...new Set(scenarios.map((s) => s.venue))].sort(),
    trait: [...new Set(scenarios.flatMap((s) => s.contacts.flatMap((c) => c.visitor.traits)))].sort(),
    language: [...new Set(scenarios.flatMap((s) => s.contacts.map((c) => c.visitor.language)))].sort(),
    difficulty: [...new Set(scenarios.map((s) => String(s.difficulty)))].sort(),
  };
  let mode: Mode = 'practice';

  const select = (name: keyof typeof filters, values: string[], label: (v: string) => string) => {
    const el = h(
      'select',
      { id: `filter-${name}`, name },
      h('option', { value: '' }, t('menu.all')),
      ...values.map((v) => h('option', { value: v, selected: filters[name] === v }, label(v))),
    );
    el.addEventListener('change', () => {
      filters[name] = el.value;
      draw();
      (root.querySelector(`#filter-${name}`) as HTMLElement | null)?.focus();
    });
    return h('p', { class: 'field' }, h('label', { for: `filter-${name}` }, t(`menu.filter.${name}`)), el);
  };

  const matches = (s: ScenarioCard) =>
    (!filters.channel || s.channel === filters.channel) &&
    (!filters.venue || s.venue === filters.venue) &&
    (!filters.trait || s.contacts.some((c) => c.visitor.traits.includes(filters.trait as never))) &&
    (!filters.language || s.contacts.some((c) => c.visitor.language === filters.language)) &&
    (!filters.difficulty || s.difficulty === Number(filters.difficulty));

  function draw() {
    const shown = scenarios.filter(matches);
    if (!shown.some((s) => s.id === selected)) selected = shown[0]?.id;
    const langSelect = h('select', { id: 'language' }, ...LANGUAGES.map((l) => h('option', { value: l, selected: l === language() }, t(`lang.${l}`))));
    langSelect.addEventListener('change', async () => {
      await setLanguage(langSelect.value as UiLanguage);
      draw();
      (root.querySelector('#language') as HTMLElement | null)?.focus();
    });
    const cards = shown.map((s) =>
      h(
        'li',
        {},
        h(
          'label',
          { class: 'card', for: `scenario-${s.id}` },
          h('input', { type: 'radio', name: 'scenario', id: `scenario-${s.id}`, value: s.id, checked: s.id === selected, onchange: () => (selected = s.id) }),
          h(
            'span',
            { class: 'card-body' },
            h('strong', { class: 'card-title' }, tx(s.title)),
            s.id === suggested ? h('span', { class: 'suggested' }, t('menu.suggested')) : null,
            h(
              'span',
              { class: 'card-meta' },
              `${s.channel === 'face' ? '' : `${t(`channel.${s.channel}`)} · `}${t(`venue.${s.venue}`)} · ${t('menu.difficulty', { n: s.difficulty })} · ${t('menu.minutes', { n: s.duration })} · ${traitWords(s.contacts)}`,
            ),
            h('span', { class: 'card-summary' }, tx(s.summary)),
            s.trains ? h('span', { class: 'card-trains' }, `${t('menu.trains')} ${tx(s.trains)}`) : null,
          ),
        ),
      ),
    );
    const modes = (['practice', 'timed'] as const).map((m) =>
      h(
        'p',
        { class: 'field inline' },
        h('input', { type: 'radio', name: 'mode', id: `mode-${m}`, value: m, checked: m === mode, onchange: () => (mode = m) }),
        h('label', { for: `mode-${m}` }, h('strong', {}, t(`mode.${m}`)), ` — ${t(`mode.${m}Help`)}`),
      ),
    );
    const form = h(
      'form',
      { class: 'menu-form' },
      h(
        'fieldset',
        { class: 'filters' },
        h('legend', {}, t('menu.filters')),
        // Face to face, on the phone, or both at once (a mixed desk).
        exists.channel.length > 1 ? select('channel', exists.channel, (v) => t(`channel.${v}`)) : null,
        select('venue', exists.venue, (v) => t(`venue.${v}`)),
        select('trait', exists.trait, (v) => t(`trait.${v}`)),
        // Only worth a filter once some visitor speaks another language than French.
        exists.language.length > 1 ? select('language', exists.language, (v) => t(`settings.lang.${v}`)) : null,
        select('difficulty', exists.difficulty, (v) => t('menu.difficulty', { n: v })),
      ),
      h(
        'fieldset',
        {},
        h('legend', {}, t('menu.scenario')),
        cards.length ? h('ul', { class: 'cards' }, ...cards) : h('p', { role: 'status' }, t('menu.noMatch')),
      ),
      h('fieldset', {}, h('legend', {}, t('menu.mode')), ...modes),
      openFileField((scenario) => onStart({ scenario, mode })),
      h('button', { type: 'submit', class: 'primary big', id: 'start', disabled: !cards.length }, t('menu.start')),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const scenario = scenarios.find((s) => s.id === selected);
      if (scenario) notePlayed(scenario.id), onStart({ scenario, mode });
    });
    clear(
      root,
      h(
        'header',
        { class: 'menu-header' },
        h('h1', { tabindex: -1 }, 'Comptoir'),
        h('p', { class: 'tagline' }, t('menu.tagline')),
        h(
          'div',
          { class: 'settings' },
          h('p', { class: 'field inline' }, h('label', { for: 'language' }, t('menu.language')), langSelect),
          h('button', { type: 'button', id: 'open-settings', onclick: (e: Event) => openSettings(e.currentTarget as HTMLElement) }, t('settings.open')),
        ),
      ),
      catalog.errors.length
        ? h(
            'section',
            { class: 'load-errors', role: 'alert' },
            h('h2', {}, t('menu.badFiles', { count: new Set(catalog.errors.map((e) => e.file)).size })),
            h('ul', {}, ...catalog.errors.map((e) => h('li', {}, h('code', {}, formatError(e))))),
          )
        : null,
      // The path (ui/path.ts): the same scenarios, level by level.
      onPath
        ? h(
            'p',
            { class: 'path-link' },
            h('button', { type: 'button', class: 'primary', id: 'open-path', onclick: onPath }, t('path.open')),
            ` ${t('path.openHelp')}`,
          )
        : null,
      form,
    );
    document.title = `Comptoir — ${t('menu.tagline')}`;
  }
  draw();
}
