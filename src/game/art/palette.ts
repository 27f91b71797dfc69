/**
 * One palette for the whole hall and debrief, so every drawing helper agrees.
 * Warm wood + teal company colour + coral accents: friendly, not childish.
 */
export const C = {
  ink: 0x243447, // outlines and dark text
  inkCss: '#243447',
  wall: 0xf4ebdd,
  wallShade: 0xe8dcc8,
  wallBand: 0x2e6f73, // company teal band along the back wall
  floor: 0xd8c2a2,
  floorLine: 0xc9b08c,
  wood: 0xe3a15c,
  woodTop: 0xf3c68a,
  woodDark: 0xb9773c,
  glass: 0xbfe3ec,
  glassShine: 0xe6f6fa,
  metal: 0x9aa7b1,
  metalDark: 0x6b7883,
  teal: 0x2e6f73,
  tealLight: 0x4f9a9a,
  coral: 0xe76f51,
  coralDark: 0xc4553a,
  sand: 0xf4a261,
  leaf: 0x3f8f5a,
  leafLight: 0x66b37a,
  white: 0xffffff,
  black: 0x1b1b1b,
  grey: 0x8d99a6,
  greyLight: 0xc9d1d9,
  shadow: 0x000000,
  blush: 0xf28b82,
  angryFlush: 0xe4572e,
} as const;

export const FONT = '"Trebuchet MS", "Segoe UI", "DejaVu Sans", Arial, sans-serif';

const SKINS = [0xf6d2b0, 0xe8b48a, 0xc98b5e, 0x9c6440, 0x6e4229, 0xf1c7a1];
const HAIRS = [0x2b1d14, 0x6b3e1f, 0xd9a441, 0x9b3b1f, 0x141414, 0x5a4030];
// No teal here: teal is the staff uniform, visitors must never be mistaken for colleagues.
const TOPS = [0x3d7dca, 0xe76f51, 0x6a4c93, 0x8ab17d, 0xe9c46a, 0x8d5a97, 0x5e81ac, 0xd1495b];
const BOTTOMS = [0x2f3e4e, 0x4a4e69, 0x264653, 0x5c4033, 0x3a3a3a];

export type HairStyle = 'short' | 'long' | 'bun' | 'curly';
const STYLES: HairStyle[] = ['short', 'long', 'bun', 'curly', 'short', 'long'];
const MEN: HairStyle[] = ['short', 'curly', 'short'];
const WOMEN: HairStyle[] = ['long', 'bun', 'curly', 'long'];

export interface Look {
  skin: number;
  hair: number;
  hairStyle: HairStyle;
  top: number;
  bottom: number;
  shoes: number;
  elderly: boolean;
  glasses: boolean;
}

/** Deterministic look from the visitor's `look` number: primes spread neighbours apart. */
export function lookFor(look: number, traits: readonly string[], gender?: 'f' | 'm'): Look {
  const n = Math.abs(Math.floor(look));
  const elderly = traits.includes('elderly');
  // Students read "Monsieur"/"Madame" from the figure too: keep hair styles plausible.
  const styles = gender === 'm' ? MEN : gender === 'f' ? WOMEN : STYLES;
  return {
    skin: SKINS[n % SKINS.length]!,
    hair: elderly ? 0xd9d9d9 : HAIRS[(n * 5 + 1) % HAIRS.length]!,
    hairStyle: styles[(n * 7 + 2) % styles.length]!,
    top: TOPS[(n * 3) % TOPS.length]!,
    bottom: BOTTOMS[(n * 11 + 3) % BOTTOMS.length]!,
    shoes: 0x2b2b2b,
    elderly,
    glasses: elderly || n % 4 === 3,
  };
}

/** The colleague and the receptionist wear the company teal so students read them as staff. */
export const STAFF_LOOK: Look = {
  skin: 0xc98b5e,
  hair: 0x2b1d14,
  hairStyle: 'short',
  top: C.teal,
  bottom: 0x263238,
  shoes: 0x1b1b1b,
  elderly: false,
  glasses: false,
};

export const RECEPTIONIST_LOOK: Look = {
  ...STAFF_LOOK,
  skin: 0xf1c7a1,
  hair: 0x6b3e1f,
  hairStyle: 'bun',
};
