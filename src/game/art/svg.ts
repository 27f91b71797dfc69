/**
 * Static decor drawn as small SVG strings, loaded through Phaser's loader so the
 * boot scene's progress bar is driven by real `progress` events.
 * Each entry: texture key, width, height, SVG body (inside the <svg> element).
 */
export interface SvgArt {
  key: string;
  w: number;
  h: number;
  body: string;
}

const plant: SvgArt = {
  key: 'plant',
  w: 130,
  h: 230,
  body: `
  <g fill="#3f8f5a">
    <ellipse cx="65" cy="80" rx="15" ry="70"/>
    <ellipse cx="65" cy="95" rx="14" ry="60" transform="rotate(-28 65 160)"/>
    <ellipse cx="65" cy="95" rx="14" ry="60" transform="rotate(28 65 160)"/>
    <ellipse cx="65" cy="115" rx="12" ry="46" transform="rotate(-58 65 165)"/>
    <ellipse cx="65" cy="115" rx="12" ry="46" transform="rotate(58 65 165)"/>
  </g>
  <g fill="#66b37a">
    <ellipse cx="65" cy="92" rx="5" ry="52"/>
    <ellipse cx="65" cy="105" rx="5" ry="44" transform="rotate(-28 65 160)"/>
    <ellipse cx="65" cy="105" rx="5" ry="44" transform="rotate(28 65 160)"/>
  </g>
  <path d="M32 160 H98 L88 228 H42 Z" fill="#e76f51"/>
  <rect x="27" y="154" width="76" height="14" rx="5" fill="#c4553a"/>`,
};

/** Waiting-room chair, front view; seat top sits 95 px above the floor (matches a seated figure at scale 1). */
const chair: SvgArt = {
  key: 'chair',
  w: 140,
  h: 180,
  body: `
  <rect x="24" y="104" width="9" height="76" rx="3" fill="#6b7883"/>
  <rect x="107" y="104" width="9" height="76" rx="3" fill="#6b7883"/>
  <rect x="20" y="0" width="100" height="100" rx="20" fill="#e76f51"/>
  <rect x="30" y="10" width="80" height="80" rx="14" fill="#ee8a6f"/>
  <rect x="8" y="82" width="124" height="28" rx="12" fill="#c4553a"/>`,
};

const clockFace: SvgArt = {
  key: 'clockFace',
  w: 110,
  h: 110,
  body: `
  <circle cx="55" cy="55" r="52" fill="#2e6f73"/>
  <circle cx="55" cy="55" r="44" fill="#ffffff"/>
  <g stroke="#243447" stroke-width="4" stroke-linecap="round">
    <line x1="55" y1="15" x2="55" y2="23"/><line x1="55" y1="87" x2="55" y2="95"/>
    <line x1="15" y1="55" x2="23" y2="55"/><line x1="87" y1="55" x2="95" y2="55"/>
  </g>`,
};

/** Abstract company mark (no letters, so it needs no translation). */
const logo: SvgArt = {
  key: 'logo',
  w: 80,
  h: 80,
  body: `
  <rect x="0" y="0" width="80" height="80" rx="18" fill="#ffffff"/>
  <path d="M58 24 A24 24 0 1 0 58 56" fill="none" stroke="#2e6f73" stroke-width="11" stroke-linecap="round"/>
  <circle cx="58" cy="40" r="8" fill="#e76f51"/>`,
};

const poster: SvgArt = {
  key: 'poster',
  w: 190,
  h: 130,
  body: `
  <rect x="0" y="0" width="190" height="130" rx="6" fill="#243447"/>
  <rect x="8" y="8" width="174" height="114" fill="#bfe3ec"/>
  <circle cx="140" cy="42" r="16" fill="#f4a261"/>
  <path d="M8 122 L60 58 L98 100 L126 74 L182 122 Z" fill="#2e6f73"/>
  <path d="M8 122 L44 92 L80 122 Z" fill="#4f9a9a"/>`,
};

const door: SvgArt = {
  key: 'door',
  w: 200,
  h: 250,
  body: `
  <rect x="0" y="0" width="200" height="250" rx="6" fill="#243447"/>
  <rect x="12" y="12" width="84" height="238" fill="#bfe3ec"/>
  <rect x="104" y="12" width="84" height="238" fill="#bfe3ec"/>
  <path d="M20 90 L70 20 L86 20 L36 90 Z" fill="#e6f6fa"/>
  <path d="M112 130 L170 50 L182 50 L124 130 Z" fill="#e6f6fa"/>
  <rect x="84" y="110" width="6" height="46" rx="3" fill="#9aa7b1"/>
  <rect x="110" y="110" width="6" height="46" rx="3" fill="#9aa7b1"/>`,
};

const steam: SvgArt = {
  key: 'steam',
  w: 60,
  h: 44,
  body: `
  <g fill="#ffffff" stroke="#6b7883" stroke-width="4">
    <circle cx="18" cy="26" r="14"/><circle cx="38" cy="18" r="15"/><circle cx="44" cy="30" r="11"/>
  </g>
  <g fill="#ffffff"><circle cx="18" cy="26" r="12"/><circle cx="38" cy="18" r="13"/><circle cx="44" cy="30" r="9"/></g>`,
};

/** Pause glyph drawn, not typed: the ⏸ character is missing from many school fonts. */
const pause: SvgArt = {
  key: 'pauseGlyph',
  w: 150,
  h: 150,
  body: `
  <circle cx="75" cy="75" r="70" fill="#243447" fill-opacity="0.78"/>
  <rect x="48" y="40" width="20" height="70" rx="6" fill="#ffffff"/>
  <rect x="82" y="40" width="20" height="70" rx="6" fill="#ffffff"/>`,
};

/** Monitor seen from the receptionist's side; the clock text is drawn over the screen. */
const monitor: SvgArt = {
  key: 'monitor',
  w: 170,
  h: 130,
  body: `
  <rect x="70" y="96" width="30" height="26" fill="#6b7883"/>
  <rect x="45" y="118" width="80" height="10" rx="4" fill="#6b7883"/>
  <rect x="0" y="0" width="170" height="102" rx="8" fill="#243447"/>
  <rect x="8" y="8" width="154" height="86" rx="3" fill="#e6f6fa"/>
  <rect x="8" y="8" width="154" height="22" fill="#2e6f73"/>
  <rect x="16" y="40" width="60" height="8" rx="4" fill="#9aa7b1"/>
  <rect x="16" y="56" width="90" height="8" rx="4" fill="#c9d1d9"/>
  <rect x="16" y="72" width="74" height="8" rx="4" fill="#c9d1d9"/>
  <rect x="118" y="40" width="36" height="40" rx="4" fill="#f4a261"/>`,
};

const phone: SvgArt = {
  key: 'phone',
  w: 110,
  h: 66,
  body: `
  <path d="M6 62 L16 22 H94 L104 62 Z" fill="#3a4a5c"/>
  <rect x="10" y="4" width="90" height="22" rx="11" fill="#243447"/>
  <g fill="#c9d1d9">
    <rect x="38" y="34" width="8" height="6" rx="2"/><rect x="51" y="34" width="8" height="6" rx="2"/><rect x="64" y="34" width="8" height="6" rx="2"/>
    <rect x="36" y="45" width="8" height="6" rx="2"/><rect x="51" y="45" width="8" height="6" rx="2"/><rect x="66" y="45" width="8" height="6" rx="2"/>
  </g>
  <circle cx="86" cy="44" r="5" fill="#66b37a"/>`,
};

const book: SvgArt = {
  key: 'book',
  w: 150,
  h: 56,
  body: `
  <path d="M4 50 L14 8 H74 L75 52 Z" fill="#2e6f73"/>
  <path d="M146 50 L136 8 H76 L75 52 Z" fill="#2e6f73"/>
  <path d="M10 46 L19 10 H73 L73 46 Z" fill="#ffffff"/>
  <path d="M140 46 L131 10 H77 L77 46 Z" fill="#ffffff"/>
  <g stroke="#9aa7b1" stroke-width="2">
    <line x1="24" y1="18" x2="68" y2="18"/><line x1="22" y1="26" x2="68" y2="26"/><line x1="20" y1="34" x2="68" y2="34"/>
    <line x1="82" y1="18" x2="126" y2="18"/><line x1="82" y1="26" x2="128" y2="26"/>
  </g>
  <rect x="96" y="30" width="50" height="6" rx="3" fill="#e76f51" transform="rotate(-18 120 33)"/>`,
};

export const SVG_ART: readonly SvgArt[] = [plant, chair, clockFace, logo, poster, door, steam, pause, monitor, phone, book];

/** The one texture holding every piece of decor; each piece is a frame named by its key. */
export const ART_SHEET = 'art';

export interface SheetFrame {
  key: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Sheet {
  w: number;
  h: number;
  frames: readonly SheetFrame[];
  /** The whole sheet as one SVG document. */
  svg: string;
}

/**
 * All the decor in ONE SVG document, each piece on its own spot (shelves, tallest
 * first, `pad` px apart so smoothing never bleeds a neighbour in). The browser builds
 * one SVG document instead of eleven: most of the boot time (npm run bench, first hall frame).
 */
export function packSheet(arts: readonly SvgArt[], width = 512, pad = 2): Sheet {
  const frames: SheetFrame[] = [];
  let x = 0;
  let y = 0;
  let shelf = 0;
  for (const art of [...arts].sort((a, b) => b.h - a.h || (a.key < b.key ? -1 : 1))) {
    if (art.w > width) throw new Error(`art "${art.key}" is wider (${art.w}) than the sheet (${width})`);
    if (x + art.w > width) {
      y += shelf + pad;
      x = 0;
      shelf = 0;
    }
    frames.push({ key: art.key, x, y, w: art.w, h: art.h });
    x += art.w + pad;
    shelf = Math.max(shelf, art.h);
  }
  const h = y + shelf;
  const byKey = new Map(arts.map((a) => [a.key, a]));
  const pieces = frames.map((f) => {
    const art = byKey.get(f.key)!;
    // A nested <svg> clips each piece to its own box, as the separate files did.
    return `<svg x="${f.x}" y="${f.y}" width="${f.w}" height="${f.h}" viewBox="0 0 ${f.w} ${f.h}" overflow="hidden">${art.body}</svg>`;
  });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${h}" viewBox="0 0 ${width} ${h}">${pieces.join('')}</svg>`;
  return { w: width, h, frames, svg };
}

/** Base64 data URI: the loader treats it like any URL. */
export const svgDataUri = (svg: string): string => `data:image/svg+xml;base64,${btoa(svg)}`;
