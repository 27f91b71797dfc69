import * as Phaser from 'phaser';
import { H, W } from '../art/layout';
import { C } from '../art/palette';
import { SVG_ART, svgDataUri } from '../art/svg';
import { EVT_BOOT_DONE, SCENE } from '../keys';

/** Generates the decor textures (real loader progress), then hands over to the hall. */
export class BootScene extends Phaser.Scene {
  constructor() {
    super(SCENE.boot);
  }

  preload(): void {
    // The DOM overlay owns the keyboard: never preventDefault on its keys.
    this.input.keyboard?.disableGlobalCapture();
    this.cameras.main.setBackgroundColor(C.wall);

    const bw = 420;
    const bh = 26;
    const x = (W - bw) / 2;
    const y = H / 2 - bh / 2;
    const frame = this.add.graphics();
    frame.fillStyle(C.white, 1);
    frame.fillRoundedRect(x - 6, y - 6, bw + 12, bh + 12, (bh + 12) / 2);
    frame.lineStyle(3, C.teal, 1);
    frame.strokeRoundedRect(x - 6, y - 6, bw + 12, bh + 12, (bh + 12) / 2);
    const bar = this.add.graphics();
    this.load.on(Phaser.Loader.Events.PROGRESS, (value: number) => {
      bar.clear();
      bar.fillStyle(C.teal, 1);
      bar.fillRoundedRect(x, y, Math.max(bh, bw * value), bh, bh / 2);
    });

    for (const art of SVG_ART) {
      if (!this.textures.exists(art.key)) this.load.svg(art.key, svgDataUri(art), { width: art.w, height: art.h });
    }
  }

  create(): void {
    // Announce "done" only once the queued switch to the hall has run, so a caller
    // that immediately asks for another scene cannot end up with two running.
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => this.game.events.emit(EVT_BOOT_DONE));
    this.scene.start(SCENE.hall);
  }
}
