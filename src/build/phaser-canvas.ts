import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/**
 * Phaser's own "custom build" (what its webpack configs do with DefinePlugin), for Vite:
 * `phaser` resolves to src/game/phaser-canvas.js, which takes from Phaser's sources only
 * what the hall draws with, and the build flags keep the Canvas renderer, drop WebGL and
 * Phaser's sound (Howler plays ours). The Phaser chunk goes from 1.4 MB to about 0.5 MB;
 * types still come from the full package (`import * as Phaser from 'phaser'`).
 */
const FLAGS: Record<string, string> = { CANVAS_RENDERER: 'true', WEBGL_RENDERER: 'false', WEBGL_DEBUG: 'false', FEATURE_SOUND: 'false', EXPERIMENTAL: 'false' };

const WEBGL_PROBE = 'Features.webGL = testWebGL();';

export const PHASER_ENTRY = fileURLToPath(new URL('../game/phaser-canvas.js', import.meta.url));
export const PHASER_SOURCES = fileURLToPath(new URL('../../node_modules/phaser/src/', import.meta.url));

export function phaserCanvas(): Plugin {
  return {
    name: 'comptoir-phaser-canvas',
    enforce: 'pre',
    // Built site only: Vite's dev server pre-bundles each of Phaser's CommonJS files on its
    // own, which breaks its class chains; `npm start` serves the full Phaser (Canvas renderer too).
    apply: 'build',
    config: () => ({
      resolve: {
        alias: [
          { find: /^phaser$/, replacement: PHASER_ENTRY },
          { find: /^phaser-src\//, replacement: PHASER_SOURCES },
        ],
      },
    }),
    transform(code, id) {
      if (!id.startsWith(PHASER_SOURCES)) return;
      let out = code;
      if (id.endsWith('/device/Features.js')) {
        // Phaser opens a WebGL context at load just to say whether it could (~90 ms at 4× throttling
        // without a GPU); with no WebGL renderer built in, the answer is never used.
        if (!out.includes(WEBGL_PROBE)) this.error(`Phaser's device/Features.js no longer contains "${WEBGL_PROBE}": check the Canvas build`);
        out = out.replace(WEBGL_PROBE, 'Features.webGL = false;');
      }
      // `typeof FLAG` is always truthy unless replaced: undefined globals give the string "undefined".
      out = out.replace(
        /typeof (CANVAS_RENDERER|WEBGL_RENDERER|WEBGL_DEBUG|FEATURE_SOUND|EXPERIMENTAL|PLUGIN_[A-Z0-9_]+)\b/g,
        (_, flag: string) => FLAGS[flag] ?? 'false',
      );
      return out === code ? undefined : { code: out, map: null };
    },
  };
}
