/** Where things stand in the 1280×720 hall. `s` = figure scale (1 = at the counter). */
export interface Spot {
  x: number;
  y: number;
  s: number;
}

export const W = 1280;
export const H = 720;
export const FLOOR_Y = 400;
export const COUNTER_TOP = 530;
export const COUNTER_LEFT = 220;
export const COUNTER_RIGHT = 1210;

export const DOOR: Spot = { x: 160, y: 414, s: 0.62 };
/** Index 0 is served; the others queue behind, further and smaller. */
export const COUNTER_SPOTS: readonly Spot[] = [
  { x: 790, y: 679, s: 1.12 },
  { x: 985, y: 596, s: 0.86 },
  { x: 1110, y: 570, s: 0.8 },
];
// 125 px apart so two name tags side by side do not overlap.
export const CHAIRS: readonly Spot[] = [
  { x: 935, y: 480, s: 0.72 },
  { x: 1060, y: 480, s: 0.72 },
  { x: 1185, y: 480, s: 0.72 },
];
/** Extra waiting visitors (or a wheelchair user) stand beside the chairs. */
export const WAITING_EXTRA: Spot = { x: 840, y: 476, s: 0.72 };

export const LIFT = { x: 548, y: 176, w: 154, h: 224 };
export const LIFT_INSIDE: Spot = { x: 625, y: 402, s: 0.62 };
/** Left of the lift: the counter visitor's speech bubble leans over the right-hand side. */
export const COLLEAGUE: Spot = { x: 470, y: 430, s: 0.68 };

export const DESK: Spot = { x: 480, y: 800, s: 1.35 };
/** Where the receptionist walks to meet someone: toward the entrance. */
export const DESK_OUT: Spot = { x: 340, y: 452, s: 0.66 };
export const CHAIR_ASIDE_X = 300;

export const DEPTH = {
  room: 0,
  chairs: 5,
  people: 10, // + y / 100 so nearer figures overlap farther ones
  counter: 30,
  desk: 40,
  officeChair: 41,
  labels: 50,
  bubbles: 60,
  pause: 100,
} as const;

/** Speed in px/s for walking tweens; duration follows distance so steps look even. */
export function walkMs(ax: number, ay: number, bx: number, by: number): number {
  return Math.max(700, (Math.hypot(bx - ax, by - ay) / 260) * 1000);
}
