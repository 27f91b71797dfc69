import { defineConfig } from 'vite';
import { compileScenarios } from './src/build/compile-scenarios.ts';
import { contentSecurityPolicy } from './src/build/csp.ts';

export default defineConfig({
  // Relative paths so the same build runs from a file server, a sub-folder or an LMS package.
  base: './',
  // Scenario YAML → checked JSON at build time (issue 10): no YAML parser or schema in the browser.
  // Built site only: a Content-Security-Policy meta tag (no inline script, no eval).
  plugins: [compileScenarios(), contentSecurityPolicy()],
  server: { port: 5173, host: '127.0.0.1' },
  preview: { port: 4173, host: '127.0.0.1' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1600, // Phaser alone is ~1.4 MB raw; it is loaded on demand, after the menu.
  },
});
