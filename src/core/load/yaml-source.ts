import { isMap, isPair, isSeq, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';

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

/** A parsed YAML file that can say where any path of its data stands. */
export class YamlSource {
  private constructor(
    readonly file: string,
    private readonly doc: Document,
    private readonly lines: LineCounter,
  ) {}

  static parse(text: string, file: string): { source: YamlSource; errors: LoadError[] } {
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    const source = new YamlSource(file, doc, lines);
    const errors = [...doc.errors, ...doc.warnings].map((e) => {
      const pos = lines.linePos(e.pos[0]);
      return { file, line: pos.line, col: pos.col, message: `YAML syntax: ${e.message.split('\n')[0]}` };
    });
    return { source, errors };
  }

  data(): unknown {
    return this.doc.toJS();
  }

  /** The position of the node at `path`, or of its deepest existing ancestor. */
  locate(path: Path, key?: string): { line: number; col: number } {
    let node: unknown = this.doc.contents;
    for (const step of path) {
      const next = isMap(node) || isSeq(node) ? node.get(step, true) : undefined;
      if (next === undefined) break;
      node = next;
    }
    if (key !== undefined && isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
      if (pair && isScalar(pair.key)) node = pair.key;
    }
    const offset = (node as { range?: [number, number, number] } | null)?.range?.[0] ?? 0;
    return this.lines.linePos(offset);
  }

  error(path: Path, message: string, key?: string): LoadError {
    const shown = key === undefined ? path : [...path, key];
    const where = shown.length ? `${shown.map(String).join('.')}: ` : '';
    return { file: this.file, ...this.locate(path, key), message: where + message };
  }

  /** Validate the data against a schema; every issue becomes a located error. */
  validate<T>(schema: z.ZodType<T>): { value?: T; errors: LoadError[] } {
    const result = schema.safeParse(this.data());
    if (result.success) return { value: result.data, errors: [] };
    const errors = result.error.issues.flatMap((issue) => {
      if (issue.code === 'unrecognized_keys') {
        return issue.keys.map((k) => this.error(issue.path, `unknown field "${k}" (check its spelling; see scenarios/schema.json)`, k));
      }
      const missing = issue.code === 'invalid_type' && /received undefined/.test(issue.message);
      const message = missing ? `missing required field (expected ${issue.expected})` : issue.message;
      return [this.error(issue.path, message)];
    });
    return { errors };
  }
}
