import './ui/styles.css';
import { armAudio, play as cue } from './audio/sound';
import type { Catalog } from './core/load/catalog';
// --- assessment sessions, teacher area, student history (issue 7) ---
import { scenarioHash } from './core/run/hash';
import type { GameHandle } from './game/launch';
import { initI18n, LANGUAGES, onLanguageChanged, t } from './i18n';
import { registerOffline } from './offline/register';
import { findApi } from './platform/scorm';
import { store } from './platform/store';
import { applyToPage } from './settings/prefs';
import { APP_VERSION, lock, type PlatformContext } from './ui/assessment/context';
import { platformLinks, platformRoute } from './ui/assessment/route';
import { browserCatalog, fullCatalog, type MenuCatalog, playable } from './ui/catalog';
import { clear, h } from './ui/dom';
import { type MenuChoice, renderMenu } from './ui/menu';
import type { PlayScreen } from './ui/play-screen';
import type { Session } from './ui/session';
import { type IgnoredParam, readUrlParams } from './ui/url-params';

const app = document.getElementById('app')!;
/** Test hooks, harmless for players: a fixed seed and a faster clock; a bad value is ignored and said so. */
const params = readUrlParams(location.search, LANGUAGES);
const fixedSeed = params.seed;
const speed = params.speed;

let catalog: MenuCatalog;
let game: GameHandle | undefined;
/** Where "back to the menu" leads: the free-play list or the path, whichever the student last chose. */
let home: 'menu' | 'path' = 'menu';

/**
 * The engine (XState machines, their derived tables, the shift) and the play, debrief and
 * replay screens are loaded when a scenario starts, not with the menu: the first screen
 * stays small and quick to run (npm run bench, "menu interactive").
 */
const playKit = () => Promise.all([import('./ui/session'), import('./ui/play-screen')]).then(([s, p]) => ({ Session: s.Session, PlayScreen: p.PlayScreen }));

/** Phaser is loaded on demand, after the menu is already usable. */
async function mountGame(stage: HTMLElement, source: Parameters<typeof import('./game/launch').launchGame>[1]) {
  game?.destroy();
  const loading = h('p', { class: 'loading', role: 'status' }, t('play.loading'));
  stage.append(loading);
  const { launchGame } = await import('./game/launch');
  game = await launchGame(stage, source);
  loading.remove();
  return game;
}

function menu() {
  if (home === 'path') return void showPath();
  game?.destroy();
  game = undefined;
  const root = h('main', { class: 'menu', id: 'menu' });
  clear(app, root);
  renderMenu(root, catalog, start, () => ((home = 'path'), menu()));
  app.append(platformLinks());
  // Focus the title, not "Start": focusing a button far down would scroll the page past the title and language.
  (root.querySelector('h1') as HTMLElement | null)?.focus({ preventScroll: true });
  window.scrollTo(0, 0);
  document.dispatchEvent(new Event('comptoir:menu'));
}

/** The path (parcours), loaded on demand: levels, best results, the next step; free play one button away. */
async function showPath() {
  game?.destroy();
  game = undefined;
  const { renderPath } = await import('./ui/path');
  const root = h('main', { class: 'path', id: 'path' });
  clear(app, root);
  await renderPath(root, {
    app,
    scenarios: catalog.scenarios,
    onStart: (scenario) => void start({ scenario, mode: 'practice' }),
    onAll: () => ((home = 'menu'), menu()),
    reopen: () => void showPath(),
  });
  (root.querySelector('h1') as HTMLElement | null)?.focus({ preventScroll: true });
  window.scrollTo(0, 0);
  document.dispatchEvent(new Event('comptoir:menu'));
}

async function start({ scenario: card, mode }: MenuChoice) {
  void import('./game/launch'); // fetch Phaser while the scenario data loads, not after (mountGame reuses it)
  // Compiled data and the engine, fetched on demand, together.
  const [{ scenario, rubric }, { Session, PlayScreen }] = await Promise.all([playable(card), playKit()]);
  const seed = fixedSeed ?? crypto.getRandomValues(new Uint32Array(1))[0] % 1_000_000;
  const session = new Session(scenario, rubric, seed, mode, speed);
  const screen: PlayScreen = new PlayScreen(session, () => void debrief(session, screen), menu);
  clear(app, screen.root);
  screen.begin();
  screen.attachGame(await mountGame(screen.stage, screen));
}

async function debrief(session: Session, screen: PlayScreen) {
  const [{ resultOf }, { Debrief }, { historyEntry }, { nextStepBlock }] = await Promise.all([
    import('./core/result'),
    import('./ui/debrief'),
    import('./ui/history/score'),
    import('./ui/next-step'),
  ]);
  const result = resultOf(session.shift);
  // The run names its mode, the game's version and the scenario it was played on (issue 7).
  const run = { ...session.run(), mode: session.mode, app: APP_VERSION, scenarioHash: scenarioHash(session.scenario) };
  // "Mes progrès" and the path keep what the debrief scores, so all show the same score (ui/history/score.ts).
  const saved = store.addHistory(historyEntry(result, session.mode, new Date().toISOString()));
  const view = new Debrief(result, session.rubric, session.scenario, session.shift, {
    onChart: (state) => screen.showChart(state),
    onReplay: (at) => replay(session, run, at, back),
    // Trying a moment again is for practice: in a timed assessment the contact counts as played.
    onRetry: session.mode === 'practice' ? (at) => retry(session, run, at, back) : undefined,
    onMenu: menu,
    nextStep: () =>
      nextStepBlock({
        scenarios: catalog.scenarios,
        justPlayed: run.scenario,
        records: saved.then(() => store.history()).catch(() => []),
        onStart: (card) => void start({ scenario: card, mode: session.mode }),
      }),
    onDownload: () => {
      const blob = new Blob([JSON.stringify(run, null, 2)], { type: 'application/json' });
      const a = h('a', { href: URL.createObjectURL(blob), download: `comptoir-${run.scenario}-${run.seed}.json` });
      a.click();
      URL.revokeObjectURL(a.href);
    },
  });
  screen.showDebrief(view.root);
  /** Leaving a replay or a retried moment comes back here, to this debrief, not to the menu. */
  async function back() {
    clear(app, screen.root);
    view.restore();
    screen.attachGame(await mountGame(screen.stage, screen));
    view.redrawChart();
  }
}

async function replay(session: Session, run: ReturnType<Session['run']>, at: number | undefined, back: () => void) {
  const { ReplayScreen } = await import('./ui/replay');
  const screen = new ReplayScreen(session.scenario, session.rubric, run, back);
  clear(app, screen.root);
  await mountGame(screen.stage, screen);
  screen.start(at ?? 0);
  (screen.root.querySelector('#close-replay') as HTMLElement).focus();
}

/** Practice: the same contact again, just before the chosen decision. */
async function retry(previous: Session, run: ReturnType<Session['run']>, at: number, back: () => void) {
  const { Session, PlayScreen } = await playKit();
  const session = Session.before(previous.scenario, previous.rubric, run, at, speed);
  // Quitting the retried moment goes back to the debrief it came from.
  const screen: PlayScreen = new PlayScreen(session, () => void debrief(session, screen), back);
  clear(app, screen.root);
  screen.resume();
  screen.attachGame(await mountGame(screen.stage, screen));
}

/** Above the app, so it survives screen changes until closed. */
function noticeIgnored(ignored: IgnoredParam[]) {
  if (!ignored.length) return;
  const close = h('button', { type: 'button' }, t('urlParams.close'));
  const notice = h(
    'div',
    { class: 'url-notice', role: 'status' },
    h('div', {}, ...ignored.map((i) => h('p', {}, t('urlParams.ignored', { param: `${i.name}=${i.value}`, expected: t(i.expected) })))),
    close,
  );
  close.addEventListener('click', () => notice.remove());
  app.before(notice);
}

/** What the assessment, teacher and history screens use of this shell. */
function platform(full: Catalog): PlatformContext {
  return {
    app,
    catalog: full,
    speed,
    mountGame,
    destroyGame: () => {
      game?.destroy();
      game = undefined;
    },
    menu: () => {
      const url = new URL(location.href);
      url.searchParams.delete('session');
      history.replaceState(null, '', url.pathname + url.search);
      menu();
    },
  };
}

async function boot() {
  applyToPage();
  matchMedia?.('(prefers-reduced-motion: reduce)').addEventListener?.('change', () => applyToPage());
  armAudio();
  // Interface clicks: any button, one soft sound (nothing before the first gesture, by construction).
  document.addEventListener('click', (e) => (e.target as Element | null)?.closest?.('button') && cue('click'));
  await initI18n();
  // The platform links sit beside the menu, which redraws itself: they follow a change of language too.
  onLanguageChanged(() => document.querySelector('.platform-links')?.replaceWith(platformLinks()));
  noticeIgnored(params.ignored);
  catalog = browserCatalog();
  // The teacher area, a session or an LMS need every scenario in full; the ordinary menu does not.
  const wanted = new URLSearchParams(location.search).has('session') || lock.get() || ['#teacher', '#history'].includes(location.hash) || findApi(window);
  if (wanted && (await platformRoute(platform(await fullCatalog())))) return;
  menu();
  registerOffline(() => !game);
}

boot().catch((err) => {
  // French first, like the rest of the game; the interface's words once i18next is up.
  const message = (err as Error).message;
  const words = t('platform.bootFailed', { message });
  app.textContent = !words || words === 'platform.bootFailed' ? `Comptoir n'a pas pu démarrer : ${message}` : words;
});
