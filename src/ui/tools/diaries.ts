import { t, tx } from '../../i18n';
import { h } from '../dom';
import type { ToolContext } from './types';

/** Colleagues' diaries for the day. */
export function diariesPanel(ctx: ToolContext): HTMLElement {
  const { directory, diaries = {} } = ctx.scenario.desk;
  const entries = Object.entries(diaries);
  if (!entries.length) return h('p', {}, t('tools.noDiary'));
  return h(
    'div',
    { class: 'diaries' },
    ...entries.map(([id, slots]) =>
      h(
        'section',
        {},
        h('h3', {}, directory.find((p) => p.id === id)?.name ?? id),
        h('ul', {}, ...slots.map((s) => h('li', {}, h('strong', {}, s.time), ` ${tx(s.what)}`))),
      ),
    ),
  );
}
