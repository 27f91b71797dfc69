import { describe, expect, it } from 'vitest';
import { parseCsv, toCsv } from '../../src/platform/csv';

describe('CSV for Excel and LibreOffice', () => {
  const rows = [
    ['Élève', 'Classe', 'CP1'],
    ['=HYPERLINK("http://x")', '+33 6', 'TS'],
    ['-2+3', '@SUM(A1)', 'S'],
    ['Dupont; Jean', 'dit "JJ"', 'ligne\nsuivante'],
  ];
  const csv = toCsv(rows);

  it('starts with a UTF-8 BOM and separates cells with ;', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.split('\r\n')[0]).toBe('\uFEFFÉlève;Classe;CP1');
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    const back = parseCsv(csv);
    expect(back[1][0]).toBe(`'=HYPERLINK("http://x")`);
    expect(back[1][1]).toBe("'+33 6");
    expect(back[2][0]).toBe("'-2+3");
    expect(back[2][1]).toBe("'@SUM(A1)");
  });

  it('keeps separators, quotes and line breaks inside cells', () => {
    expect(parseCsv(csv)[3]).toEqual(rows[3]);
    expect(parseCsv(csv)[0]).toEqual(rows[0]);
  });
});
