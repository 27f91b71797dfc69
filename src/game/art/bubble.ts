import * as Phaser from 'phaser';
import { W } from './layout';
import { C, FONT } from './palette';

const MAX_CHARS = 32;
const MAX_LINES = 3;
const PAD_X = 16;
const PAD_Y = 10;
const TAIL = 16;
/** Long enough to read three lines twice; the DOM keeps the full transcript. */
const SHOW_MS = 6000;

/** Word wrap by characters (not pixels) so line breaks are identical on every machine. */
export function wrapSpeech(text: string, max = MAX_CHARS, maxLines = MAX_LINES): string[] {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (let word of words) {
    while (word.length > max) {
      if (line) lines.push(line);
      lines.push(word.slice(0, max));
      word = word.slice(max);
      line = '';
    }
    if (!line) line = word;
    else if (line.length + 1 + word.length <= max) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    const last = kept[maxLines - 1]!;
    kept[maxLines - 1] = `${last.length >= max ? last.slice(0, max - 1) : last}…`;
    return kept;
  }
  return lines;
}

/**
 * Speech bubble anchored at its tail tip (the speaker's head). It never scales with the
 * figure, so text stays ≥ 20 px even for someone far away at the door.
 */
export class SpeechBubble extends Phaser.GameObjects.Container {
  private readonly bg: Phaser.GameObjects.Graphics;
  private readonly label: Phaser.GameObjects.Text;
  private current = '';
  private shift = 0;
  private fade?: Phaser.Tweens.Tween;

  constructor(scene: Phaser.Scene, depth: number) {
    super(scene, 0, 0);
    this.bg = scene.add.graphics();
    this.label = scene.add.text(0, 0, '', {
      fontFamily: FONT,
      // Above the 18 px floor on purpose: in the play screen the canvas is often shown at ~60 %.
      fontSize: '22px',
      color: C.inkCss,
      lineSpacing: 4,
    });
    this.add([this.bg, this.label]);
    this.setDepth(depth).setAlpha(0);
    scene.add.existing(this);
  }

  /** Shows new text (restarting the fade); the same text again does nothing. */
  say(text: string): void {
    if (text === this.current) return;
    this.current = text;
    this.fade?.remove();
    if (!text) {
      this.setAlpha(0);
      return;
    }
    this.label.setText(wrapSpeech(text).join('\n'));
    this.shift = Number.NaN; // force a redraw at the next place()
    this.setAlpha(1);
    this.scene.children.bringToTop(this); // the latest speaker's bubble wins an overlap
    this.fade = this.scene.tweens.add({ targets: this, alpha: 0, delay: SHOW_MS, duration: 700 });
  }

  /**
   * Moves the tail tip to (x, y). `lean` says which side the body extends to (toward
   * empty wall, away from other faces); it also slides to stay on screen.
   */
  place(x: number, y: number, lean: 'left' | 'right'): void {
    this.setPosition(Math.round(x), Math.round(y));
    const w = this.label.width + PAD_X * 2;
    let left = lean === 'right' ? -36 : 36 - w;
    if (x + left + w > W - 8) left = W - 8 - w - x;
    if (x + left < 8) left = 8 - x;
    if (left !== this.shift) this.draw(left, w);
  }

  private draw(left: number, w: number): void {
    this.shift = left;
    const h = this.label.height + PAD_Y * 2;
    const top = -TAIL - h;
    const g = this.bg;
    g.clear();
    g.fillStyle(C.shadow, 0.12);
    g.fillRoundedRect(left + 4, top + 5, w, h, 16);
    g.fillStyle(C.white, 1);
    g.lineStyle(3, C.ink, 1);
    g.fillRoundedRect(left, top, w, h, 16);
    g.strokeRoundedRect(left, top, w, h, 16);
    // Tail from the body down to the speaker; clamp its root inside the body.
    const root = Math.min(Math.max(-11, left + 16), left + w - 38);
    g.fillTriangle(root, -TAIL - 2, root + 22, -TAIL - 2, 0, 0);
    g.lineBetween(root, -TAIL, 0, 0);
    g.lineBetween(root + 22, -TAIL, 0, 0);
    this.label.setPosition(left + PAD_X, top + PAD_Y);
  }
}

/** Name tag under a figure: dark pill, white bold text, ≥ 18 px; the dot marks staff vs visitor. */
export class NameTag extends Phaser.GameObjects.Container {
  private readonly bg: Phaser.GameObjects.Graphics;
  private readonly text: Phaser.GameObjects.Text;
  /** Drawn width of the pill, for overlap checks. */
  pillWidth = 0;

  constructor(
    scene: Phaser.Scene,
    depth: number,
    private readonly accent: number,
    /** Wheelchair users get the access pictogram: the counter hides their chair. */
    private readonly wheelchairIcon = false,
  ) {
    super(scene, 0, 0);
    this.bg = scene.add.graphics();
    this.text = scene.add.text(wheelchairIcon ? 10 : 6, 0, '', { fontFamily: FONT, fontSize: '20px', fontStyle: 'bold', color: '#ffffff' }).setOrigin(0.5, 0.5);
    this.add([this.bg, this.text]);
    this.setDepth(depth).setVisible(false);
    scene.add.existing(this);
  }

  setLabel(value: string): this {
    if (value === this.text.text) return this;
    this.text.setText(value);
    this.setVisible(value !== '');
    const w = this.text.width + (this.wheelchairIcon ? 48 : 40);
    this.pillWidth = w;
    this.bg.clear();
    this.bg.fillStyle(C.ink, 0.88);
    this.bg.fillRoundedRect(-w / 2, -17, w, 34, 17);
    if (this.wheelchairIcon) this.drawAccessIcon(-w / 2 + 16);
    else {
      this.bg.fillStyle(this.accent, 1);
      this.bg.fillCircle(-w / 2 + 16, 0, 5);
    }
    return this;
  }

  private drawAccessIcon(cx: number): void {
    const g = this.bg;
    g.fillStyle(0x1f6fb2, 1);
    g.fillRoundedRect(cx - 11, -11, 22, 22, 4);
    g.fillStyle(C.white, 1);
    g.fillCircle(cx - 1, -7, 2.2);
    g.lineStyle(2.2, C.white, 1);
    g.lineBetween(cx - 1, -4, cx - 1, 2);
    g.lineBetween(cx - 1, 2, cx + 5, 2);
    g.lineBetween(cx + 5, 2, cx + 7, 7);
    g.beginPath();
    g.arc(cx - 2, 3, 6, Math.PI * 0.15, Math.PI * 1.35, false);
    g.strokePath();
  }
}
