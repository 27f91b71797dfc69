import { encodeSession, type SessionDef } from '../../core/run/session-def';
import type { Scenario } from '../../core/schema/scenario';
import { t, tx } from '../../i18n';
import { store } from '../../platform/store';
import type { PlatformContext } from '../assessment/context';
import { panel } from '../assessment/screens';
import { clear, h } from '../dom';
import { teacherHome } from './area';
import { sharePanel } from './share';

const randomId = () => [...crypto.getRandomValues(new Uint8Array(8))].map((b) => (b % 36).toString(36)).join('');
const randomSeed = () => crypto.getRandomValues(new Uint32Array(1))[0] % 1_000_000;

const number = (id: string, value: number, min: number, max: number, label: string, help?: string) =>
  h(
    'p',
    { class: 'field' },
    h('label', { for: id }, label),
    h('input', { id, name: id, type: 'number', value, min, max, step: 1, required: true, 'aria-describedby': help ? `${id}-help` : undefined }),
    help ? h('span', { class: 'help', id: `${id}-help` }, help) : null,
  );

/**
 * Session builder: which scenarios, in which order, how long each and overall,
 * the rubric, hints and feedback, the seed, the pass mark and extra time.
 */
export function sessionBuilder(ctx: PlatformContext) {
  const all = ctx.catalog.scenarios;
  const chosen: { scenario: Scenario; minutes: number }[] = [];
  const filters = { channel: '', venue: '', trait: '', difficulty: '' };
  const rubrics = [...ctx.catalog.rubrics.values()];
  let rubric = rubrics[0]?.id ?? '';

  const list = h('ul', { class: 'pick-list', id: 'scenario-pick' });
  const order = h('ol', { class: 'order-list', id: 'scenario-order', 'aria-live': 'polite' });
  const error = h('p', { role: 'alert', class: 'warning', hidden: true, id: 'builder-error' });

  const matches = (s: Scenario) =>
    s.rubric === rubric &&
    (!filters.channel || s.channel === filters.channel) &&
    (!filters.venue || s.venue === filters.venue) &&
    (!filters.trait || s.contacts.some((c) => (c.visitor.traits as string[]).includes(filters.trait))) &&
    (!filters.difficulty || s.difficulty === Number(filters.difficulty));

  const filter = (name: keyof typeof filters, values: string[], label: (v: string) => string) => {
    const el = h('select', { id: `b-${name}` }, h('option', { value: '' }, t('menu.all')), ...values.map((v) => h('option', { value: v }, label(v))));
    el.addEventListener('change', () => ((filters[name] = el.value), drawList()));
    return h('p', { class: 'field' }, h('label', { for: `b-${name}` }, t(`teacher.filter.${name}`)), el);
  };
  const uniq = <T>(xs: T[]) => [...new Set(xs)].map(String).sort();

  function drawList() {
    const shown = all.filter(matches);
    clear(
      list,
      ...shown.map((s) => {
        const box = h('input', { type: 'checkbox', id: `pick-${s.id}`, value: s.id, checked: chosen.some((c) => c.scenario.id === s.id) });
        box.addEventListener('change', () => {
          if (box.checked) chosen.push({ scenario: s, minutes: Math.ceil(s.timeLimit / 60) });
          else
            chosen.splice(
              chosen.findIndex((c) => c.scenario.id === s.id),
              1,
            );
          drawOrder();
        });
        const meta = `${t(`venue.${s.venue}`)} · ${t('menu.difficulty', { n: s.difficulty })} · ${t(`channel.${s.channel}`)}`;
        return h('li', {}, box, h('label', { for: `pick-${s.id}` }, h('strong', {}, tx(s.title)), ' ', h('span', { class: 'card-meta' }, meta)));
      }),
    );
    if (!shown.length) list.append(h('li', {}, t('menu.noMatch')));
  }

  function drawOrder(focus?: string) {
    clear(
      order,
      ...chosen.map((c, i) => {
        const minutes = h('input', { type: 'number', id: `limit-${c.scenario.id}`, min: 1, max: 60, value: c.minutes, required: true, class: 'short' });
        minutes.addEventListener('change', () => (c.minutes = Number(minutes.value)));
        const move = (d: number, key: string, dir: string) =>
          h(
            'button',
            {
              type: 'button',
              id: `${dir}-${c.scenario.id}`,
              disabled: i + d < 0 || i + d >= chosen.length,
              'aria-label': t(key, { title: tx(c.scenario.title) }),
              onclick: () => {
                chosen.splice(i + d, 0, chosen.splice(i, 1)[0]);
                drawOrder(`${dir}-${c.scenario.id}`);
              },
            },
            dir === 'up' ? '↑' : '↓',
          );
        return h(
          'li',
          {},
          h('span', { class: 'order-title' }, tx(c.scenario.title)),
          h('label', { for: `limit-${c.scenario.id}` }, t('teacher.limit')),
          minutes,
          move(-1, 'teacher.moveUp', 'up'),
          move(1, 'teacher.moveDown', 'down'),
        );
      }),
    );
    if (!chosen.length) order.append(h('li', { class: 'empty' }, t('teacher.noneChosen')));
    if (focus) (document.getElementById(focus) as HTMLButtonElement | null)?.focus();
  }

  const rubricSelect = h('select', { id: 'b-rubric' }, ...rubrics.map((r) => h('option', { value: r.id }, `${r.id} — ${tx(r.title)}`)));
  rubricSelect.addEventListener('change', () => {
    rubric = rubricSelect.value;
    chosen.length = 0;
    drawList();
    drawOrder();
  });
  const check = (id: string, label: string, checked: boolean) =>
    h('p', { class: 'field inline' }, h('input', { type: 'checkbox', id, checked }), h('label', { for: id }, label));

  const form = h(
    'form',
    { class: 'builder', novalidate: false },
    h('p', { class: 'field' }, h('label', { for: 'b-name' }, t('teacher.name')), h('input', { id: 'b-name', required: true, maxlength: 80 })),
    h('p', { class: 'field' }, h('label', { for: 'b-rubric' }, t('teacher.rubric')), rubricSelect),
    h(
      'fieldset',
      {},
      h('legend', {}, t('teacher.pickScenarios')),
      h(
        'div',
        { class: 'filters' },
        filter('channel', uniq(all.map((s) => s.channel)), (v) => t(`channel.${v}`)),
        filter('venue', uniq(all.map((s) => s.venue)), (v) => t(`venue.${v}`)),
        filter('trait', uniq(all.flatMap((s) => s.contacts.flatMap((c) => c.visitor.traits as string[]))), (v) => t(`trait.${v}`)),
        filter('difficulty', ['1', '2', '3', '4', '5'], (v) => t('menu.difficulty', { n: v })),
      ),
      list,
    ),
    h('fieldset', {}, h('legend', {}, t('teacher.order')), order),
    h(
      'fieldset',
      {},
      h('legend', {}, t('teacher.rules')),
      number('b-overall', 30, 1, 240, t('teacher.overall'), t('teacher.overallHelp')),
      number('b-threshold', 50, 0, 100, t('teacher.threshold'), t('teacher.thresholdHelp')),
      number('b-extra', 33, 0, 100, t('teacher.extra'), t('teacher.extraHelp')),
      number('b-seed', randomSeed(), 0, 999_999, t('teacher.seed'), t('teacher.seedHelp')),
      check('b-hints', t('teacher.hints'), false),
      check('b-feedback', t('teacher.feedback'), false),
    ),
    error,
    h('button', { type: 'submit', class: 'primary big', id: 'create-session' }, t('teacher.create')),
    h('button', { type: 'button', id: 'builder-back', onclick: () => teacherHome(ctx) }, t('teacher.back')),
  );
  const value = (id: string) => (form.querySelector(`#${id}`) as HTMLInputElement).value;
  const checked = (id: string) => (form.querySelector(`#${id}`) as HTMLInputElement).checked;
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!chosen.length) {
      error.hidden = false;
      error.textContent = t('teacher.needScenario');
      (list.querySelector('input') as HTMLElement | null)?.focus();
      return;
    }
    const def: SessionDef = {
      v: 1,
      id: randomId(),
      name: value('b-name').trim(),
      rubric,
      scenarios: chosen.map((c) => ({ id: c.scenario.id, limit: Math.max(30, Math.min(3600, Math.round(c.minutes * 60))) })),
      overall: Math.max(60, Math.min(4 * 3600, Math.round(Number(value('b-overall')) * 60))),
      hints: checked('b-hints'),
      feedback: checked('b-feedback'),
      seed: Math.floor(Number(value('b-seed'))),
      threshold: Math.floor(Number(value('b-threshold'))),
      extraPercent: Math.floor(Number(value('b-extra'))),
      extra: false,
    };
    const token = encodeSession(def);
    await store.saveSession(def, token);
    sharePanel(ctx, def);
  });
  panel(ctx.app, 'session-builder', t('teacher.build'), h('p', {}, t('teacher.buildIntro')), form);
  drawList();
  drawOrder();
}
