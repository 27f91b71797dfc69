import * as Phaser from 'phaser';
import { drawGauge } from '../art/gauge';
import { H, W } from '../art/layout';
import { C, FONT, LEVEL_COLOURS } from '../art/palette';
import type { DebriefState } from '../hall-state';
import { SCENE } from '../keys';

const LEVELS = ['TI', 'I', 'S', 'TS'] as const;
type Level = (typeof LEVELS)[number];

const CARD = { x: 36, y: 92, w: 840, h: 600 };
const X0 = 200; // left edge of the scale
const COL = 160; // one column per level

/**
 * Calm summary drawn on canvas: per criterion, score level (bar) vs self-assessment
 * (hollow ring), and the visitor's satisfaction gauge. Every word comes from DebriefState.
 */
export class DebriefScene extends Phaser.Scene {
  private state!: DebriefState;

  constructor() {
    super(SCENE.debrief);
  }

  init(data: DebriefState): void {
    this.state = data;
  }

  create(): void {
    const s = this.state;
    this.drawBackdrop();

    const title = this.add.text(W / 2, 46, s.title, { fontFamily: FONT, fontSize: '34px', fontStyle: 'bold', color: C.inkCss }).setOrigin(0.5, 0.5);
    // A long translated title shrinks (34 px → at most ~26 px) rather than running off screen.
    if (title.width > W - 60) title.setFontSize(Math.max(26, Math.floor((34 * (W - 60)) / title.width)));
    if (title.width > W - 60) title.setScale((W - 60) / title.width);

    const card = this.add.graphics();
    card.fillStyle(C.white, 0.92);
    card.fillRoundedRect(CARD.x, CARD.y, CARD.w, CARD.h, 22);
    card.fillRoundedRect(900, CARD.y, 344, 470, 22);

    this.drawLegend();
    this.drawHeaders();
    this.drawRows();
    drawGauge(this, 1072, 380, s.satisfaction, s.satisfactionLabel);
  }

  private drawBackdrop(): void {
    const g = this.add.graphics();
    g.fillStyle(0xe3eff0, 1);
    g.fillRect(0, 0, W, H);
    // Large soft circles: calm, no stripes to distract from the chart.
    g.fillStyle(C.tealLight, 0.12);
    g.fillCircle(120, 650, 260);
    g.fillCircle(1180, 80, 200);
    g.fillStyle(C.sand, 0.12);
    g.fillCircle(1130, 690, 180);
  }

  private drawLegend(): void {
    const s = this.state;
    const y = CARD.y + 34;
    const g = this.add.graphics();
    g.fillStyle(LEVEL_COLOURS.S, 1);
    g.fillRoundedRect(X0, y - 11, 44, 22, 11);
    const score = this.add.text(X0 + 56, y, s.scoreLabel, { fontFamily: FONT, fontSize: '20px', color: C.inkCss }).setOrigin(0, 0.5);
    const rx = X0 + 56 + score.width + 48;
    ring(g, rx, y, 12);
    this.add.text(rx + 24, y, s.selfLabel, { fontFamily: FONT, fontSize: '20px', color: C.inkCss }).setOrigin(0, 0.5);
  }

  private drawHeaders(): void {
    const y = CARD.y + 86;
    const g = this.add.graphics();
    LEVELS.forEach((lvl, i) => {
      const cx = X0 + COL * i + COL / 2;
      g.fillStyle(LEVEL_COLOURS[lvl], 0.22);
      g.fillRoundedRect(X0 + COL * i + 4, y - 26, COL - 8, 52, 12);
      this.add
        .text(cx, y, this.state.levelLabels[lvl], {
          fontFamily: FONT,
          fontSize: '18px',
          fontStyle: 'bold',
          color: C.inkCss,
          align: 'center',
          wordWrap: { width: COL - 16 },
        })
        .setOrigin(0.5, 0.5);
    });
  }

  private drawRows(): void {
    const rows = this.state.criteria;
    const top = CARD.y + 130;
    const avail = CARD.y + CARD.h - 20 - top;
    const rowH = Math.min(76, avail / Math.max(1, rows.length));
    const barH = Math.max(18, Math.min(34, rowH * 0.5));
    const grid = this.add.graphics();

    rows.forEach((row, i) => {
      const cy = top + rowH * i + rowH / 2;
      this.add.text(X0 - 22, cy, row.id, { fontFamily: FONT, fontSize: '22px', fontStyle: 'bold', color: C.inkCss }).setOrigin(1, 0.5);
      // Track with column ticks, so a short bar still reads against the full scale.
      grid.fillStyle(C.greyLight, 0.45);
      grid.fillRoundedRect(X0, cy - barH / 2, COL * 4, barH, barH / 2);
      grid.lineStyle(2, C.white, 1);
      for (let c = 1; c < 4; c++) grid.lineBetween(X0 + COL * c, cy - barH / 2, X0 + COL * c, cy + barH / 2);

      if (row.level === null) {
        dashedBar(grid, X0, cy, COL * 4, barH);
        // Keep the label clear of the self-assessment ring.
        const high = row.self === 'S' || row.self === 'TS';
        this.add
          .text(X0 + COL * (high ? 1 : 3), cy, this.state.notAssessedLabel, {
            fontFamily: FONT,
            fontSize: '18px',
            fontStyle: 'italic',
            color: '#4b5563',
            backgroundColor: '#ffffff',
            padding: { left: 8, right: 8, top: 2, bottom: 2 },
          })
          .setOrigin(0.5, 0.5);
      } else {
        const w = COL * (LEVELS.indexOf(row.level) + 1);
        const bar = this.add.graphics({ x: X0, y: cy });
        bar.fillStyle(LEVEL_COLOURS[row.level], 1);
        bar.fillRoundedRect(0, -barH / 2, w, barH, barH / 2);
        bar.scaleX = 0;
        this.tweens.add({ targets: bar, scaleX: 1, duration: 700, delay: 120 * i, ease: 'Cubic.easeOut' });
      }
      if (row.self !== null) {
        const ringG = this.add.graphics();
        ring(ringG, X0 + COL * LEVELS.indexOf(row.self as Level) + COL / 2, cy, barH / 2 + 5);
      }
    });
  }
}

/** Hollow marker: white halo + dark ring reads on a coloured bar and on the empty track. */
function ring(g: Phaser.GameObjects.Graphics, x: number, y: number, r: number): void {
  g.lineStyle(8, C.white, 1);
  g.strokeCircle(x, y, r);
  g.lineStyle(4, C.ink, 1);
  g.strokeCircle(x, y, r);
}

/** Phaser Graphics has no dash style, so the outline is drawn segment by segment. */
function dashedBar(g: Phaser.GameObjects.Graphics, x: number, cy: number, w: number, h: number): void {
  g.fillStyle(C.greyLight, 0.6);
  g.fillRoundedRect(x, cy - h / 2, w, h, h / 2);
  g.lineStyle(3, C.grey, 1);
  const dash = 14;
  const gap = 10;
  for (let d = x + h / 2; d < x + w - h / 2; d += dash + gap) {
    const e = Math.min(d + dash, x + w - h / 2);
    g.lineBetween(d, cy - h / 2, e, cy - h / 2);
    g.lineBetween(d, cy + h / 2, e, cy + h / 2);
  }
}
