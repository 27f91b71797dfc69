import type * as Phaser from 'phaser';
import type { Expression } from '../hall-state';
import { drawFace } from './face';
import { C, FONT } from './palette';

const SEGMENTS = [0xd64545, 0xee7b3a, 0xf0c23c, 0x8cc152, 0x2e9e5b];

/** Face shown in the gauge: the same faces students learnt to read in the hall. */
function faceFor(value: number): Expression {
  if (value >= 70) return 'smiling';
  if (value >= 45) return 'neutral';
  if (value >= 25) return 'annoyed';
  return 'angry';
}

/** Half-dial satisfaction gauge (0–100) with an animated needle and a number. */
export function drawGauge(scene: Phaser.Scene, cx: number, cy: number, value: number, label: string): void {
  const v = Math.max(0, Math.min(100, Math.round(value)));
  const r = 130;
  const g = scene.add.graphics();
  const step = Math.PI / SEGMENTS.length;
  SEGMENTS.forEach((colour, i) => {
    g.lineStyle(34, colour, 1);
    g.beginPath();
    g.arc(cx, cy, r, Math.PI + step * i + 0.02, Math.PI + step * (i + 1) - 0.02, false);
    g.strokePath();
  });

  // Face and number sit under the dial so the needle never crosses them.
  const face = scene.add.graphics({ x: cx - 52, y: cy + 54 });
  face.fillStyle(0xffd166, 1);
  face.fillCircle(0, 4, 36);
  const features = scene.add.graphics({ x: cx - 52, y: cy + 54 });
  drawFace(features, 0, faceFor(v), false);

  const needle = scene.add.graphics({ x: cx, y: cy });
  needle.fillStyle(C.ink, 1);
  needle.fillTriangle(0, -7, 0, 7, r - 22, 0);
  needle.fillCircle(0, 0, 12);
  needle.rotation = Math.PI;
  scene.tweens.add({ targets: needle, rotation: Math.PI + (v / 100) * Math.PI, duration: 1200, ease: 'Back.easeOut' });

  scene.add.text(cx + 44, cy + 58, String(v), { fontFamily: FONT, fontSize: '52px', fontStyle: 'bold', color: C.inkCss }).setOrigin(0.5, 0.5);
  scene.add
    .text(cx, cy + 132, label, {
      fontFamily: FONT,
      fontSize: '22px',
      color: C.inkCss,
      align: 'center',
      wordWrap: { width: 300 },
    })
    .setOrigin(0.5, 0.5);
}
