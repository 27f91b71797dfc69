/**
 * Draws the app icons (the desk bell on the counter, as assets/icon.svg) into
 * public/icons: an SVG and PNGs for installing the game as an app. No image
 * library: a few shapes rasterised with 4×4 supersampling, written as PNG.
 * Run with `npm run icons` after changing the design.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

type RGB = [number, number, number];
const hex = (c: string): RGB => [1, 3, 5].map((i) => Number.parseInt(c.slice(i, i + 2), 16)) as RGB;

/** Shapes in a 64-unit square, painted in order; `inside(x, y)` in those units. */
interface Shape {
  fill: string;
  inside(x: number, y: number): boolean;
  svg: string;
}
const rrect = (x: number, y: number, w: number, h: number, r: number, fill: string): Shape => ({
  fill,
  svg: `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="${r}" fill="${fill}"/>`,
  inside(px, py) {
    if (px < x || py < y || px > x + w || py > y + h) return false;
    const cx = Math.min(Math.max(px, x + r), x + w - r);
    const cy = Math.min(Math.max(py, y + r), y + h - r);
    return (px - cx) ** 2 + (py - cy) ** 2 <= r * r;
  },
});
const circle = (x: number, y: number, r: number, fill: string): Shape => ({
  fill,
  svg: `<circle cx="${x}" cy="${y}" r="${r}" fill="${fill}"/>`,
  inside: (px, py) => (px - x) ** 2 + (py - y) ** 2 <= r * r,
});
const dome = (x: number, y: number, r: number, fill: string): Shape => ({
  fill,
  svg: `<path d="M${x - r} ${y}a${r} ${r} 0 0 1 ${2 * r} 0z" fill="${fill}"/>`,
  inside: (px, py) => py <= y && (px - x) ** 2 + (py - y) ** 2 <= r * r,
});

const mark: Shape[] = [
  rrect(10, 38, 44, 14, 3, '#e9a55b'),
  rrect(10, 36, 44, 4, 2, '#f6c98d'),
  dome(32, 34, 10, '#fbf7f0'),
  circle(32, 22, 2.5, '#fbf7f0'),
  rrect(20, 33, 24, 3, 1.5, '#e07a5f'),
];
const BG = '#1f4e5f';

/** `maskable`: full-bleed background and the mark inside the 80 % safe zone. */
function shapes(maskable: boolean): { bg: Shape; mark: Shape[]; scale: number } {
  return { bg: maskable ? rrect(0, 0, 64, 64, 0, BG) : rrect(0, 0, 64, 64, 14, BG), mark, scale: maskable ? 0.8 : 1 };
}

function png(size: number, maskable: boolean): Buffer {
  const { bg, mark: m, scale } = shapes(maskable);
  const raw = Buffer.alloc((size * 4 + 1) * size);
  const S = 4;
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < S; sy++)
        for (let sx = 0; sx < S; sx++) {
          const ux = ((x + (sx + 0.5) / S) / size) * 64;
          const uy = ((y + (sy + 0.5) / S) / size) * 64;
          let colour: RGB | undefined = bg.inside(ux, uy) ? hex(bg.fill) : undefined;
          const mx = (ux - 32) / scale + 32;
          const my = (uy - 32) / scale + 32;
          for (const s of m) if (s.inside(mx, my)) colour = hex(s.fill);
          if (colour) (r += colour[0]), (g += colour[1]), (b += colour[2]), (a += 1);
        }
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = a ? Math.round(r / a) : 0;
      raw[o + 1] = a ? Math.round(g / a) : 0;
      raw[o + 2] = a ? Math.round(b / a) : 0;
      raw[o + 3] = Math.round((a / (S * S)) * 255);
    }
  }
  return encodePng(size, size, raw);
}

const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC[(c ^ byte) & 255] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function encodePng(w: number, h: number, raw: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  const sig = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return Buffer.concat([sig, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

function svg(): string {
  const { bg, mark: m } = shapes(false);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">\n  <!-- Comptoir's mark: a reception counter with a bell. Made by scripts/make-icons.ts. -->\n  ${[bg, ...m].map((s) => s.svg).join('\n  ')}\n</svg>\n`;
}

const out = 'public/icons';
mkdirSync(out, { recursive: true });
writeFileSync(`${out}/icon.svg`, svg());
writeFileSync(`${out}/icon-192.png`, png(192, false));
writeFileSync(`${out}/icon-512.png`, png(512, false));
writeFileSync(`${out}/icon-maskable-512.png`, png(512, true));
writeFileSync(`${out}/apple-touch-icon-180.png`, png(180, true));
console.log(`icons written to ${out}/`);
