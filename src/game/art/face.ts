import type * as Phaser from 'phaser';
import type { Expression } from '../hall-state';
import { C } from './palette';

export const HEAD_R = 36;

/**
 * Draws eyes, brows, mouth and cheeks around (0, cy). Expressions are exaggerated on
 * purpose: the student must read them at a glance, even on a small phone.
 */
export function drawFace(g: Phaser.GameObjects.Graphics, cy: number, expression: Expression, glasses: boolean, skin = 0xf1c7a1): void {
  g.clear();
  const ink = C.ink;
  // On dark skin, dark features need a light edge to stay readable.
  const dark = luminance(skin) < 0.45;

  if (expression === 'angry' || expression === 'furious') {
    g.fillStyle(C.angryFlush, expression === 'furious' ? 0.45 : 0.28);
    g.fillCircle(0, cy + 4, HEAD_R - 3);
  }
  if (expression === 'smiling' || expression === 'pleased') {
    g.fillStyle(C.blush, 0.55);
    g.fillCircle(-21, cy + 10, 6);
    g.fillCircle(21, cy + 10, 6);
  }

  // Eyes: whites + highlight keep them readable on every skin tone and at small sizes.
  g.fillStyle(C.white, 1);
  g.fillEllipse(-12, cy + 1, 13, expression === 'smiling' ? 10 : 13);
  g.fillEllipse(12, cy + 1, 13, expression === 'smiling' ? 10 : 13);
  g.fillStyle(ink, 1);
  const eyeH = expression === 'smiling' ? 8 : 10;
  g.fillEllipse(-12, cy + 1, 8, eyeH);
  g.fillEllipse(12, cy + 1, 8, eyeH);
  g.fillStyle(C.white, 1);
  g.fillCircle(-10.5, cy - 1, 1.6);
  g.fillCircle(13.5, cy - 1, 1.6);

  if (glasses) {
    g.lineStyle(2.5, ink, 0.9);
    g.strokeCircle(-12, cy + 1, 10);
    g.strokeCircle(12, cy + 1, 10);
    g.lineBetween(-2, cy, 2, cy);
  }

  // Brows carry most of the emotion: inner ends drop as anger rises.
  const brow: Record<Expression, { inner: number; outer: number; w: number }> = {
    smiling: { inner: -15, outer: -14, w: 3 },
    pleased: { inner: -14, outer: -13, w: 3 },
    neutral: { inner: -13, outer: -13, w: 3 },
    annoyed: { inner: -10, outer: -15, w: 4 },
    angry: { inner: -5, outer: -17, w: 5 },
    furious: { inner: -2, outer: -19, w: 6 },
  };
  const b = brow[expression];
  if (dark) {
    g.lineStyle(b.w + 3, lighten(skin), 1);
    g.lineBetween(-5, cy + b.inner, -19, cy + b.outer);
    g.lineBetween(5, cy + b.inner, 19, cy + b.outer);
  }
  g.lineStyle(b.w, ink, 1);
  g.lineBetween(-5, cy + b.inner, -19, cy + b.outer);
  g.lineBetween(5, cy + b.inner, 19, cy + b.outer);

  const my = cy + 17;
  switch (expression) {
    case 'smiling':
      g.fillStyle(0x8c2f39, 1);
      g.beginPath();
      g.arc(0, my - 3, 11, 0, Math.PI, false);
      g.closePath();
      g.fillPath();
      g.fillStyle(C.white, 1);
      g.fillRect(-7, my - 3, 14, 3);
      break;
    case 'pleased':
      // A closed, gentle smile: warmer than neutral, not yet a grin.
      g.lineStyle(3.5, ink, 1);
      g.beginPath();
      g.arc(0, my - 6, 10, Math.PI * 0.2, Math.PI * 0.8, false);
      g.strokePath();
      break;
    case 'neutral':
      g.lineStyle(3, ink, 1);
      g.lineBetween(-8, my, 8, my);
      break;
    case 'annoyed':
      g.lineStyle(3.5, ink, 1);
      g.beginPath();
      g.arc(0, my + 9, 10, Math.PI * 1.2, Math.PI * 1.8, false);
      g.strokePath();
      break;
    case 'angry':
    case 'furious':
      // Open, shouting frown.
      g.fillStyle(0x8c2f39, 1);
      g.beginPath();
      g.arc(0, my + 8, 11, Math.PI, Math.PI * 2, false);
      g.closePath();
      g.fillPath();
      g.fillStyle(C.white, 1);
      g.fillRect(-6, my - 2, 12, 3);
      break;
  }
}

function luminance(c: number): number {
  return (0.299 * ((c >> 16) & 255) + 0.587 * ((c >> 8) & 255) + 0.114 * (c & 255)) / 255;
}

function lighten(c: number): number {
  const up = (v: number) => Math.min(255, Math.round(v + (255 - v) * 0.35));
  return (up((c >> 16) & 255) << 16) | (up((c >> 8) & 255) << 8) | up(c & 255);
}
