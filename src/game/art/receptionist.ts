import * as Phaser from 'phaser';
import { HEAD_R } from './face';
import { C, RECEPTIONIST_LOOK as L } from './palette';

export type DeskPose = 'seated' | 'standing' | 'walking';
export type Gaze = 'screen' | 'visitor';

/** Same proportions as a visitor (origin between the feet) but seen from behind. */
const HEAD_Y = -258;
const SHOULDER_Y = -218;
const HIP_Y = -124;
/** Seated, the whole upper body sinks; the chair back hides the hips. */
const SEAT_DROP = 64;

/**
 * The player's avatar, seen from behind: the back of the head turns toward the
 * screen (left) or the visitor (right) so students see where their attention goes.
 */
export class Receptionist extends Phaser.GameObjects.Container {
  private readonly rig: Phaser.GameObjects.Container;
  private readonly legL: Phaser.GameObjects.Graphics;
  private readonly legR: Phaser.GameObjects.Graphics;
  private readonly bodyG: Phaser.GameObjects.Graphics;
  private readonly headG: Phaser.GameObjects.Graphics;
  private pose: DeskPose = 'seated';
  private gaze: Gaze = 'screen';
  private walkTweens: Phaser.Tweens.Tween[] = [];

  constructor(scene: Phaser.Scene, x: number, y: number) {
    super(scene, x, y);
    this.rig = scene.add.container(0, 0);
    this.legL = scene.add.graphics();
    this.legR = scene.add.graphics();
    this.bodyG = scene.add.graphics();
    this.headG = scene.add.graphics();
    this.rig.add([this.legL, this.legR, this.bodyG, this.headG]);
    this.add(this.rig);
    this.redraw();
    scene.add.existing(this);
  }

  set(pose: DeskPose, gaze: Gaze): void {
    if (pose === this.pose && gaze === this.gaze) return;
    this.pose = pose;
    this.gaze = gaze;
    this.redraw();
  }

  /** Called by the scene around its position tweens, so legs only swing while moving. */
  animateLegs(on: boolean): void {
    for (const t of this.walkTweens) t.remove();
    this.walkTweens = [];
    this.legL.angle = 0;
    this.legR.angle = 0;
    this.rig.y = 0;
    if (!on) return;
    const tw = this.scene.tweens;
    this.walkTweens.push(
      tw.add({ targets: this.legL, angle: { from: -12, to: 12 }, duration: 280, yoyo: true, repeat: -1, ease: 'Sine.easeInOut' }),
      tw.add({ targets: this.legR, angle: { from: 12, to: -12 }, duration: 280, yoyo: true, repeat: -1, ease: 'Sine.easeInOut' }),
      tw.add({ targets: this.rig, y: -6, duration: 140, yoyo: true, repeat: -1, ease: 'Sine.easeInOut' }),
    );
  }

  override destroy(fromScene?: boolean): void {
    for (const t of this.walkTweens) t.remove();
    super.destroy(fromScene);
  }

  private redraw(): void {
    const drop = this.pose === 'seated' ? SEAT_DROP : 0;
    const shoulderY = SHOULDER_Y + drop;
    const hipY = HIP_Y + drop;
    const headY = HEAD_Y + drop;

    for (const [g, side] of [
      [this.legL, -1],
      [this.legR, 1],
    ] as const) {
      g.clear();
      g.setPosition(side * 17, HIP_Y);
      g.setVisible(this.pose !== 'seated'); // hidden by the chair back anyway
      g.fillStyle(L.bottom, 1);
      g.fillRoundedRect(-12, -4, 24, -HIP_Y - 8, 8);
      g.fillStyle(L.shoes, 1);
      g.fillEllipse(0, -HIP_Y - 8, 30, 14);
    }

    const b = this.bodyG;
    b.clear();
    b.fillStyle(L.skin, 1);
    b.fillRect(-10, shoulderY - 16, 20, 20);
    b.fillStyle(L.bottom, 1);
    b.fillRoundedRect(-40, hipY - 16, 80, 26, 10);
    b.fillStyle(L.top, 1);
    b.fillRoundedRect(-44, shoulderY, 88, hipY - shoulderY + 6, { tl: 24, tr: 24, bl: 8, br: 8 });
    // Back seam and collar: they say "this is a back", not a faceless front.
    b.lineStyle(2, C.ink, 0.25);
    b.lineBetween(0, shoulderY + 14, 0, hipY);
    b.fillStyle(0x245a5e, 1);
    b.fillRoundedRect(-18, shoulderY - 4, 36, 12, 6);
    const sleeve = 0x285f63;
    if (this.pose === 'seated') {
      // Forearms go forward onto the desk: only the upper arms show, angled inward.
      const lean = this.gaze === 'screen' ? -6 : 6;
      b.fillStyle(sleeve, 1);
      b.fillRoundedRect(-60 + lean, shoulderY + 8, 20, 70, 10);
      b.fillRoundedRect(40 + lean, shoulderY + 8, 20, 70, 10);
    } else {
      b.fillStyle(sleeve, 1);
      b.fillRoundedRect(-60, shoulderY + 8, 19, hipY - shoulderY - 12, 9);
      b.fillRoundedRect(41, shoulderY + 8, 19, hipY - shoulderY - 12, 9);
      b.fillStyle(L.skin, 1);
      b.fillCircle(-51, hipY - 2, 9);
      b.fillCircle(51, hipY - 2, 9);
    }

    this.drawHead(headY);
  }

  private drawHead(headY: number): void {
    const h = this.headG;
    h.clear();
    const dir = this.gaze === 'visitor' ? 1 : -1;
    // Cheek, ear and nose tip peek out on the side the head is turned to.
    h.fillStyle(L.skin, 1);
    h.fillCircle(dir * 12, headY + 6, HEAD_R - 2);
    h.fillTriangle(dir * (HEAD_R + 6), headY + 6, dir * (HEAD_R + 14), headY + 16, dir * (HEAD_R + 4), headY + 18);
    h.fillStyle(L.hair, 1);
    h.fillCircle(-dir * 5, headY - 2, HEAD_R + 2);
    h.fillCircle(-dir * 4, headY - HEAD_R - 6, 15); // bun
    h.fillStyle(0x5a3219, 1);
    h.fillRoundedRect(-dir * 4 - 13, headY - HEAD_R + 5, 26, 6, 3); // hair tie
    h.fillStyle(L.skin, 1);
    h.fillEllipse(dir * (HEAD_R - 8), headY + 8, 10, 16); // ear
  }
}
