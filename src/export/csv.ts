const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One CSV cell (RFC 4180) that a spreadsheet will not run as a formula: a value starting with = + - @
 * (or their full-width forms), a tab or a carriage return gets a leading apostrophe; a value holding a
 * quote, comma or line break is quoted, with quotes doubled.
 */
export function csvCell(value: string): string {
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** One CSV record: the cells joined by commas and ended by CRLF, as RFC 4180 asks. */
export function csvRecord(values: string[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
