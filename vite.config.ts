import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { compileScenarios } from './src/build/compile-scenarios.ts';
import { contentSecurityPolicy } from './src/build/csp.ts';
import { phaseTables } from './src/build/phase-tables.ts';
import { phaserCanvas } from './src/build/phaser-canvas.ts';

/** The SCORM package must not ship a service worker (an LMS iframe): build it with COMPTOIR_NO_SW=1. */
const offline = process.env.COMPTOIR_NO_SW !== '1';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

export default defineConfig({
  // Relative paths so the same build runs from a file server, a sub-folder or an LMS package.
  base: './',
  // Written into every run and results file (issue 7).
  define: { __APP_VERSION__: JSON.stringify(version) },
  server: { port: 5173, host: '127.0.0.1' },
  preview: { port: 4173, host: '127.0.0.1' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 600, // Phaser (Canvas build) is ~0.5 MB raw; it is loaded on demand, after the menu.
  },
  plugins: [
    // Phaser with the Canvas renderer only, from its sources (about a third of the full bundle).
    phaserCanvas(),
    // Scenario YAML → checked JSON at build time (issue 10): no YAML parser or schema in the browser.
    compileScenarios(),
    // The phase lookup tables as JSON, derived from the machines at build time: no XState in the browser.
    phaseTables(),
    // Built site only: a Content-Security-Policy meta tag (no inline script, no eval).
    contentSecurityPolicy(),
    VitePWA({
      disable: !offline,
      // We register ourselves (src/offline/register.ts) so an update waits for the menu, never interrupting a contact.
      injectRegister: false,
      registerType: 'prompt',
      includeAssets: ['icons/*.svg', 'icons/*.png'],
      manifest: {
        name: 'Comptoir — accueil en face à face',
        short_name: 'Comptoir',
        description: "S'entraîner à l'accueil en face à face (Bac Pro ARCU).",
        lang: 'fr',
        start_url: './',
        scope: './',
        display: 'standalone',
        orientation: 'any',
        background_color: '#fbf7f0',
        theme_color: '#1f4e5f',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: 'icons/icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        // Everything the game needs to start and play offline: code (Phaser included), styles, icons, any audio.
        globPatterns: ['**/*.{js,css,html,svg,png,ico,webmanifest,json,wav,mp3,ogg,opus,m4a}'],
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
});
