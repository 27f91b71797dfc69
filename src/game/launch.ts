import * as Phaser from 'phaser';
import { H, W } from './art/layout';
import { C } from './art/palette';
import type { DebriefState, HallSource } from './hall-state';
import { EVT_BOOT_DONE, REG_HALL_SOURCE, SCENE } from './keys';
import { BootScene } from './scenes/boot';
import { DebriefScene } from './scenes/debrief';
import { HallScene } from './scenes/hall';

export interface GameHandle {
  /** (Re)starts the hall scene; it reads the HallSource given to launchGame. */
  showHall(): void;
  /** Replaces whatever is shown with the debrief chart for this state. */
  showDebrief(state: DebriefState): void;
  /** Stops the game and removes its canvas from the parent. */
  destroy(): void;
}

/**
 * Creates the Phaser game inside `parent` (scaled to fit, 1280×720 design size) and
 * resolves once the textures are generated and the hall is starting.
 */
export async function launchGame(parent: HTMLElement, hall: HallSource): Promise<GameHandle> {
  const game = new Phaser.Game({
    type: Phaser.AUTO, // WebGL, or the canvas renderer where there is no GPU
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
    scene: [BootScene, HallScene, DebriefScene],
  });
  game.registry.set(REG_HALL_SOURCE, hall);

  await new Promise<void>((resolve) => game.events.once(EVT_BOOT_DONE, () => resolve()));

  const scenes = game.scene;
  const stopAllBut = (key: string) => {
    for (const k of [SCENE.boot, SCENE.hall, SCENE.debrief]) if (k !== key && scenes.isActive(k)) scenes.stop(k);
  };
  return {
    showHall() {
      stopAllBut(SCENE.hall);
      scenes.start(SCENE.hall);
    },
    showDebrief(state: DebriefState) {
      stopAllBut(SCENE.debrief);
      scenes.start(SCENE.debrief, state);
    },
    destroy() {
      game.destroy(true);
    },
  };
}
