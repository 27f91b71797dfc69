import { t } from '../../i18n';
import type { PlatformContext } from '../assessment/context';
import { panel } from '../assessment/screens';
import { h } from '../dom';
import { requirePin } from './pin';

/** Leaves the teacher area for the menu, without the #teacher that would bring it back on reload. */
export function toMenu(ctx: PlatformContext) {
  history.replaceState(null, '', location.pathname + location.search);
  ctx.menu();
}

export function openTeacher(ctx: PlatformContext) {
  requirePin(
    ctx.app,
    () => teacherHome(ctx),
    () => toMenu(ctx),
  );
}

export function teacherHome(ctx: PlatformContext) {
  const go = (load: () => Promise<void>) => () => void load();
  panel(
    ctx.app,
    'teacher-home',
    t('teacher.title'),
    h('p', {}, t('teacher.intro')),
    h(
      'ul',
      { class: 'teacher-actions' },
      h(
        'li',
        {},
        h(
          'button',
          { type: 'button', class: 'primary big', id: 'build-session', onclick: go(async () => (await import('./builder')).sessionBuilder(ctx)) },
          t('teacher.build'),
        ),
      ),
      h(
        'li',
        {},
        h(
          'button',
          { type: 'button', class: 'primary big', id: 'class-view', onclick: go(async () => (await import('./class-view')).classView(ctx)) },
          t('teacher.classView'),
        ),
      ),
      h('li', {}, h('button', { type: 'button', id: 'teacher-exit', onclick: () => toMenu(ctx) }, t('teacher.back'))),
    ),
  );
}
