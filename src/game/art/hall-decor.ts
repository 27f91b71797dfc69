import type * as Phaser from 'phaser';
import { CHAIRS, COUNTER_LEFT, COUNTER_RIGHT, COUNTER_TOP, DEPTH, DESK, FLOOR_Y, H, LIFT, W } from './layout';
import { C, FONT } from './palette';
import { ART_SHEET } from './svg';

export interface HallDecor {
  setClock(clock: string): void;
  setVenue(venue: string): void;
  /** Slides the lift doors open (true) or shut: visual only. */
  setLiftOpen(open: boolean): void;
  officeChair: Phaser.GameObjects.Graphics;
}

/** Draws the static hall (wall, door, lift, waiting area, counter) and returns the few live parts. */
export function drawHallDecor(scene: Phaser.Scene): HallDecor {
  drawRoom(scene);
  for (const c of CHAIRS) scene.add.image(c.x, c.y, ART_SHEET, 'chair').setOrigin(0.5, 1).setScale(c.s).setDepth(DEPTH.chairs);
  // Behind the last chair, against the wall.
  scene.add
    .image(1236, 470, ART_SHEET, 'plant')
    .setOrigin(0.5, 1)
    .setScale(0.9)
    .setDepth(DEPTH.chairs - 1);
  scene.add.image(1060, 180, ART_SHEET, 'poster').setDepth(DEPTH.room);
  scene.add.image(160, 400, ART_SHEET, 'door').setOrigin(0.5, 1).setDepth(DEPTH.room);

  const sign = drawSign(scene);
  const lift = drawLift(scene);
  const clock = drawClock(scene);
  drawCounter(scene);
  const screenClock = drawCounterItems(scene);

  const officeChair = scene.add.graphics().setDepth(DEPTH.officeChair);
  officeChair.setPosition(DESK.x, DESK.y).setScale(DESK.s);
  // Chair back seen from behind, in the receptionist's coordinates (origin = floor).
  officeChair.fillStyle(0x37474f, 1);
  // Low back, so her shoulders and arms stay visible above it.
  officeChair.fillRoundedRect(-62, -112, 124, 84, 22);
  officeChair.fillStyle(0x455a64, 1);
  officeChair.fillRoundedRect(-50, -104, 100, 64, 16);
  officeChair.fillStyle(C.metalDark, 1);
  officeChair.fillRect(-8, -34, 16, 40);

  return {
    setClock(text: string) {
      screenClock.setText(text);
      clock(text);
    },
    setVenue(venue: string) {
      if (sign.text === venue) return;
      // Shrink long venue names to fit the sign (never below 20 px).
      sign.setWordWrapWidth(null).setText(venue).setFontSize(30);
      for (let size = 30; size > 22 && sign.width > 340; size -= 2) sign.setFontSize(size - 2);
      if (sign.width > 340) sign.setWordWrapWidth(340); // still too long: two lines
    },
    setLiftOpen: lift,
    officeChair,
  };
}

function drawRoom(scene: Phaser.Scene): void {
  const g = scene.add.graphics().setDepth(DEPTH.room);
  g.fillStyle(C.wall, 1);
  g.fillRect(0, 0, W, FLOOR_Y);
  // Soft vertical panels give the wall some rhythm without clutter.
  g.fillStyle(C.wallShade, 1);
  for (let x = 0; x < W; x += 160) g.fillRect(x + 150, 0, 10, FLOOR_Y);
  g.fillStyle(C.wallBand, 1);
  g.fillRect(0, 300, W, 14);
  g.fillStyle(C.woodDark, 1);
  g.fillRect(0, FLOOR_Y - 10, W, 12);

  g.fillStyle(C.floor, 1);
  g.fillRect(0, FLOOR_Y, W, H - FLOOR_Y);
  // Floor boards converge toward the back wall: cheap depth cue.
  g.lineStyle(2, C.floorLine, 0.8);
  const vx = 640;
  for (let i = -12; i <= 12; i++) {
    const top = vx + i * 70;
    g.lineBetween(top, FLOOR_Y, vx + i * 190, H);
  }
  // Doormat and waiting-area rug.
  g.fillStyle(0x8d6e63, 0.6);
  g.fillEllipse(160, 418, 230, 30);
  g.fillStyle(C.tealLight, 0.25);
  g.fillEllipse(1070, 484, 420, 46);
}

function drawSign(scene: Phaser.Scene): Phaser.GameObjects.Text {
  const g = scene.add.graphics().setDepth(DEPTH.room);
  g.fillStyle(C.teal, 1);
  g.fillRoundedRect(300, 40, 460, 96, 16);
  scene.add.image(352, 88, ART_SHEET, 'logo').setScale(0.8).setDepth(DEPTH.room);
  return scene.add.text(400, 88, '', { fontFamily: FONT, fontSize: '30px', fontStyle: 'bold', color: '#ffffff' }).setOrigin(0, 0.5).setDepth(DEPTH.room);
}

function drawLift(scene: Phaser.Scene): (open: boolean) => void {
  const { x, y, w, h } = LIFT;
  const g = scene.add.graphics().setDepth(DEPTH.room);
  g.fillStyle(C.metal, 1);
  g.fillRoundedRect(x - 10, y - 10, w + 20, h + 10, { tl: 10, tr: 10, bl: 0, br: 0 });
  g.fillStyle(0x5d4037, 1);
  g.fillRect(x, y, w, h);
  g.fillStyle(0xffe0b2, 0.5);
  g.fillRect(x + 8, y + 8, w - 16, 20); // warm light inside the car
  // Floor indicator with an arrow: lit when the doors open.
  g.fillStyle(C.ink, 1);
  g.fillRoundedRect(x + w / 2 - 22, y - 40, 44, 24, 6);
  const arrow = scene.add.graphics().setDepth(DEPTH.room);
  arrow.fillStyle(C.sand, 1);
  arrow.fillTriangle(x + w / 2 - 8, y - 22, x + w / 2 + 8, y - 22, x + w / 2, y - 34);
  arrow.setAlpha(0.25);

  const half = w / 2;
  const left = scene.add.graphics().setDepth(DEPTH.room).setPosition(x, y);
  const right = scene.add
    .graphics()
    .setDepth(DEPTH.room)
    .setPosition(x + w, y);
  for (const [d, from] of [
    [left, 0],
    [right, -half],
  ] as const) {
    d.fillStyle(0xb0bec5, 1);
    d.fillRect(from, 0, half, h);
    d.lineStyle(2, C.metalDark, 0.6);
    d.strokeRect(from, 0, half, h);
  }
  let open = false;
  return (next: boolean) => {
    if (next === open) return;
    open = next;
    scene.tweens.add({ targets: [left, right], scaleX: open ? 0.12 : 1, duration: 600, ease: 'Sine.easeInOut' });
    scene.tweens.add({ targets: arrow, alpha: open ? 1 : 0.25, duration: 300 });
  };
}

/** Wall clock: hands follow HallState.clock ("HH:MM"); the engine's time, not the wall clock. */
function drawClock(scene: Phaser.Scene): (clock: string) => void {
  const cx = 845;
  const cy = 96;
  scene.add.image(cx, cy, ART_SHEET, 'clockFace').setDepth(DEPTH.room);
  const hands = scene.add.graphics().setDepth(DEPTH.room);
  return (clock: string) => {
    const m = /^(\d{1,2}):(\d{2})/.exec(clock);
    const hh = m ? Number(m[1]) : 0;
    const mm = m ? Number(m[2]) : 0;
    const hA = (((hh % 12) + mm / 60) / 12) * Math.PI * 2 - Math.PI / 2;
    const mA = (mm / 60) * Math.PI * 2 - Math.PI / 2;
    hands.clear();
    hands.lineStyle(6, C.ink, 1);
    hands.lineBetween(cx, cy, cx + Math.cos(hA) * 22, cy + Math.sin(hA) * 22);
    hands.lineStyle(4, C.ink, 1);
    hands.lineBetween(cx, cy, cx + Math.cos(mA) * 34, cy + Math.sin(mA) * 34);
    hands.fillStyle(C.coral, 1);
    hands.fillCircle(cx, cy, 5);
  };
}

function drawCounter(scene: Phaser.Scene): void {
  const g = scene.add.graphics().setDepth(DEPTH.counter);
  const l = COUNTER_LEFT;
  const r = COUNTER_RIGHT;
  // Inner side (the receptionist's side), then the top seen slightly from above.
  g.fillStyle(C.wood, 1);
  g.fillRect(l, COUNTER_TOP + 22, r - l, H - COUNTER_TOP);
  g.fillStyle(C.woodDark, 1);
  g.fillRect(l, COUNTER_TOP + 22, r - l, 8);
  g.fillRect(l, 640, r - l, 10); // desk shelf edge
  g.fillStyle(C.woodTop, 1);
  g.fillRoundedRect(l - 12, COUNTER_TOP, r - l + 24, 26, 10);
  g.fillStyle(C.white, 0.35);
  g.fillRect(l, COUNTER_TOP + 4, r - l, 4);
  // A teal stripe echoing the company sign.
  g.fillStyle(C.teal, 1);
  g.fillRect(l, 600, r - l, 14);
}

function drawCounterItems(scene: Phaser.Scene): Phaser.GameObjects.Text {
  const d = DEPTH.counter + 1;
  scene.add
    .image(320, COUNTER_TOP + 14, ART_SHEET, 'monitor')
    .setOrigin(0.5, 1)
    .setDepth(d);
  scene.add
    .image(915, COUNTER_TOP + 16, ART_SHEET, 'book')
    .setOrigin(0.5, 1)
    .setDepth(d);
  scene.add
    .image(630, COUNTER_TOP + 16, ART_SHEET, 'phone')
    .setOrigin(0.5, 1)
    .setDepth(d);
  // Monitor top bar: texture y 8..30 → screen y COUNTER_TOP + 14 - 130 + 8.
  return scene.add
    .text(320, COUNTER_TOP + 14 - 130 + 19, '', { fontFamily: FONT, fontSize: '20px', fontStyle: 'bold', color: '#ffffff' })
    .setOrigin(0.5, 0.5)
    .setDepth(d);
}
