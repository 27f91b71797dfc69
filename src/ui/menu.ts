import { isMuted, setMuted } from '../audio/sound';
import { LANGUAGES, language, setLanguage, t, tx, type UiLanguage } from '../i18n';
import { formatError, type MenuCatalog, type ScenarioCard } from './catalog';
import { clear, h } from './dom';
import { openFileField } from './open-file';
import type { Mode } from './session';

export interface MenuChoice {
  scenario: ScenarioCard;
  mode: Mode;
}

/**
 * The menu is plain DOM so it shows before Phaser (the largest download) has
 * loaded: choose a scenario by venue, profile and difficulty, a mode, the
 * language and the sound.
 */
export function renderMenu(root: HTMLElement, catalog: MenuCatalog, onStart: (choice: MenuChoice) => void) {
  const filters = { venue: '', trait: '', difficulty: '' };
  let selected = catalog.scenarios[0]?.id;
  let mode: Mode = 'practice';

  const select = (name: keyof typeof filters, values: string[], label: (v: string) => string) => {
    const el = h(
      'select',
      { id: `filter-${name}`, name },
      h('option', { value: '' }, t('menu.all')),
      ...values.map((v) => h('option', { value: v, selected: filters[name] === v }, label(v))),
    );
    el.addEventListener('change', () => ((filters[name] = el.value), draw()));
    return h('p', { class: 'field' }, h('label', { for: `filter-${name}` }, t(`menu.filter.${name}`)), el);
  };

  /** Filter values that some scenario has, by label (the schema's lists would bring zod into the page). */
  const used = (of: (s: ScenarioCard) => string[], key: string) =>
    [...new Set(catalog.scenarios.flatMap(of))].sort((a, b) => t(`${key}.${a}`).localeCompare(t(`${key}.${b}`)));

  const matches = (s: ScenarioCard) =>
    (!filters.venue || s.venue === filters.venue) &&
    (!filters.trait || s.contacts.some((c) => c.visitor.traits.includes(filters.trait as never))) &&
    (!filters.difficulty || s.difficulty === Number(filters.difficulty));

  function draw() {
    const shown = catalog.scenarios.filter(matches);
    if (!shown.some((s) => s.id === selected)) selected = shown[0]?.id;
    const langSelect = h('select', { id: 'language' }, ...LANGUAGES.map((l) => h('option', { value: l, selected: l === language() }, t(`lang.${l}`))));
    langSelect.addEventListener('change', async () => {
      await setLanguage(langSelect.value as UiLanguage);
      draw();
      (root.querySelector('#language') as HTMLElement | null)?.focus();
    });
    const sound = h('input', { type: 'checkbox', id: 'sound', checked: !isMuted() });
    sound.addEventListener('change', () => setMuted(!sound.checked));
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
            h(
              'span',
              { class: 'card-meta' },
              `${t(`venue.${s.venue}`)} · ${t('menu.difficulty', { n: s.difficulty })} · ${t('menu.minutes', { n: s.duration })} · ${s.contacts
                .flatMap((c) => c.visitor.traits)
                .map((tr) => t(`trait.${tr}`))
                .join(', ')}`,
            ),
            h('span', { class: 'card-summary' }, tx(s.summary)),
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
        select(
          'venue',
          used((s) => [s.venue], 'venue'),
          (v) => t(`venue.${v}`),
        ),
        select(
          'trait',
          used((s) => s.contacts.flatMap((c) => c.visitor.traits), 'trait'),
          (v) => t(`trait.${v}`),
        ),
        select('difficulty', ['1', '2', '3', '4', '5'], (v) => t('menu.difficulty', { n: v })),
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
      const scenario = catalog.scenarios.find((s) => s.id === selected);
      if (scenario) onStart({ scenario, mode });
    });
    clear(
      root,
      h(
        'header',
        { class: 'menu-header' },
        h('h1', {}, 'Comptoir'),
        h('p', { class: 'tagline' }, t('menu.tagline')),
        h(
          'div',
          { class: 'settings' },
          h('p', { class: 'field inline' }, h('label', { for: 'language' }, t('menu.language')), langSelect),
          h('p', { class: 'field inline' }, sound, h('label', { for: 'sound' }, t('menu.sound'))),
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
      form,
    );
    document.title = `Comptoir — ${t('menu.tagline')}`;
  }
  draw();
}
