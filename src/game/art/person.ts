import * as Phaser from 'phaser';
import { motionReduced } from '../../settings/prefs';
import type { Expression, Stance } from '../hall-state';
import { drawFace, HEAD_R } from './face';
import { C, type Look } from './palette';
import { ART_SHEET } from './svg';

export type Pose = 'stand' | 'sit';
/** A short gesture that comes back now and then: a glance at the watch, a wave to be noticed. */
export type Gesture = 'none' | 'watch' | 'wave';

/** Vertical layout of a front-facing figure at scale 1; origin = between the feet. */
const STAND = { headY: -258, shoulderY: -218, hipY: -124 };
/** Seated: the upper body drops so the hip rests on a seat 95 px above the floor. */
const SIT_DROP = 29;

function shade(colour: number, k: number): number {
  const r = Math.min(255, Math.round(((colour >> 16) & 255) * k));
  const g = Math.min(255, Math.round(((colour >> 8) & 255) * k));
  const b = Math.min(255, Math.round((colour & 255) * k));
  return (r << 16) | (g << 8) | b;
}

/**
 * A friendly flat figure facing the counter. Everything is drawn at scale 1 inside
 * `rig`, so the scene can move/scale the container and bob the rig independently.
 */
export class Person extends Phaser.GameObjects.Container {
  readonly rig: Phaser.GameObjects.Container;
  private readonly backG: Phaser.GameObjects.Graphics;
  private readonly legL: Phaser.GameObjects.Graphics;
  private readonly legR: Phaser.GameObjects.Graphics;
  private readonly bodyG: Phaser.GameObjects.Graphics;
  private readonly headG: Phaser.GameObjects.Graphics;
  private readonly faceG: Phaser.GameObjects.Graphics;
  private readonly frontG: Phaser.GameObjects.Graphics;
  private readonly steam: Phaser.GameObjects.Image[] = [];
  private pose: Pose = 'stand';
  private expression: Expression = 'neutral';
  private armsCrossed = false;
  private walking = false;
  private impatient = false;
  private angry = false;
  private stance: Stance = 'neutral';
  private gesture: Gesture = 'none';
  /** The arm position drawn right now: the gesture comes and goes, the wish stays. */
  private gestureOn = false;
  private gestureTimer?: Phaser.Time.TimerEvent;
  private motionTweens: Phaser.Tweens.Tween[] = [];
  private moodTweens: Phaser.Tweens.Tween[] = [];

  constructor(
    scene: Phaser.Scene,
    private readonly look: Look,
    private readonly wheelchair: boolean,
    private readonly cane: boolean,
    private readonly badge = false,
  ) {
    super(scene, 0, 0);
    const shadow = scene.add.graphics();
    shadow.fillStyle(C.shadow, 0.14);
    shadow.fillEllipse(0, 0, wheelchair ? 170 : 110, 22);
    this.rig = scene.add.container(0, 0);
    this.backG = scene.add.graphics();
    this.legL = scene.add.graphics();
    this.legR = scene.add.graphics();
    this.bodyG = scene.add.graphics();
    this.headG = scene.add.graphics();
    this.faceG = scene.add.graphics();
    this.frontG = scene.add.graphics();
    this.rig.add([this.backG, this.legL, this.legR, this.bodyG, this.headG, this.faceG, this.frontG]);
    this.add([shadow, this.rig]);
    if (wheelchair) this.pose = 'sit';
    this.redraw();
    scene.add.existing(this);
  }

  /** Top of the head in container space, for bubbles and labels. */
  headTop(): number {
    return this.headY() - HEAD_R - (this.look.hairStyle === 'bun' ? 22 : 6);
  }

  setPose(pose: Pose): void {
    const next = this.wheelchair ? 'sit' : pose;
    if (next === this.pose) return;
    this.pose = next;
    this.redraw();
    this.restartMood();
  }

  setExpression(expression: Expression): void {
    if (expression === this.expression) return;
    this.expression = expression;
    drawFace(this.faceG, this.headY(), expression, this.look.glasses, this.look.skin);
  }

  /** Impatience = arms crossed + tapping foot (seated) or weight shifting (standing). */
  setImpatient(on: boolean): void {
    if (on === this.impatient) return;
    this.impatient = on;
    this.updateArms();
    this.restartMood();
  }

  /** Trust shows in the arms: crossed when wary, open hands when at ease. */
  setStance(stance: Stance): void {
    if (stance === this.stance) return;
    this.stance = stance;
    this.updateArms();
  }

  setGesture(gesture: Gesture): void {
    if (gesture === this.gesture) return;
    this.gesture = gesture;
    this.restartMood();
  }

  private updateArms(): void {
    this.armsCrossed = (this.impatient || this.stance === 'closed') && !this.cane;
    this.redraw();
  }

  setAngry(on: boolean): void {
    if (on === this.angry) return;
    this.angry = on;
    this.restartMood();
  }

  /** Leg swing + bob while a tween moves the container; wheelchairs just glide. */
  setWalking(on: boolean): void {
    if (on === this.walking) return;
    this.walking = on;
    for (const t of this.motionTweens) t.remove();
    this.motionTweens = [];
    this.legL.angle = 0;
    this.legR.angle = 0;
    this.rig.y = 0;
    if (!on) {
      this.restartMood();
      return;
    }
    const tw = this.scene.tweens;
    if (!this.wheelchair) {
      this.motionTweens.push(
        tw.add({ targets: this.legL, angle: { from: -14, to: 14 }, duration: 260, yoyo: true, repeat: -1, ease: 'Sine.easeInOut' }),
        tw.add({ targets: this.legR, angle: { from: 14, to: -14 }, duration: 260, yoyo: true, repeat: -1, ease: 'Sine.easeInOut' }),
        tw.add({ targets: this.rig, y: -7, duration: 130, yoyo: true, repeat: -1, ease: 'Sine.easeInOut' }),
      );
    } else {
      this.motionTweens.push(tw.add({ targets: this.rig, y: -2, duration: 200, yoyo: true, repeat: -1 }));
    }
    this.restartMood();
  }

  override destroy(fromScene?: boolean): void {
    for (const t of [...this.motionTweens, ...this.moodTweens]) t.remove();
    this.gestureTimer?.remove();
    super.destroy(fromScene);
  }

  private headY(): number {
    return STAND.headY + (this.pose === 'sit' ? SIT_DROP : 0);
  }

  /** Mood animations are cosmetic loops; they never run while walking. */
  private restartMood(): void {
    for (const t of this.moodTweens) t.remove();
    this.moodTweens = [];
    for (const s of this.steam) s.destroy();
    this.steam.length = 0;
    this.rig.angle = 0;
    this.legR.y = this.legL.y;
    this.gestureTimer?.remove();
    this.gestureTimer = undefined;
    if (this.gestureOn) (this.gestureOn = false), this.redraw();
    if (this.walking) return;
    if (this.gesture !== 'none' && !this.wheelchair) {
      // With reduced motion the gesture is held still: it carries information, not decoration.
      if (motionReduced()) (this.gestureOn = true), this.redraw();
      else {
        const [every, hold] = this.gesture === 'watch' ? [3600, 1300] : [2600, 900];
        this.gestureTimer = this.scene.time.addEvent({
          delay: every,
          loop: true,
          callback: () => {
            this.gestureOn = true;
            this.redraw();
            this.scene.time.delayedCall(hold, () => this.active && ((this.gestureOn = false), this.redraw()));
          },
        });
      }
    }
    if (motionReduced()) return;
    const tw = this.scene.tweens;
    if (this.impatient) {
      if (this.pose === 'sit' && !this.wheelchair) {
        const baseY = this.legR.y;
        this.moodTweens.push(tw.add({ targets: this.legR, y: baseY - 6, duration: 140, yoyo: true, repeat: -1, repeatDelay: 60 }));
      } else {
        this.moodTweens.push(tw.add({ targets: this.rig, angle: { from: -2.5, to: 2.5 }, duration: 700, yoyo: true, repeat: -1, ease: 'Sine.easeInOut' }));
      }
    }
    if (this.angry && this.scene.textures.get(ART_SHEET).has('steam')) {
      // Puffs leave the sides of the head (cartoon "fuming"), clear of the speech bubble above.
      const y0 = this.headY() - 8;
      for (const side of [-1, 1]) {
        const puff = this.scene.add
          .image(side * (HEAD_R + 8), y0, ART_SHEET, 'steam')
          .setScale(0.6)
          .setAlpha(0);
        this.rig.add(puff);
        this.steam.push(puff);
        this.moodTweens.push(
          tw.add({
            targets: puff,
            y: y0 - 34,
            x: side * (HEAD_R + 44),
            alpha: { from: 1, to: 0 },
            scale: { from: 0.6, to: 1.2 },
            duration: 1100,
            repeat: -1,
            delay: side > 0 ? 550 : 0,
          }),
        );
      }
    }
  }

  private redraw(): void {
    const sit = this.pose === 'sit';
    const drop = sit ? SIT_DROP : 0;
    const hipY = STAND.hipY + drop;
    const shoulderY = STAND.shoulderY + drop;
    const headY = this.headY();
    const L = this.look;

    // Behind the body: long hair, wheelchair back and wheels.
    const back = this.backG;
    back.clear();
    if (this.wheelchair) this.drawWheelchairBack(back);
    if (L.hairStyle === 'long') {
      back.fillStyle(L.hair, 1);
      back.fillRoundedRect(-HEAD_R - 4, headY - 12, (HEAD_R + 4) * 2, HEAD_R + 52, 18);
    }

    this.drawLegs(sit, hipY);

    // Torso and arms.
    const b = this.bodyG;
    b.clear();
    // Neck a shade darker than the face, so the chin reads as a chin.
    const neck = shade(L.skin, 0.82);
    b.fillStyle(neck, 1);
    b.fillRect(-9, shoulderY - 14, 18, 18);
    b.fillStyle(L.bottom, 1);
    b.fillRoundedRect(-40, hipY - 16, 80, 26, 10);
    b.fillStyle(L.top, 1);
    b.fillRoundedRect(-42, shoulderY, 84, hipY - shoulderY + 4, { tl: 22, tr: 22, bl: 8, br: 8 });
    // Collar "V" with a light shirt edge gives the torso a front.
    b.fillStyle(shade(L.top, 1.35), 1);
    b.fillTriangle(-13, shoulderY, 13, shoulderY, 0, shoulderY + 17);
    b.fillStyle(neck, 1);
    b.fillTriangle(-8, shoulderY, 8, shoulderY, 0, shoulderY + 11);
    if (this.badge) {
      b.fillStyle(C.white, 1);
      b.fillRoundedRect(14, shoulderY + 26, 18, 13, 3);
      b.fillStyle(C.coral, 1);
      b.fillRect(14, shoulderY + 26, 18, 4);
    }
    const sleeve = shade(L.top, 0.85);
    const handY = hipY - 2;
    if (this.gestureOn && this.gesture === 'watch') {
      // Left forearm raised across the chest, eyes on the watch; the right arm hangs.
      b.fillStyle(sleeve, 1);
      b.fillRoundedRect(-57, shoulderY + 6, 18, 56, 9);
      b.fillRoundedRect(-54, shoulderY + 44, 52, 18, 9);
      b.fillRoundedRect(39, shoulderY + 6, 18, handY - shoulderY - 10, 9);
      b.fillStyle(L.skin, 1);
      b.fillCircle(-2, shoulderY + 50, 9);
      b.fillCircle(48, handY, 9);
      b.fillStyle(C.white, 1);
      b.fillCircle(-16, shoulderY + 50, 7);
      b.lineStyle(2.5, C.ink, 1);
      b.strokeCircle(-16, shoulderY + 50, 7);
      b.lineBetween(-16, shoulderY + 50, -16, shoulderY + 46);
    } else if (this.gestureOn && this.gesture === 'wave') {
      // Right hand up: "excuse me?" — the visitor wants to be noticed.
      b.fillStyle(sleeve, 1);
      b.fillRoundedRect(-57, shoulderY + 6, 18, handY - shoulderY - 10, 9);
      b.fillRoundedRect(42, shoulderY - 62, 18, 74, 9);
      b.fillStyle(L.skin, 1);
      b.fillCircle(-48, handY, 9);
      b.fillCircle(51, shoulderY - 66, 11);
    } else if (this.stance === 'open' && !this.armsCrossed && !this.cane) {
      // At ease: forearms forward, palms up.
      b.fillStyle(sleeve, 1);
      b.fillRoundedRect(-57, shoulderY + 6, 18, 58, 9);
      b.fillRoundedRect(39, shoulderY + 6, 18, 58, 9);
      b.fillRoundedRect(-66, shoulderY + 50, 26, 16, 8);
      b.fillRoundedRect(40, shoulderY + 50, 26, 16, 8);
      b.fillStyle(L.skin, 1);
      b.fillEllipse(-70, shoulderY + 56, 20, 14);
      b.fillEllipse(70, shoulderY + 56, 20, 14);
    } else if (this.armsCrossed) {
      b.fillStyle(sleeve, 1);
      b.fillRoundedRect(-56, shoulderY + 6, 18, 52, 9);
      b.fillRoundedRect(38, shoulderY + 6, 18, 52, 9);
      b.fillRoundedRect(-50, shoulderY + 44, 100, 20, 10);
      b.fillStyle(shade(L.top, 0.75), 1);
      b.fillRoundedRect(-46, shoulderY + 52, 92, 18, 9);
      b.fillStyle(L.skin, 1);
      b.fillCircle(-44, shoulderY + 50, 8);
      b.fillCircle(44, shoulderY + 50, 8);
    } else {
      b.fillStyle(sleeve, 1);
      b.fillRoundedRect(-57, shoulderY + 6, 18, handY - shoulderY - 10, 9);
      b.fillRoundedRect(39, shoulderY + 6, 18, handY - shoulderY - 10, 9);
      b.fillStyle(L.skin, 1);
      b.fillCircle(-48, handY, 9);
      b.fillCircle(48, handY, 9);
    }

    this.drawHead(headY);
    drawFace(this.faceG, headY, this.expression, L.glasses, L.skin);

    const f = this.frontG;
    f.clear();
    if (this.cane) {
      // Cane in the right hand, hooked handle.
      f.lineStyle(6, 0x6b4226, 1);
      f.lineBetween(52, handY, 64, 0);
      f.beginPath();
      f.arc(44, handY - 2, 9, Math.PI * 1.0, Math.PI * 2.0, false);
      f.strokePath();
    }
    if (this.wheelchair) this.drawWheelchairFront(f);
  }

  private drawLegs(sit: boolean, hipY: number): void {
    const L = this.look;
    for (const [g, side] of [
      [this.legL, -1],
      [this.legR, 1],
    ] as const) {
      g.clear();
      g.angle = 0;
      if (!sit) {
        // Pivot at the hip so the walking swing looks like a step.
        g.setPosition(side * 17, hipY);
        g.fillStyle(L.bottom, 1);
        g.fillRoundedRect(-12, -4, 24, -hipY - 8, 8);
        g.fillStyle(L.shoes, 1);
        g.fillEllipse(side * 4, -hipY - 8, 34, 16);
      } else {
        // Thighs come toward the viewer (short), shins hang to the floor.
        g.setPosition(side * 19, hipY);
        g.fillStyle(shade(L.bottom, 1.15), 1);
        g.fillRoundedRect(-14, -6, 28, 28, 10);
        g.fillStyle(L.bottom, 1);
        g.fillRoundedRect(-11, 16, 22, -hipY - 24, 8);
        g.fillStyle(L.shoes, 1);
        g.fillEllipse(side * 4, -hipY - 6, 32, 15);
      }
    }
  }

  private drawHead(headY: number): void {
    const L = this.look;
    const h = this.headG;
    h.clear();
    h.fillStyle(L.skin, 1);
    h.fillCircle(-HEAD_R + 1, headY + 4, 8);
    h.fillCircle(HEAD_R - 1, headY + 4, 8);
    // Hair mass first, then the face circle slightly lower: the rim left on top is the hairline.
    h.fillStyle(L.hair, 1);
    if (L.hairStyle === 'curly') {
      for (let a = Math.PI * 0.95; a <= Math.PI * 2.05; a += Math.PI / 7) {
        h.fillCircle(Math.cos(a) * (HEAD_R - 2), headY - 4 + Math.sin(a) * (HEAD_R - 2), 13);
      }
    } else {
      h.fillCircle(0, headY - 5, HEAD_R + 2);
    }
    if (L.hairStyle === 'bun') h.fillCircle(0, headY - HEAD_R - 8, 15);
    h.fillStyle(L.skin, 1);
    h.fillCircle(0, headY + 4, HEAD_R - 1);
    // Fringe.
    h.fillStyle(L.hair, 1);
    if (L.hairStyle === 'short' || L.hairStyle === 'long') {
      h.fillEllipse(-12, headY - 24, 40, 18);
      h.fillEllipse(14, headY - 26, 30, 14);
    }
  }

  private drawWheelchairBack(g: Phaser.GameObjects.Graphics): void {
    // Backrest and push handles behind the torso.
    g.fillStyle(0x37474f, 1);
    g.fillRoundedRect(-50, -205, 100, 120, 10);
    g.lineStyle(7, C.metalDark, 1);
    g.lineBetween(-48, -200, -56, -220);
    g.lineBetween(48, -200, 56, -220);
    // Big wheels seen slightly from the front.
    for (const side of [-1, 1]) {
      const cx = side * 66;
      g.fillStyle(0x263238, 1);
      g.fillEllipse(cx, -62, 40, 118);
      g.fillStyle(C.greyLight, 1);
      g.fillEllipse(cx, -62, 26, 100);
      g.lineStyle(2, C.metal, 1);
      for (let a = 0; a < Math.PI; a += Math.PI / 4) {
        g.lineBetween(cx - Math.cos(a) * 12, -62 - Math.sin(a) * 48, cx + Math.cos(a) * 12, -62 + Math.sin(a) * 48);
      }
      g.fillStyle(C.metalDark, 1);
      g.fillCircle(cx, -62, 6);
    }
  }

  private drawWheelchairFront(g: Phaser.GameObjects.Graphics): void {
    g.fillStyle(0x37474f, 1);
    g.fillRoundedRect(-58, -104, 22, 12, 5); // armrests
    g.fillRoundedRect(36, -104, 22, 12, 5);
    g.lineStyle(5, C.metalDark, 1);
    g.lineBetween(-30, -70, -34, -10);
    g.lineBetween(30, -70, 34, -10);
    g.fillStyle(C.metalDark, 1);
    g.fillRoundedRect(-44, -14, 88, 8, 4); // footrest
    g.fillStyle(0x263238, 1);
    g.fillCircle(-38, -3, 7); // casters
    g.fillCircle(38, -3, 7);
  }
}
