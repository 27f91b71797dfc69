/**
 * Offline play: the service worker (vite-plugin-pwa, Workbox) caches the whole
 * game on first load. A new version is downloaded in the background and switched
 * to only while the menu shows — never in the middle of a contact. Saved data
 * lives in localStorage / IndexedDB, which an update does not touch.
 */
export function registerOffline(onMenu: () => boolean) {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  import('virtual:pwa-register')
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
