import { Readable, pipeline } from 'node:stream';
import { parse, type CsvError } from 'csv-parse';
import { MANDATORY_COLUMNS, detectFocusVersion } from './focus-columns';
import { type FocusRecord } from './focus-row';
import { type ColumnIndex, validateFocusRecord } from './focus-row.validator';
import { FocusFormatError } from './focus.errors';

interface ParsedRecord {
  record: string[];
  info: { empty_lines: number };
}

/** A CSV syntax error csv-parse recovered from by skipping the record; reported as a row error. */
interface SkippedRecord {
  skipped: CsvError;
}

const LINE_BREAK = /\r\n|\r|\n/g;

/** Physical lines a record spans: 1 plus the line breaks inside its quoted fields. */
function linesSpanned(record: readonly string[]): number {
  let lines = 1;
  for (const cell of record) if (cell.length > 0) lines += cell.match(LINE_BREAK)?.length ?? 0;
  return lines;
}

/**
 * Streams FOCUS records from CSV text (a Readable of bytes or strings, or any async iterable of chunks).
 * Reads the header first: mandatory columns missing → throws FocusFormatError naming all of them.
 * Then yields one record per data row, in file order, holding only the row being read (never the file).
 * Rows are validated (decimals, ISO 8601 dates with end after start, currency, ChargeCategory, Tags JSON) and each
 * invalid row is yielded as an error with its physical starting line; a UTF-8 BOM is skipped, blank lines ignored.
 * Broken CSV quoting ends the stream with one last error record at the row where it happens.
 */
export async function* readFocus(input: NodeJS.ReadableStream | AsyncIterable<string | Buffer>): AsyncGenerator<FocusRecord> {
  const parser = parse({
    bom: true,
    info: true,
    // explicit: left to auto-detection, csv-parse 7 re-derives the delimiter length for every byte (~10x slower)
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    // csv-parse calls this while parsing, so the marker lands in the output in file order, between the records
    on_skip: (error) => {
      if (error) parser.push({ skipped: error } satisfies SkippedRecord);
      return undefined;
    },
  });
  const source = Readable.from(input as AsyncIterable<string | Buffer>);
  // pipeline destroys both sides when either fails or when the consumer stops early
  pipeline(source, parser, () => undefined);

  let columns: ColumnIndex | null = null;
  let lastLine = 0; // physical line where the previous record ended
  let emptyLinesSeen = 0;

  for await (const chunk of parser as AsyncIterable<ParsedRecord | SkippedRecord>) {
    if ('skipped' in chunk) {
      const message = `not valid CSV: ${chunk.skipped.message}`;
      if (columns === null) throw new FocusFormatError(`FOCUS header (line 1) is ${message}`, [...MANDATORY_COLUMNS], null);
      const emptyLines = chunk.skipped.empty_lines;
      const line = lastLine + 1 + (typeof emptyLines === 'number' ? Math.max(0, emptyLines - emptyLinesSeen) : 0);
      // csv-parse cannot resynchronise its quoting after such an error, so nothing after it can be trusted
      yield { ok: false, error: { line, errors: [`${message}; the rest of the file was not read`] } };
      parser.destroy();
      return;
    }
    const line = lastLine + 1 + (chunk.info.empty_lines - emptyLinesSeen);
    emptyLinesSeen = chunk.info.empty_lines;
    lastLine = line + linesSpanned(chunk.record) - 1;
    if (columns === null) {
      columns = readHeader(chunk.record);
      continue;
    }
    yield validateFocusRecord(chunk.record, columns, line);
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
