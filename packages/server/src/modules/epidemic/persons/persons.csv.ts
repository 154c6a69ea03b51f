/**
 * A small RFC 4180 reader for person lists saved from a spreadsheet: UTF-8 with or without a byte
 * order mark (Excel writes one), CRLF or LF line ends, quoted fields with "" for a quote and line
 * breaks inside quotes. Returns the rows as arrays of strings with their line numbers, so errors
 * can name the row a user sees in the spreadsheet.
 */
export interface CsvRow {
  /** 1-based record number as a spreadsheet shows it: the header is row 1. */
  row: number;
  cells: string[];
}

export class CsvSyntaxError extends Error {
  constructor(readonly row: number) {
    super(`unterminated quoted field starting in row ${row}`);
  }
}

export function parseCsv(text: string): CsvRow[] {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let field = '';
  let record = 1;
  let i = 0;
  const n = input.length;
  const endRecord = () => {
    cells.push(field);
    field = '';
    // A blank line (one empty cell) is not a record; spreadsheets often end with one.
    if (!(cells.length === 1 && cells[0] === '')) rows.push({ row: record, cells });
    record += 1;
    cells = [];
  };
  while (i < n) {
    const c = input.charCodeAt(i);
    if (c === 0x22 /* " */ && field === '') {
      const start = record;
      i += 1;
      let value = '';
      for (;;) {
        const close = input.indexOf('"', i);
        if (close < 0) throw new CsvSyntaxError(start);
        value += input.slice(i, close);
        if (input.charCodeAt(close + 1) === 0x22) {
          value += '"';
          i = close + 2;
          continue;
        }
        i = close + 1;
        break;
      }
      field = value;
      continue;
    }
    if (c === 0x2c /* , */) {
      cells.push(field);
      field = '';
      i += 1;
    } else if (c === 0x0d /* \r */ || c === 0x0a /* \n */) {
      endRecord();
      i += c === 0x0d && input.charCodeAt(i + 1) === 0x0a ? 2 : 1;
    } else {
      let j = i;
      while (j < n) {
        const d = input.charCodeAt(j);
        if (d === 0x2c || d === 0x0d || d === 0x0a) break;
        j += 1;
      }
      field += input.slice(i, j);
      i = j;
    }
  }
  if (field !== '' || cells.length > 0) endRecord();
  return rows;
}
