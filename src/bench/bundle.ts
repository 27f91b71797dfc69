import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Figure, figure } from './report';

/** Files the first screen fetches: index.html's script, modulepreloads and stylesheets. */
export function firstScreenFiles(dist: string): string[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*\bhref)="([^"]+\.(?:js|css))"/g)].map((m) => m[1].replace(/^\.?\//, ''));
  return [...new Set(refs)];
}

/** npm packages bundled into a file, read from its source map (the bench builds with maps). */
function packagesIn(dist: string, file: string): string[] {
  try {
    const map = JSON.parse(readFileSync(join(dist, `${file}.map`), 'utf8')) as { sources: string[] };
    return [...new Set(map.sources.map((s) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(s)?.[1]).filter((p): p is string => !!p))].sort();
  } catch {
    return [];
  }
}

export function bundleFigures(dist: string): { figures: Figure[]; files: string[]; packages: string[]; chunks: { file: string; gzip: number }[] } {
  const files = firstScreenFiles(dist);
  let raw = 0;
  let gz = 0;
  for (const f of files) {
    const bytes = readFileSync(join(dist, f));
    raw += bytes.length;
    gz += gzipSync(bytes, { level: 9 }).length;
  }
  const packages = [...new Set(files.flatMap((f) => packagesIn(dist, f)))].sort();
  const heavy = packages.filter((p) => p === 'yaml' || p === 'zod' || p === 'phaser');
  const chunks = readdirSync(join(dist, 'assets'))
    .filter((f) => /\.js$/.test(f))
    .map((f) => ({ file: `assets/${f}`, gzip: gzipSync(readFileSync(join(dist, 'assets', f)), { level: 9 }).length }))
    .sort((a, b) => b.gzip - a.gzip);
  return {
    files,
    packages,
    chunks,
    figures: [
      figure('bundle', 'first screen JS+CSS, raw', raw / 1024, 'KB', undefined, `${files.length} files`),
      figure('bundle', 'first screen JS+CSS, gzip', gz / 1024, 'KB', { max: 120 }),
      figure('bundle', 'yaml, zod or phaser in the first screen', heavy.length, 'packages', { max: 0 }, heavy.join(', ') || 'none'),
    ],
  };
}
