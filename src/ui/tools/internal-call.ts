import { t, tx } from '../../i18n';
import { h } from '../dom';
import type { ToolContext } from './types';

/** Internal phone: find the extension and call the right colleague to announce the visitor. */
export function internalCallPanel(ctx: ToolContext): HTMLElement {
  const status = h('p', { class: 'call-status', role: 'status' });
  const pending = ctx.pending;
  return h(
    'div',
    {},
    h(
      'ul',
      { class: 'call-list' },
      ...ctx.scenario.desk.directory.map((p) =>
        h(
          'li',
          {},
          `${p.name} — ${tx(p.service)} — ${t('tools.ext')} ${p.extension} `,
          pending
            ? h(
                'button',
                {
                  type: 'button',
                  'data-call': p.id,
                  onclick: () => {
                    if (pending.targets.includes(p.id)) pending.confirm();
                    else status.textContent = t('tools.wrongPerson', { name: p.name });
                  },
                },
                t('tools.callButton', { ext: p.extension }),
              )
            : null,
        ),
      ),
    ),
    status,
  );
}
