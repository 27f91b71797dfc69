import { generate } from 'lean-qr';
import { encodeSession, type SessionDef } from '../../core/run/session-def';
import { t, tx } from '../../i18n';
import { download, safeName } from '../../platform/download';
import { type Grant, store } from '../../platform/store';
import type { PlatformContext } from '../assessment/context';
import { SESSION_FILE_FORMAT } from '../assessment/route';
import { panel } from '../assessment/screens';
import { h } from '../dom';
import { teacherHome } from './area';

export const sessionLink = (token: string) => `${location.origin}${location.pathname}?session=${token}`;

/** One way in for a group of students: the link to copy, the QR code for phones, the file. */
function shareBlock(def: SessionDef, kind: 'standard' | 'extra', extra?: HTMLElement) {
  const token = encodeSession({ ...def, extra: kind === 'extra' });
  const link = sessionLink(token);
  const id = `link-${kind}`;
  const input = h('input', { id, readonly: true, value: link, class: 'link' });
  const copied = h('span', { role: 'status', class: 'help' });
  const qr = generate(link).toDataURL({ scale: 4, padX: 4, padY: 4 });
  return h(
    'section',
    { class: 'share-block', 'aria-labelledby': `${id}-title` },
    h('h2', { id: `${id}-title` }, kind === 'standard' ? t('teacher.shareStandard') : t('teacher.shareExtra', { percent: def.extraPercent })),
    h('p', { class: 'field' }, h('label', { for: id }, t('teacher.link')), input),
    h(
      'p',
      {},
      h(
        'button',
        {
          type: 'button',
          id: `copy-${kind}`,
          onclick: async () => {
            input.select();
            try {
              await navigator.clipboard.writeText(link);
              copied.textContent = t('teacher.copied');
            } catch {
              copied.textContent = t('teacher.copyByHand');
            }
          },
        },
        t('teacher.copy'),
      ),
      ' ',
      h(
        'button',
        {
          type: 'button',
          id: `file-${kind}`,
          onclick: () =>
            download(`session-${safeName(def.name)}${kind === 'extra' ? '-tiers-temps' : ''}.json`, JSON.stringify({ format: SESSION_FILE_FORMAT, token })),
        },
        t('teacher.sessionFile'),
      ),
      ' ',
      copied,
    ),
    h('img', { src: qr, class: 'qr', alt: t('teacher.qrAlt', { name: def.name }), id: `qr-${kind}` }),
    extra,
  );
}

/** One name a line, as the students type theirs; blanks and repeats dropped. */
export function parseGrants(text: string): Grant[] {
  const names = text
    .split(/\r?\n/)
    .map((n) => n.trim().replace(/\s+/g, ' '))
    .filter(Boolean);
  return [...new Set(names)].map((student) => ({ student, extra: true }));
}

/**
 * Who was handed the extra-time link, kept with the saved session: the class view
 * shows each attempt's extra time, and flags one the teacher did not grant.
 */
function grantsBlock(def: SessionDef, grants: Grant[]) {
  const area = h('textarea', { id: 'grants-extra', rows: 5, cols: 40, 'aria-describedby': 'grants-extra-help' });
  area.value = grants
    .filter((g) => g.extra)
    .map((g) => g.student)
    .join('\n');
  const saved = h('span', { role: 'status', class: 'help', id: 'grants-saved' });
  return h(
    'div',
    { class: 'grants' },
    h('p', { class: 'field' }, h('label', { for: 'grants-extra' }, t('teacher.grants')), area),
    h('p', { class: 'help', id: 'grants-extra-help' }, t('teacher.grantsHelp')),
    h(
      'p',
      {},
      h(
        'button',
        {
          type: 'button',
          id: 'save-grants',
          onclick: async () => {
            const list = parseGrants(area.value);
            await store.saveGrants(def.id, list);
            saved.textContent = t('teacher.grantsSaved', { count: list.length });
          },
        },
        t('teacher.grantsSave'),
      ),
      ' ',
      saved,
    ),
  );
}

export function sharePanel(ctx: PlatformContext, def: SessionDef, grants: Grant[] = []) {
  panel(
    ctx.app,
    'session-share',
    t('teacher.shareTitle', { name: def.name }),
    h('p', {}, t('teacher.shareIntro')),
    h(
      'p',
      { class: 'lead', id: 'session-summary' },
      t('teacher.summary', {
        list: def.scenarios.map((s) => `${tx(ctx.catalog.scenarios.find((x) => x.id === s.id)?.title) || s.id} (${s.limit / 60} min)`).join(', '),
        overall: def.overall / 60,
        seed: def.seed,
        threshold: def.threshold,
      }),
    ),
    shareBlock(def, 'standard'),
    def.extraPercent > 0 ? shareBlock(def, 'extra', grantsBlock(def, grants)) : null,
    h('p', { class: 'note' }, t('teacher.linkNote')),
    h('button', { type: 'button', class: 'primary', id: 'share-done', onclick: () => teacherHome(ctx) }, t('teacher.done')),
  );
}
