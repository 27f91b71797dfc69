import * as Phaser from 'phaser';
import type { ArtSheet } from '../art/sheet';
import { ART_SHEET } from '../art/svg';
import { EVT_BOOT_DONE, REG_ART_SHEET, SCENE } from '../keys';

/**
 * Turns the decor sheet (decoded while the game's code loaded, see art/sheet.ts) into
 * one texture with a frame per piece, then hands over to the hall. No loader, no
 * progress bar: nothing is left to wait for.
 */
export class BootScene extends Phaser.Scene {
  constructor() {
    super(SCENE.boot);
  }

  create(): void {
    if (!this.textures.exists(ART_SHEET)) {
      const { image, sheet } = this.registry.get(REG_ART_SHEET) as ArtSheet;
      const texture = this.textures.addImage(ART_SHEET, image)!;
      for (const f of sheet.frames) texture.add(f.key, 0, f.x, f.y, f.w, f.h);
    }
    // Announce "done" only once the queued switch to the hall has run, so a caller
    // that immediately asks for another scene cannot end up with two running.
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => this.game.events.emit(EVT_BOOT_DONE));
    this.scene.start(SCENE.hall);
  }
}
