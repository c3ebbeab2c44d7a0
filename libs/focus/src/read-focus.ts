import { CsvSyntaxError, csvRecordBatches } from './csv-records';
import { MANDATORY_COLUMNS, detectFocusVersion } from './focus-columns';
import { type FocusRecord } from './focus-row';
import { type ColumnIndex, validateFocusRecord } from './focus-row.validator';
import { FocusFormatError } from './focus.errors';

/**
 * Streams FOCUS records from CSV text (a Readable of bytes or strings, or any async iterable of chunks).
 * Reads the header first: mandatory columns missing → throws FocusFormatError naming all of them.
 * Then yields one record per data row, in file order, holding only the rows of the chunk being read (never the file).
 * Rows are validated (decimals, ISO 8601 dates with end after start, currency, ChargeCategory, Tags JSON) and each
 * invalid row is yielded as an error with its physical starting line; a UTF-8 BOM is skipped, blank lines ignored.
 * Broken CSV quoting ends the stream with one last error record at the row where it happens.
 */
export async function* readFocus(input: NodeJS.ReadableStream | AsyncIterable<string | Buffer>): AsyncGenerator<FocusRecord> {
  let columns: ColumnIndex | null = null;
  try {
    // stopping early (return/throw on this generator) ends the for-await, which closes (destroys) the input stream
    for await (const batch of csvRecordBatches(input as AsyncIterable<string | Buffer>)) {
      for (const { fields, line } of batch) {
        if (columns === null) {
          columns = readHeader(fields);
          continue;
        }
        yield validateFocusRecord(fields, columns, line);
      }
    }
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    const message = `not valid CSV: ${error.message}`;
    if (columns === null) throw new FocusFormatError(`FOCUS header (line 1) is ${message}`, [...MANDATORY_COLUMNS], null);
    // quoting cannot be resynchronised after such an error, so nothing after it can be trusted
    yield { ok: false, error: { line: error.line, errors: [`${message}; the rest of the file was not read`] } };
    return;
  }
  if (columns === null) throw new FocusFormatError('the input is empty: no FOCUS header row', [...MANDATORY_COLUMNS], null);
}

function readHeader(record: readonly string[]): ColumnIndex {
  const names = record.map((cell) => cell.trim());
  const detectedVersion = detectFocusVersion(names);
  const columns = new Map<string, number>();
  const duplicates = new Set<string>();
  names.forEach((name, index) => {
    if (columns.has(name)) duplicates.add(name);
    else columns.set(name, index);
  });
  const missing = MANDATORY_COLUMNS.filter((name) => !columns.has(name));
  const problems: string[] = [];
  if (missing.length > 0) {
    const lower = new Map(names.map((name) => [name.toLowerCase(), name]));
    const described = missing.map((name) => {
      const near = lower.get(name.toLowerCase());
      return near ? `${name} (found "${near}"; column names are case-sensitive)` : name;
    });
    problems.push(`missing mandatory FOCUS column${missing.length > 1 ? 's' : ''}: ${described.join(', ')}`);
  }
  if (duplicates.size > 0) problems.push(`duplicated column${duplicates.size > 1 ? 's' : ''}: ${[...duplicates].join(', ')}`);
  if (problems.length > 0) {
    const version = detectedVersion ? `looks like FOCUS ${detectedVersion}` : 'does not look like FOCUS';
    throw new FocusFormatError(`FOCUS header (line 1) ${version}; ${problems.join('; ')}`, missing, detectedVersion);
  }
  // names are unique here, so the index has one entry per header field and rows are checked against its size
  return columns;
}
