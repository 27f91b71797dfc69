// npm run build:scorm [-- --session <session file, link or token>] [--out comptoir-scorm.zip]
//
// A SCORM 1.2 package for Moodle: the built game (relative paths, no service
// worker) with imsmanifest.xml at the zip's root and the session in session.txt.
// Without --session, every scenario of the first rubric, each with its own limit.

import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { zipSync } from 'fflate';
import { decodeSession, encodeSession, type SessionDef } from '../core/run/session-def';
import { loadFromDisk } from './files';

const OUT_DIR = 'dist-scorm';

function sessionToken(arg: string | undefined): string {
  if (arg) {
    let text = existsSync(arg) ? readFileSync(arg, 'utf8') : arg;
    try {
      text = JSON.parse(text).token ?? text;
    } catch {
      /* a link or a token */
    }
    const token = decodeURIComponent(/session=([^&#\s]+)/.exec(text)?.[1] ?? text.trim());
    const decoded = decodeSession(token);
    if ('refused' in decoded) throw new Error(`--session: refused (${decoded.refused}: ${decoded.detail})`);
    return token;
  }
  const catalog = loadFromDisk();
  const rubric = [...catalog.rubrics.keys()][0];
  const scenarios = catalog.scenarios.filter((s) => s.rubric === rubric).map((s) => ({ id: s.id, limit: Math.min(3600, Math.max(30, s.timeLimit)) }));
  const def: SessionDef = {
    v: 1,
    id: 'scormdefault',
    name: 'Comptoir',
    rubric,
    scenarios,
    overall: Math.min(4 * 3600, scenarios.reduce((s, x) => s + x.limit, 0) + 300),
    hints: false,
    feedback: true,
    seed: 1,
    threshold: 50,
    extraPercent: 0,
    extra: false,
  };
  return encodeSession(def);
}

const files = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function manifest(title: string, list: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="comptoir" version="1.2"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>${xml(title)}</title>
      <item identifier="item" identifierref="sco" isvisible="true"><title>${xml(title)}</title></item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="sco" type="webcontent" adlcp:scormtype="sco" href="index.html">
${list.map((f) => `      <file href="${xml(f)}"/>`).join('\n')}
    </resource>
  </resources>
</manifest>
`;
}

function main() {
  const { values } = parseArgs({ options: { session: { type: 'string' }, out: { type: 'string', default: 'comptoir-scorm.zip' } } });
  const token = sessionToken(values.session);
  const def = (decodeSession(token) as { session: SessionDef }).session;
  // Mode "scorm": relative base, and no service worker (an LMS serves each attempt itself).
  execFileSync('npx', ['vite', 'build', '--mode', 'scorm', '--outDir', OUT_DIR, '--emptyOutDir', '--logLevel', 'warn'], { stdio: 'inherit' });
  for (const f of files(OUT_DIR)) if (/(^|\/)(sw\.js|workbox-[^/]*\.js|registerSW\.js)$/.test(f)) rmSync(f);
  const html = readFileSync(join(OUT_DIR, 'index.html'), 'utf8');
  if (/serviceWorker|registerSW/.test(html)) throw new Error('the SCORM build must not register a service worker');
  if (/(src|href)="\//.test(html)) throw new Error('the SCORM build must use relative paths (base "./")');
  writeFileSync(join(OUT_DIR, 'session.txt'), token);
  const list = files(OUT_DIR)
    .map((f) => relative(OUT_DIR, f).split('\\').join('/'))
    .filter((f) => f !== 'imsmanifest.xml')
    .sort();
  writeFileSync(join(OUT_DIR, 'imsmanifest.xml'), manifest(def.name, list));
  const entries = Object.fromEntries([...list, 'imsmanifest.xml'].map((f) => [f, new Uint8Array(readFileSync(join(OUT_DIR, f)))]));
  const zip = zipSync(entries, { level: 9 });
  writeFileSync(values.out!, zip);
  console.log(`${values.out}: ${(zip.length / 1024).toFixed(0)} KB, ${list.length + 1} files, session "${def.name}" (${def.scenarios.length} scenarios)`);
}

try {
  main();
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
