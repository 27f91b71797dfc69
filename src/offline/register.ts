import { MARK_HALL_FRAME } from '../game/keys';

/**
 * Offline play: the service worker (vite-plugin-pwa, Workbox) caches the whole
 * game on first load. A new version is downloaded in the background and switched
 * to only while the menu shows — never in the middle of a contact. Saved data
 * lives in localStorage / IndexedDB, which an update does not touch.
 */
export function registerOffline(onMenu: () => boolean) {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  whenQuiet()
    .then(() => import('virtual:pwa-register'))
    .then(({ registerSW }) => {
      let waiting = false;
      const update = registerSW({
        immediate: true,
        onNeedRefresh() {
          waiting = true;
          if (onMenu()) void update(true);
        },
      });
      // Checked again whenever the player comes back to the menu.
      document.addEventListener('comptoir:menu', () => waiting && void update(true));
    })
    .catch(() => {
      /* no service worker (private mode, LMS iframe): the game still runs online */
    });
}

/**
 * On a first visit the service worker downloads and stores the whole game (about 1.5 MB),
 * work that competed with starting the first scenario on a 2-core machine (npm run
 * bench: the first hall frame). So it is registered once the page is quiet: when the
 * hall has drawn its first frame, or after a few seconds at the menu, when the browser idles.
 */
function whenQuiet(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      seen.disconnect();
      resolve();
    };
    const seen = new PerformanceObserver((list) => list.getEntriesByName(MARK_HALL_FRAME).length && done());
    try {
      seen.observe({ type: 'mark', buffered: true });
    } catch {
      /* an older browser without typed observers: the timer alone decides */
    }
    const idle = (f: () => void) => ('requestIdleCallback' in window ? requestIdleCallback(f, { timeout: 2000 }) : f());
    const timer = setTimeout(() => idle(done), 3000);
  });
}
