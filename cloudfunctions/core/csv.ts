/**
 * One CSV cell, quoted when it holds a comma, a quote or a line break. Exactly the text, nothing added: for files
 * read back by programs (the census format). Files for people go through `csvForPeople`.
 */
export function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Spreadsheet programs run a cell beginning with `=`, `+`, `-` or `@` as a formula (and some skip a leading tab
 * or carriage return first), so text from people such as `=HYPERLINK("http://…")` or `+cmd|' /C calc'!A0` could
 * open links or programs on the computer of whoever opens an export. Such a cell gets the usual `'` in front,
 * which shows it as text (OWASP's advice on CSV injection).
 */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * Rows as a CSV file for people: UTF-8 with a BOM (so spreadsheet programs read the Chinese), CRLF lines, and every
 * cell that a spreadsheet would take for a formula neutralised.
 */
export function csvForPeople(rows: string[][]): string {
  return `\ufeff${rows.map((r) => r.map((v) => csvCell(neutraliseCell(v))).join(',')).join('\r\n')}\r\n`;
}

/** The longest title part of an export's file name, in characters (the whole name stays well under 255 bytes). */
export const MAX_FILENAME_TITLE = 40;

/**
 * A file name for an export: `<title>-<suffix>` reduced to a safe set — letters and digits of any script (so
 * Chinese stays), spaces, `-`, `_`, `(`, `)`, `（`, `）` and single dots; path separators, control characters and
 * anything else become `_`, runs of dots and of `_` collapse, and leading dots, dashes and spaces go, so the result
 * can never name a folder, a hidden file or a path. The title is cut to MAX_FILENAME_TITLE characters; an empty
 * title becomes 「导出」. The suffix (e.g. `报名名单.csv`) is written by the program and kept as given once cleaned
 * the same way.
 */
export function safeFilename(title: string, suffix: string): string {
  const clean = (s: string) =>
    s
      .normalize('NFC')
      .replace(/[^\p{L}\p{N}\p{M} ._\-()（）·、《》]/gu, '_')
      .replace(/\.{2,}/g, '.')
      .replace(/_{2,}/g, '_')
      .replace(/\s+/g, ' ');
  let t = [...clean(title)]
    .slice(0, MAX_FILENAME_TITLE)
    .join('')
    .replace(/^[\s._-]+|[\s._-]+$/g, '');
  if (!t) t = '导出';
  const s = clean(suffix).replace(/^[\s._-]+/, '');
  return s ? `${t}-${s}` : t;
}
