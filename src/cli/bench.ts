// npm run bench [-- --lighthouse] [--runs=5] [--only=bundle,engine,load,fps,memory]: every figure of issue 10 beside its target.
// Builds the game as shipped, measures it in Debian's Chromium (never a downloaded browser), prints JSON then a table.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { launch } from '../../tests/e2e/chromium';
import { fpsFigures, loadFigures, memoryFigures } from '../bench/browser';
import { bundleFigures } from '../bench/bundle';
import { engineFigures } from '../bench/engine';
import { lighthouseFigures } from '../bench/lighthouse';
import { type Figure, table } from '../bench/report';
import { serve } from '../bench/serve';
import { loadFromDisk } from './files';

const args = process.argv.slice(2);
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const runs = Math.max(5, Number(option('runs') ?? 5));
const only = option('only')?.split(',');
const want = (group: string) => (group === 'lighthouse' ? args.includes('--lighthouse') : !only || only.includes(group));
const port = Number(process.env.BENCH_PORT ?? process.env.E2E_PORT ?? 4310);
const log = (m: string) => process.stderr.write(`bench: ${m}\n`);

async function main() {
  const out = mkdtempSync(join(tmpdir(), 'comptoir-bench-'));
  const game = join(out, 'game');
  const hall = join(out, 'hall');
  try {
    log('building the game as shipped (hidden source maps, to name the packages in each chunk)');
    await build({ logLevel: 'warn', build: { outDir: game, emptyOutDir: true, sourcemap: 'hidden' } });
    log('building the hall frame-rate page (tests/bench/hall.html)');
    await build({ logLevel: 'warn', build: { outDir: hall, emptyOutDir: true, rolldownOptions: { input: 'tests/bench/hall.html' } } });

    const bundle = bundleFigures(game);
    const figures: Figure[] = want('bundle') ? [...bundle.figures] : [];
    if (want('engine')) {
      log('engine: shifts per second and a class re-score');
      figures.push(...engineFigures(loadFromDisk()));
    }

    if (['load', 'fps', 'memory', 'lighthouse'].some(want)) {
      const [site, hallSite] = await Promise.all([serve(game, port), serve(hall, port + 1)]);
      const browser = await launch();
      try {
        if (want('load')) log(`${runs} cold loads at 4× CPU throttling`), figures.push(...(await loadFigures(browser, site.url, runs)));
        if (want('fps')) log('frame rates'), figures.push(...(await fpsFigures(browser, hallSite.url)));
        if (want('memory')) log('memory over 50 scenarios in one page'), figures.push(...(await memoryFigures(browser, site.url)));
      } finally {
        await browser.close();
      }
      if (want('lighthouse')) {
        log('lighthouse, 5 runs');
        figures.push(...(await lighthouseFigures(site.url)));
      }
      await Promise.all([site.close(), hallSite.close()]);
    }
    const failed = figures.filter((f) => f.pass === false).length;
    console.log(
      JSON.stringify(
        { date: new Date().toISOString(), node: process.version, firstScreen: { files: bundle.files, packages: bundle.packages }, figures },
        null,
        2,
      ),
    );
    console.log(`\n${table(figures)}\n\n${figures.length} figures, ${failed} below target`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
