import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The built site ships only part of Phaser (src/game/phaser-canvas.js) while `npm start` serves
// all of it: something the scenes use but the build leaves out would only break the built game.
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : []));
const sources = [...files('src/game'), 'tests/bench/hall-page.ts'].map((f) => readFileSync(f, 'utf8'));
const entry = readFileSync('src/game/phaser-canvas.js', 'utf8');
const used = (re: RegExp) => [...new Set(sources.flatMap((s) => [...s.matchAll(re)].map((m) => m[1])))].sort();

describe('the Phaser the build ships', () => {
  it('registers every game-object factory the scenes call (this.add.…)', () => {
    const factories = used(/\badd\.(\w+)\(/g).filter((f) => f !== 'existing');
    expect(factories.length).toBeGreaterThan(3);
    const shipped = [...entry.matchAll(/\/(\w+)Factory\.js'/g)].map((m) => m[1].toLowerCase());
    expect(factories.filter((f) => !shipped.includes(f.toLowerCase()))).toEqual([]);
  });

  it('exports every Phaser namespace the game reads (Phaser.…)', () => {
    const namespaces = used(/\bPhaser\.(\w+)/g);
    const exported = [...entry.matchAll(/export (?:const|\{)([^;=]+)/g)].flatMap((m) =>
      m[1]
        .replace(/[{}]/g, '')
        .split(',')
        .map((s) => s.trim()),
    );
    expect(namespaces.filter((n) => !exported.includes(n))).toEqual([]);
  });

  it('brings the scene plugins the scenes use (this.tweens, this.time, cameras)', () => {
    const plugins: Record<string, string> = { '.tweens.': 'tweens/TweenManager.js', '.time.': 'time/Clock.js', '.cameras.': 'cameras/2d/CameraManager.js' };
    const needed = Object.keys(plugins).filter((use) => sources.some((s) => s.includes(use)));
    expect(needed).toContain('.tweens.');
    expect(needed.filter((use) => !entry.includes(`/${plugins[use]}'`))).toEqual([]);
  });
});
