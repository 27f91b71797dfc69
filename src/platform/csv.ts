import Papa from 'papaparse';

/**
 * CSV that opens right in French Excel and in LibreOffice: UTF-8 with a BOM, `;`
 * between cells, and any cell starting with = + - @ (or a tab / carriage return)
 * neutralised with a leading quote so a spreadsheet never runs it as a formula.
 */
export function toCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  return `\uFEFF${Papa.unparse(
    rows.map((r) => r.map((c) => (c === null ? '' : String(c)))),
    { delimiter: ';', escapeFormulae: true, newline: '\r\n' },
  )}`;
}

export function parseCsv(text: string): string[][] {
  return Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimiter: ';', skipEmptyLines: true }).data;
}
