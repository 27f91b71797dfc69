// npm run rescore -- --session <session file | link | token> <results files…> [--json] [--grant "<student>"]…
//
// The class view's checks, headless: every results file re-scored from its action logs,
// checked against the session given (the teacher's reference, as a saved session is in the
// class view) and against the other files of the same command (copies, attempt numbers).
// One line per file: file, student, attempt, valid / flagged / refused, flag codes, levels
// and score. Extra time counts as granted to the students named with --grant, or in the
// session file's "grants". Exit 0 whatever the files say; 1 for a bad command line or a
// session that cannot be read.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { type Levels, overallLevels } from '../core/run/grade';
import { allFlags, fileState, type Imported, type ImportFlag, rescoreImport } from '../core/run/rescore';
import { MAX_FILE_BYTES } from '../core/run/results-file';
import { decodeSession, type SavedSession, type SessionDef, SessionDefSchema } from '../core/run/session-def';
import { loadFromDisk } from './files';

const USAGE = 'usage: npm run rescore -- --session <session file | link | token> <results files…> [--json] [--grant "<student>"]…';

class UsageError extends Error {}

/** A grant as a session file may keep it: a name, or { student, extra }. */
function grantsIn(value: unknown): SavedSession['grants'] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((g) =>
    typeof g === 'string'
      ? [{ student: g }]
      : g && typeof g === 'object' && typeof g.student === 'string'
        ? [{ student: g.student, extra: g.extra !== false }]
        : [],
  );
}

/**
 * The session the files are checked against: a session file (as the teacher area
 * downloads it), a results file (its link), a link with `session=`, or the token itself.
 */
function readSession(arg: string): { def: SessionDef; grants: SavedSession['grants'] } {
  let text = arg;
  let grants: SavedSession['grants'] = [];
  if (existsSync(arg) && statSync(arg).isFile()) {
    if (statSync(arg).size > MAX_FILE_BYTES) throw new Error(`--session: ${arg} is too large`);
    text = readFileSync(arg, 'utf8');
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      value = undefined; // a text file holding a link or a token
    }
    if (value && typeof value === 'object') {
      const v = value as { token?: unknown; session?: { token?: unknown }; def?: unknown; grants?: unknown };
      grants = grantsIn(v.grants);
      const token = typeof v.token === 'string' ? v.token : typeof v.session?.token === 'string' ? v.session.token : undefined;
      if (token) text = token;
      else if (v.def) {
        const def = SessionDefSchema.safeParse(v.def);
        if (!def.success) throw new Error(`--session: ${arg}: not a session (${def.error.issues[0]?.path.join('.')})`);
        return { def: def.data, grants };
      } else throw new Error(`--session: ${arg}: neither a session file nor a results file`);
    }
  }
  const link = /[?&#]session=([^&#\s]+)/.exec(text)?.[1];
  let token = text.trim();
  if (link) {
    try {
      token = decodeURIComponent(link);
    } catch {
      throw new Error('--session: the link is not readable');
    }
  }
  const decoded = decodeSession(token);
  if ('refused' in decoded) throw new Error(`--session: refused (${decoded.refused}: ${decoded.detail})`);
  return { def: decoded.session, grants };
}

/** What one line says about one file, for people and for --json alike. */
interface RescoreLine {
  file: string;
  student?: string;
  group?: string;
  attempt?: number;
  status: 'valid' | 'flagged' | 'refused';
  flags: ImportFlag[];
  /** One level per criterion over the runs replayed; absent when refused. */
  levels?: Levels;
  /** Absent when refused, or when the attempt is not whole (a scenario missing). */
  score?: number;
  passed?: boolean;
}

function lineOf(i: Imported): RescoreLine {
  const status = fileState(i);
  const line: RescoreLine = { file: i.file, student: i.student?.name, group: i.student?.group, attempt: i.attempt, status, flags: allFlags(i) };
  if (status !== 'refused') {
    line.levels = overallLevels(i.runs.map((r) => r.levels));
    line.score = i.score;
    line.passed = i.passed;
  }
  return line;
}

function text(l: RescoreLine): string {
  const flags = l.flags.map((f) => (typeof f.params.scenario === 'string' ? `${f.code}@${f.params.scenario}` : f.code));
  const cells = [
    l.file,
    l.student === undefined ? '-' : `${l.student} (${l.group})`,
    l.attempt === undefined ? '-' : `attempt ${l.attempt}`,
    l.status,
    flags.join(',') || '-',
  ];
  if (l.levels) {
    cells.push(
      Object.entries(l.levels)
        .map(([id, level]) => `${id} ${level ?? '-'}`)
        .join(' ') || '-',
    );
    cells.push(l.score === undefined ? 'no score' : `score ${l.score} ${l.passed ? 'passed' : 'not passed'}`);
  }
  return cells.join('\t');
}

function main(argv: string[]) {
  const options = { session: { type: 'string' }, json: { type: 'boolean', default: false }, grant: { type: 'string', multiple: true } } as const;
  let parsed: ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; options: typeof options }>>;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const { values, positionals } = parsed;
  if (!values.session) throw new UsageError('--session is required');
  if (!positionals.length) throw new UsageError('no results file given');
  for (const f of positionals) if (!existsSync(f) || !statSync(f).isFile()) throw new UsageError(`${f}: no such file`);
  const session = readSession(values.session);
  const grants = [...session.grants, ...(values.grant ?? []).map((student) => ({ student }))];
  const catalog = loadFromDisk();
  const files = positionals.map((path) => {
    const size = statSync(path).size;
    // Too large: not read (rescoreFile refuses it by its size).
    return { name: basename(path), size, text: size > MAX_FILE_BYTES ? '' : readFileSync(path, 'utf8') };
  });
  const lines = rescoreImport(files, {
    scenarios: catalog.scenarios,
    rubrics: catalog.rubrics,
    sessions: [{ def: session.def, grants }],
  }).map(lineOf);
  console.log(values.json ? JSON.stringify(lines, null, 2) : lines.map(text).join('\n'));
}

try {
  main(process.argv.slice(2));
} catch (err) {
  console.error((err as Error).message);
  if (err instanceof UsageError) console.error(USAGE);
  process.exit(1);
}
