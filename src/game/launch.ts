import * as Phaser from 'phaser';
import { H, W } from './art/layout';
import { C } from './art/palette';
import { type ArtSheet, artSheet } from './art/sheet';
import type { HallSource } from './hall-state';
import { EVT_BOOT_DONE, REG_ART_SHEET, REG_HALL_SOURCE, SCENE } from './keys';
import { BootScene } from './scenes/boot';
import { HallScene } from './scenes/hall';
import { keepStill } from './stillness';

export interface GameHandle {
  /** (Re)starts the hall scene; it reads the HallSource given to launchGame. */
  showHall(): void;
  /** Stops the game and removes its canvas from the parent (the game itself is kept for the next scenario). */
  destroy(): void;
}

/** Started as soon as this module arrives (with Phaser, at Start), decoded while the scenario loads. */
const sheet = artSheet();

/**
 * ONE Phaser game for the whole page, reused across scenarios: a new Game per
 * scenario left a visibilitychange listener, DOM nodes and ~0.3 MB behind each time,
 * and paid the texture generation again.
 */
let shared: { game: Phaser.Game; booted: Promise<void>; isBooted: () => boolean; wake: () => void } | undefined;
/** The handle that owns the game now; an older handle's destroy() must not touch it. */
let owner: object | undefined;

function createGame(parent: HTMLElement, art: ArtSheet) {
  const game = new Phaser.Game({
    // Canvas, the only renderer built in (src/build/phaser-canvas.ts): without a GPU it draws the hall
    // at 60 fps where WebGL in software gave 12–20, and with a GPU the browser accelerates 2D canvas anyway.
    type: Phaser.CANVAS,
    parent,
    width: W,
    height: H,
    backgroundColor: C.wall,
    banner: false,
    // The page (possibly a Moodle iframe) keeps its focus; the DOM overlay drives everything.
    autoFocus: false,
    disableContextMenu: false,
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH, width: W, height: H },
    input: {
      // No scene reads keys: capture nothing so arrows/space/Enter/digits reach the DOM.
      keyboard: { capture: [] },
      // No pointer input either: avoids preventDefault on touches over the canvas (page scroll on phones).
      mouse: false,
      touch: false,
      gamepad: false,
    },
    audio: { noAudio: true }, // sounds are played by src/audio (Howler)
    scene: [BootScene, HallScene],
  });
  game.registry.set(REG_ART_SHEET, art);
  let done = false;
  const booted = new Promise<void>((resolve) =>
    game.events.once(EVT_BOOT_DONE, () => {
      done = true;
      resolve();
    }),
  );
  const wake = keepStill(game, booted);
  return { game, booted, isBooted: () => done, wake };
}

/**
 * Shows the game inside `parent` (scaled to fit, 1280×720 design size) and resolves
 * once the textures exist and the hall is starting. The first call creates the game;
 * later calls move its canvas and restart the hall with the new source.
 */
export async function launchGame(parent: HTMLElement, hall: HallSource): Promise<GameHandle> {
  const art = await sheet;
  const first = !shared;
  shared ??= createGame(parent, art);
  const { game, booted, isBooted, wake } = shared;
  const lease = {};
  owner = lease;
  game.registry.set(REG_HALL_SOURCE, hall);
  const unsubscribe = hall.subscribe(wake); // redraw on change: a state change wakes a sleeping loop
  if (game.canvas.parentElement !== parent) {
    parent.append(game.canvas);
    game.scale.parent = parent;
    game.scale.refresh();
  }
  wake();
  await booted;

  const scenes = game.scene;
  const mine = () => owner === lease;
  const stopAllBut = (key: string) => {
    // Boot is never cut short: the textures it makes are kept for every later scenario.
    for (const k of [SCENE.boot, SCENE.hall]) if (k !== key && scenes.isActive(k) && (k !== SCENE.boot || isBooted())) scenes.stop(k);
  };
  const handle: GameHandle = {
    showHall() {
      if (!mine()) return;
      stopAllBut(SCENE.hall);
      scenes.start(SCENE.hall);
      wake();
    },
    destroy() {
      if (!mine()) return;
      owner = undefined;
      unsubscribe();
      stopAllBut('');
      game.registry.remove(REG_HALL_SOURCE);
      game.canvas.remove();
      // The scale manager would keep the screen's stage as its parent, and with it the whole
      // screen just left (detached) until the next scenario; null makes it skip its resizing.
      game.scale.parent = null;
      wake(); // one step so the scene stops run; the still check then puts the loop to sleep
    },
  };
  if (!first) handle.showHall();
  return handle;
}

/** The page's one game, if created (for the bench's frame counter). */
export const sharedGame = (): Phaser.Game | undefined => shared?.game;
