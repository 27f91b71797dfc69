import { t, tx } from '../../i18n';
import { h } from '../dom';
import type { ToolContext } from './types';

/** Internal phone: find the extension and call the colleague to announce the visitor (the right one is for the student to find). */
export function internalCallPanel(ctx: ToolContext): HTMLElement {
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
                  // Whoever is called, the call is made: calling the wrong colleague is scored, not prevented.
                  onclick: () => pending.confirm({ for: p.id }),
                },
                t('tools.callButton', { ext: p.extension }),
              )
            : null,
        ),
      ),
    ),
  );
}
