import { t, tx } from '../../i18n';
import { h } from '../dom';
import type { ToolContext } from './types';

/** 1–9 then 0: a directory longer than ten is called with Tab and Enter. */
const CALL_KEYS = [...'1234567890'];

/** Internal phone: find the extension and call the colleague to announce the visitor (the right one is for the student to find). */
export function internalCallPanel(ctx: ToolContext): HTMLElement {
  const pending = ctx.pending;
  return h(
    'div',
    {},
    h(
      'ul',
      { class: 'call-list' },
      ...ctx.scenario.desk.directory.map((p, i) =>
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
                  // Keys of their own, as the dialogue's choices have: a digit chooses in this panel, not behind it.
                  'data-key': CALL_KEYS[i],
                  'aria-keyshortcuts': CALL_KEYS[i],
                  // Whoever is called, the call is made: calling the wrong colleague is scored, not prevented.
                  onclick: () => pending.confirm({ for: p.id }),
                },
                CALL_KEYS[i] ? h('span', { class: 'key', 'aria-hidden': 'true' }, CALL_KEYS[i]) : null,
                t('tools.callButton', { ext: p.extension }),
              )
            : null,
        ),
      ),
    ),
  );
}
