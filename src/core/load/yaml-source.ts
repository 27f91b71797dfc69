import { type Alias, type Document, isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument, visit } from 'yaml';
import { z } from 'zod';

export type Path = readonly PropertyKey[];

/** One problem in one file, located for a human: `file:line:col: message`. */
export interface LoadError {
  file: string;
  line: number;
  col: number;
  message: string;
}

export function formatError(e: LoadError): string {
  return `${e.file}:${e.line}:${e.col}: ${e.message}`;
}

/** Hints added to the yaml package's wording, by error code. */
const SYNTAX_HINTS: Record<string, string> = {
  BAD_INDENT: ' (check the indentation of this line against the lines above it)',
  TAB_AS_INDENT: ' (indent with spaces)',
};
const CLOSE_QUOTE = ' (add the same quote mark at the end of the text)';

/**
 * Uses of anchors allowed when expanding aliases (yaml's default, 100, refuses a
 * legitimate file that reuses one text 101 times). The count is weighted by nested
 * aliases, so exponential "billion laughs" expansions are still refused.
 */
const MAX_ALIAS_COUNT = 10_000;

/** A parsed YAML file that can say where any path of its data stands. */
export class YamlSource {
  private constructor(
    readonly file: string,
    private readonly doc: Document,
    private readonly lines: LineCounter,
  ) {}

  /** Parses `text`; a syntax error usually causes others below it, so only the first is reported. */
  static parse(text: string, file: string): { source: YamlSource; errors: LoadError[] } {
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    const source = new YamlSource(file, doc, lines);
    const errors = [...doc.errors, ...doc.warnings].slice(0, 1).map((e) => {
      // Indentation errors start on the blanks: point at the first character after them.
      let offset = e.pos[0];
      while (text[offset] === ' ' || text[offset] === '\t') offset++;
      const key = /^([^:\n]*):/
        .exec(text.slice(offset))?.[1]
        .trim()
        .replace(/^["']|["']$/g, '');
      const message =
        e.code === 'DUPLICATE_KEY' && key
          ? `duplicate key "${key}": a key may appear only once in the same mapping`
          : e.message.split('\n')[0] + (/^Missing closing/.test(e.message) ? CLOSE_QUOTE : (SYNTAX_HINTS[e.code] ?? ''));
      return { file, ...lines.linePos(offset), message: `YAML syntax: ${message}` };
    });
    return { source, errors };
  }

  /** The file's data; a bad alias (no anchor, or too many) becomes a located error instead of a crash. */
  data(): { value?: unknown; errors: LoadError[] } {
    try {
      return { value: this.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), errors: [] };
    } catch (err) {
      return { errors: [this.aliasError(err)] };
    }
  }

  /** toJS throws on an alias without its anchor or on too many aliases: say where. */
  private aliasError(err: unknown): LoadError {
    const aliases: Alias[] = [];
    visit(this.doc, { Alias: (_, node) => void aliases.push(node) });
    const unresolved = aliases.find((a) => !a.resolve(this.doc));
    const at = unresolved ?? aliases[0];
    const message = unresolved
      ? `YAML: alias "*${unresolved.source}" has no anchor "&${unresolved.source}" before it`
      : `YAML: ${(err as Error).message} (too many aliases: write the value out, or use fewer *references)`;
    return { file: this.file, ...this.lines.linePos(at?.range?.[0] ?? 0), message };
  }

  /**
   * The position of the node at `path`, or of its deepest existing ancestor. A mapping
   * or list is located at its key (`request:`), a scalar at its value.
   */
  locate(path: Path, key?: string): { line: number; col: number } {
    let node: unknown = this.doc.contents;
    let keyNode: Node | undefined;
    for (const step of path) {
      if (!isMap(node) && !isSeq(node)) break;
      const pair = isMap(node) ? node.items.find((p) => isScalar(p.key) && p.key.value === step) : undefined;
      const next: unknown = node.get(step, true);
      if (next === undefined) break;
      keyNode = isMap(node) && pair && isScalar(pair.key) ? pair.key : undefined;
      node = next;
    }
    if (key !== undefined && isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
      if (pair && isScalar(pair.key)) node = pair.key;
    } else if (keyNode && !(isScalar(node) && node.value !== null)) {
      node = keyNode;
    }
    const offset = (node as { range?: [number, number, number] } | null)?.range?.[0] ?? 0;
    return this.lines.linePos(offset);
  }

  error(path: Path, message: string, key?: string): LoadError {
    const shown = key === undefined ? path : [...path, key];
    const where = shown.length ? `${shown.map(String).join('.')}: ` : '';
    return { file: this.file, ...this.locate(path, key), message: where + message };
  }

  /** Validate the data against a schema; every issue becomes a located error saying what was expected. */
  validate<T>(schema: z.ZodType<T>, data?: unknown): { value?: T; errors: LoadError[] } {
    if (data === undefined) {
      const read = this.data();
      if (read.errors.length) return { errors: read.errors };
      data = read.value;
    }
    const result = schema.safeParse(data);
    if (result.success) return { value: result.data, errors: [] };
    const issues = result.error.issues;
    const isMissing = (i: z.core.$ZodIssue) => i.code !== 'custom' && i.path.length > 0 && !this.doc.hasIn(i.path);
    // A misspelt field shows up as unknown; its missing twin needs no error of its own.
    const explained = new Set<string>();
    const unknown = issues.flatMap((issue) => {
      if (issue.code !== 'unrecognized_keys') return [];
      const allowed = Object.keys(shapeOf(schemaAt(schema, issue.path)));
      return issue.keys.map((k) => {
        const guess = closest(k, allowed);
        if (guess) explained.add([...issue.path, guess].map(String).join('.'));
        const expected = guess ? `did you mean "${guess}"?` : `expected one of ${allowed.join(', ')}`;
        return this.error(issue.path, `unknown field "${k}"; ${expected}`, k);
      });
    });
    const others = issues.flatMap((issue) => {
      if (issue.code === 'unrecognized_keys') return [];
      const at = issue.path.map(String).join('.');
      if (isMissing(issue)) {
        if (explained.has(at)) return [];
        const field = String(issue.path[issue.path.length - 1]);
        const expected = describe(schemaAt(schema, issue.path));
        const message = `missing required field "${field}"${expected ? ` (expected ${expected})` : ''}`;
        return [this.error(issue.path.slice(0, -1), message)];
      }
      return [this.error(issue.path, this.explain(issue, schema))];
    });
    return { errors: [...others, ...unknown] };
  }

  /** Zod's own wording for common issues, rephrased as "got this; expected that". */
  private explain(issue: z.core.$ZodIssue, schema: z.ZodType): string {
    const got = shown(this.doc.getIn(issue.path));
    const defaultWording = /^(Invalid input|Invalid option|Too big|Too small)/.test(issue.message);
    if (issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_union') {
      if (!defaultWording) return issue.message;
      return `got ${got}; expected ${describe(schemaAt(schema, issue.path)) ?? issue.message}`;
    }
    if ((issue.code === 'too_big' || issue.code === 'too_small') && defaultWording) {
      const big = issue.code === 'too_big';
      const limit = big ? issue.maximum : issue.minimum;
      const bound = `${big ? 'at most' : 'at least'} ${String(limit)}`;
      if (issue.origin === 'array') return `the list has ${big ? 'too many' : 'too few'} items; expected ${bound}`;
      if (issue.origin === 'number' || issue.origin === 'int') {
        return `${got} is too ${big ? 'big' : 'small'}; expected ${issue.inclusive ? bound : `${big ? 'less' : 'more'} than ${String(limit)}`}`;
      }
    }
    if (issue.code === 'invalid_format' && /^expected /.test(issue.message)) return `got ${got}; ${issue.message}`;
    return issue.message;
  }
}

/** A value as a teacher would recognise it in the file. */
function shown(value: unknown): string {
  if (isMap(value)) return 'a mapping';
  if (isSeq(value)) return 'a list';
  if (value === null || value === undefined) return 'nothing';
  return typeof value === 'string' ? `the text "${value}"` : String(value);
}

/** The part of `schema` that checks the data at `path`, if it can be told. */
function schemaAt(schema: z.ZodType, path: Path): z.ZodType | undefined {
  let s: z.ZodType | undefined = bare(schema);
  for (const step of path) {
    if (s instanceof z.ZodObject) s = (s.shape as Record<string, z.ZodType>)[String(step)];
    else if (s instanceof z.ZodArray) s = s.element as z.ZodType;
    else if (s instanceof z.ZodRecord) s = s.valueType as z.ZodType;
    else if (s instanceof z.ZodUnion) s = (s.options as z.ZodType[]).map((o) => schemaAt(o, [step])).find(Boolean);
    else return undefined;
    s = s && bare(s);
  }
  return s;
}

function bare(s: z.ZodType): z.ZodType {
  return s instanceof z.ZodOptional || s instanceof z.ZodNullable ? bare(s.unwrap() as z.ZodType) : s;
}

function shapeOf(s: z.ZodType | undefined): Record<string, z.ZodType> {
  return s instanceof z.ZodObject ? (s.shape as Record<string, z.ZodType>) : {};
}

/** What a schema accepts, in words: "a mapping with fr, en", "one of low, normal, high". */
function describe(s: z.ZodType | undefined): string | undefined {
  if (s instanceof z.ZodObject) return `a mapping with ${Object.keys(shapeOf(s)).join(', ')}`;
  if (s instanceof z.ZodArray) return 'a list';
  if (s instanceof z.ZodEnum) return `one of ${s.options.join(', ')}`;
  if (s instanceof z.ZodLiteral) return [...s.values].map((v) => JSON.stringify(v)).join(' or ');
  if (s instanceof z.ZodNumber) return s.isInt ? 'a whole number' : 'a number';
  if (s instanceof z.ZodString) return 'a text';
  if (s instanceof z.ZodBoolean) return 'true or false';
  if (s instanceof z.ZodUnion) return (s.options as z.ZodType[]).map(describe).join(' or ');
  return undefined;
}

/** The allowed name a misspelt one was probably meant to be (at most a third of it wrong). */
function closest(name: string, allowed: string[]): string | undefined {
  const distance = (a: string, b: string) => {
    let row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const next = [i];
      for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      row = next;
    }
    return row[b.length];
  };
  const scored = allowed.map((a) => ({ a, d: distance(name.toLowerCase(), a.toLowerCase()) })).sort((x, y) => x.d - y.d);
  return scored[0] && scored[0].d <= Math.max(1, Math.floor(name.length / 3)) ? scored[0].a : undefined;
}
