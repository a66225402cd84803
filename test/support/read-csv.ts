/**
 * A strict RFC 4180 reader for the tests, written apart from csv-stringify so that a writer bug is
 * not mirrored by the reader: CRLF row ends only, fields quoted with `"` and `""` inside quotes.
 * Throws on anything RFC 4180 does not allow (a bare LF row end, a quote inside an unquoted field).
 */
export function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let index = 0;
  for (;;) {
    let field = '';
    if (text[index] === '"') {
      index++;
      for (;;) {
        const quote = text.indexOf('"', index);
        if (quote < 0) throw new Error(`unterminated quoted field at ${index}`);
        field += text.slice(index, quote);
        index = quote + 1;
        if (text[index] === '"') {
          field += '"';
          index++;
        } else break;
      }
    } else {
      while (index < text.length && text[index] !== ',' && text[index] !== '\r' && text[index] !== '\n') {
        if (text[index] === '"') throw new Error(`quote inside an unquoted field at ${index}`);
        field += text[index++];
      }
    }
    row.push(field);
    if (text[index] === ',') {
      index++;
      continue;
    }
    if (text.startsWith('\r\n', index)) {
      rows.push(row);
      row = [];
      index += 2;
      if (index === text.length) return rows;
      continue;
    }
    if (index === text.length) {
      rows.push(row);
      return rows;
    }
    throw new Error(`unexpected ${JSON.stringify(text[index])} at ${index} (rows must end with CRLF)`);
  }
}

/** The CSV's rows as objects keyed by the header row; every row must have as many cells as the header. */
export function readCsvRecords(text: string): Array<Record<string, string>> {
  const [header, ...rows] = readCsv(text);
  if (!header) throw new Error('no header row');
  return rows.map((row, rowIndex) => {
    if (row.length !== header.length) throw new Error(`row ${rowIndex + 2} has ${row.length} cells, the header ${header.length}`);
    return Object.fromEntries(header.map((name, column) => [name, row[column]!]));
  });
}
