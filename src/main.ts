import './ui/styles.css';
import type { Catalog } from './core/load/catalog';
import { resultOf } from './core/result';
// --- assessment sessions, teacher area, student history (issue 7) ---
import { scenarioHash } from './core/run/hash';
import type { GameHandle } from './game/launch';
import { initI18n, t } from './i18n';
import { store } from './platform/store';
import { APP_VERSION, type PlatformContext } from './ui/assessment/context';
import { platformLinks, platformRoute } from './ui/assessment/route';
import { browserCatalog } from './ui/catalog';
import { Debrief } from './ui/debrief';
import { clear, h } from './ui/dom';
import { type MenuChoice, renderMenu } from './ui/menu';
import { PlayScreen } from './ui/play-screen';
import { ReplayScreen } from './ui/replay';
import { Session } from './ui/session';

const app = document.getElementById('app')!;
const params = new URLSearchParams(location.search);
/** Test hooks, harmless for players: a fixed seed and a faster clock. */
const fixedSeed = params.has('seed') ? Number(params.get('seed')) : undefined;
const speed = Math.min(50, Math.max(1, Number(params.get('speed') ?? 1)));

let catalog: Catalog;
let game: GameHandle | undefined;

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
  game?.destroy();
  game = undefined;
  const root = h('main', { class: 'menu', id: 'menu' });
  clear(app, root);
  renderMenu(root, catalog, start);
  app.append(platformLinks());
  (root.querySelector('#start') as HTMLElement | null)?.focus();
}

async function start({ scenario, mode }: MenuChoice) {
  const rubric = catalog.rubrics.get(scenario.rubric)!;
  const seed = fixedSeed ?? crypto.getRandomValues(new Uint32Array(1))[0] % 1_000_000;
  const session = new Session(scenario, rubric, seed, mode, speed);
  const screen: PlayScreen = new PlayScreen(session, () => debrief(session, screen), menu);
  clear(app, screen.root);
  screen.begin();
  screen.attachGame(await mountGame(screen.stage, screen));
}

function debrief(session: Session, screen: PlayScreen) {
  const result = resultOf(session.shift);
  // The run names its mode, the game's version and the scenario it was played on (issue 7).
  const run = { ...session.run(), mode: session.mode, app: APP_VERSION, scenarioHash: scenarioHash(session.scenario) };
  const levels = Object.fromEntries(Object.entries(result.criteria).map(([id, c]) => [id, c.level]));
  void store.addHistory({ at: new Date().toISOString(), scenario: run.scenario, mode: session.mode, levels, satisfaction: result.satisfaction.score });
  const view = new Debrief(result, session.rubric, session.scenario.desk.startTime, {
    onChart: (state) => game?.showDebrief(state),
    onReplay: () => replay(session, run),
    onMenu: menu,
    onDownload: () => {
      const blob = new Blob([JSON.stringify(run, null, 2)], { type: 'application/json' });
      const a = h('a', { href: URL.createObjectURL(blob), download: `comptoir-${run.scenario}-${run.seed}.json` });
      a.click();
      URL.revokeObjectURL(a.href);
    },
  });
  screen.showDebrief(view.root);
}

async function replay(session: Session, run: ReturnType<Session['run']>) {
  const screen = new ReplayScreen(session.scenario, session.rubric, run, menu);
  clear(app, screen.root);
  await mountGame(screen.stage, screen);
  screen.start();
  (screen.root.querySelector('#close-replay') as HTMLElement).focus();
}

/** What the assessment, teacher and history screens use of this shell. */
function platform(): PlatformContext {
  return {
    app,
    catalog,
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
  await initI18n();
  catalog = browserCatalog();
  if (await platformRoute(platform())) return;
  menu();
}

boot().catch((err) => {
  app.textContent = `Comptoir could not start: ${(err as Error).message}`;
});
