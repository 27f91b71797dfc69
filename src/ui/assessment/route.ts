import '../platform.css';
import { t } from '../../i18n';
import { Lms } from '../../platform/scorm';
import { type Attempt, store } from '../../platform/store';
import { h } from '../dom';
import { knownAttempts, lock, type PlatformContext } from './context';
import { otherTabScreen, refusedScreen, welcomeScreen } from './screens';
import { unpackAttempt } from './suspend';
import { claimTab } from './tab-lock';

export const SESSION_FILE_FORMAT = 'comptoir-session';

/**
 * Decides at start-up whether the game opens locked in a session (a link, the
 * lock kept across reloads, or an LMS), the teacher area, or the student's
 * history. Returns false when the ordinary menu should show.
 */
export async function platformRoute(ctx: PlatformContext): Promise<boolean> {
  const params = new URLSearchParams(location.search);
  const lms = Lms.connect();
  if (lms) addEventListener('pagehide', () => lms.finish());
  let token: string | null | undefined = params.get('session') ?? lock.get();
  if (!token && lms)
    token = await fetch('session.txt').then(
      (r) => (r.ok ? r.text() : null),
      () => null,
    );
  if (token) {
    await startSession(ctx, token.trim(), lms);
    return true;
  }
  if (location.hash === '#teacher') {
    const { openTeacher } = await import('../teacher/area');
    openTeacher(ctx);
    return true;
  }
  if (location.hash === '#history') {
    const { openHistory } = await import('../history/history');
    openHistory(ctx);
    return true;
  }
  return false;
}

export async function startSession(ctx: PlatformContext, token: string, lms?: Lms) {
  // Loaded only for a session: its schema (zod) and the engine stay out of the first screen.
  const [{ decodeSession }, { AttemptRunner }] = await Promise.all([import('../../core/run/session-def'), import('./runner')]);
  const decoded = decodeSession(token);
  if ('refused' in decoded) {
    lock.release();
    return refusedScreen(ctx, decoded.refused);
  }
  const def = decoded.session;
  // One attempt, one tab: a second tab waits here, writes nothing, and takes over when the first lets go.
  await claimTab(`comptoir-session-${def.id}`, () => otherTabScreen(ctx, def));
  lock.set(token);
  const attempts = knownAttempts(await store.attempts(def.id).catch(() => [] as Attempt[]), def, token);
  let current = attempts.find((a) => a.status === 'in-progress');
  const suspended = lms?.suspendData;
  if (!current && suspended) current = unpackAttempt(suspended, token);
  if (current) return new AttemptRunner(ctx, def, current, lms).next();
  const known = lms ? { name: lms.studentName, group: '' } : await store.get<{ name: string; group: string }>('student').catch(() => undefined);
  welcomeScreen(ctx, def, attempts, known, !!lms, async (student) => {
    await store.set('student', student);
    const n = Math.max(attempts.length, ...attempts.map((a) => a.attempt)) + 1;
    const attempt: Attempt = {
      key: `${def.id}-${n}-${Date.now().toString(36)}`,
      sessionId: def.id,
      token,
      attempt: n,
      student,
      startedAt: Date.now(),
      status: 'in-progress',
      runs: [],
    };
    await store.saveAttempt(attempt);
    await new AttemptRunner(ctx, def, attempt, lms).next();
  });
}

/** Links under the menu: teacher area, own progress, and opening a session file. */
export function platformLinks(): HTMLElement {
  const file = h('input', { type: 'file', id: 'session-file', accept: '.json,application/json', hidden: true, 'aria-hidden': 'true', tabindex: '-1' });
  const error = h('p', { role: 'alert', class: 'warning', hidden: true });
  file.addEventListener('change', async () => {
    const f = file.files?.[0];
    if (!f) return;
    try {
      if (f.size > 100_000) throw new Error('size');
      const data = JSON.parse(await f.text());
      if (data?.format !== SESSION_FILE_FORMAT || typeof data.token !== 'string') throw new Error('format');
      location.search = `?session=${encodeURIComponent(data.token)}`;
    } catch {
      error.hidden = false;
      error.textContent = t('platform.badSessionFile');
    }
  });
  const go = (hash: string) => () => {
    location.hash = hash;
    location.reload();
  };
  return h(
    'nav',
    { class: 'platform-links', 'aria-label': t('platform.nav') },
    h('button', { type: 'button', id: 'open-history', onclick: go('#history') }, t('platform.history')),
    h('button', { type: 'button', id: 'open-session-file', onclick: () => file.click() }, t('platform.openSession')),
    file,
    h('button', { type: 'button', id: 'open-teacher', onclick: go('#teacher') }, t('platform.teacher')),
    error,
  );
}
