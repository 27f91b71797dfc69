import { t, tx } from '../../i18n';
import { h } from '../dom';
import type { ToolContext } from './types';

/** Annuaire and organigramme, with a search that filters as the student types. */
export function directoryPanel(ctx: ToolContext): HTMLElement {
  const people = ctx.scenario.desk.directory;
  const list = h('ul', { class: 'directory' });
  const render = (q: string) => {
    const query = q.trim().toLowerCase();
    list.replaceChildren(
      ...people
        .filter((p) => !query || [p.name, tx(p.role), tx(p.service)].some((s) => s.toLowerCase().includes(query)))
        .map((p) => h('li', {}, h('strong', {}, p.name), ` — ${tx(p.role)}, ${tx(p.service)} · ${t('tools.ext')} ${p.extension} · ${tx(p.location)}`)),
    );
    if (!list.children.length) list.append(h('li', {}, t('tools.noMatch')));
  };
  const search = h('input', { type: 'search', id: 'directory-search', 'aria-label': t('tools.search'), placeholder: t('tools.search') });
  search.addEventListener('input', () => render(search.value));
  render('');
  const chart = ctx.scenario.desk.orgChart ?? [];
  return h(
    'div',
    {},
    search,
    list,
    chart.length ? h('h3', {}, t('tools.orgChart')) : null,
    chart.length
      ? h('ul', { class: 'org' }, ...chart.map((o) => h('li', {}, `${tx(o.service)} : ${people.find((p) => p.id === o.head)?.name ?? o.head}`)))
      : null,
  );
}
