import { type CsvRecord, CsvSyntaxError, csvRecordBatches, csvRecords } from './csv-records';

async function* chunksOf(chunks: readonly (string | Buffer)[]): AsyncGenerator<string | Buffer> {
  for (const chunk of chunks) yield await Promise.resolve(chunk);
}

function bytesInChunks(text: string, size: number): Buffer[] {
  const bytes = Buffer.from(text, 'utf8');
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return chunks;
}

async function read(chunks: readonly (string | Buffer)[]): Promise<CsvRecord[]> {
  const records: CsvRecord[] = [];
  for await (const record of csvRecords(chunksOf(chunks))) records.push(record);
  return records;
}

async function errorOf(chunks: readonly (string | Buffer)[]): Promise<{ error: CsvSyntaxError; before: CsvRecord[] }> {
  const before: CsvRecord[] = [];
  try {
    for await (const record of csvRecords(chunksOf(chunks))) before.push(record);
  } catch (error) {
    expect(error).toBeInstanceOf(CsvSyntaxError);
    return { error: error as CsvSyntaxError, before };
  }
  throw new Error('expected a CsvSyntaxError');
}

/** Fields, quotes, escapes, embedded commas and line breaks, CRLF, blank lines and non-ASCII text. */
const TRICKY = [
  'id,name,note',
  '1,plain,"with, comma"',
  '2,"say ""hi""","two',
  'lines"',
  '',
  '3,,""',
  '4,"Zürich-€-サーバー",x\r',
  '\r',
  '5,"a\r',
  '""b""",',
  '6,"",last',
  '',
].join('\n');

const TRICKY_RECORDS: CsvRecord[] = [
  { line: 1, fields: ['id', 'name', 'note'] },
  { line: 2, fields: ['1', 'plain', 'with, comma'] },
  { line: 3, fields: ['2', 'say "hi"', 'two\nlines'] },
  { line: 6, fields: ['3', '', ''] },
  { line: 7, fields: ['4', 'Zürich-€-サーバー', 'x'] },
  { line: 9, fields: ['5', 'a\r\n"b"', ''] },
  { line: 11, fields: ['6', '', 'last'] },
];

describe(csvRecords.name, () => {
  it('splits quoted, escaped, multi-line and empty fields, with the line each record starts on', async () => {
    expect(await read([TRICKY])).toEqual(TRICKY_RECORDS);
  });

  it.each([1, 2, 3, 5, 7, 64])('gives the same records for %i-byte chunks (splitting quotes, CRLF and UTF-8)', async (size) => {
    expect(await read(bytesInChunks(TRICKY, size))).toEqual(TRICKY_RECORDS);
  });

  it('gives the same records for every two-piece split of the text', async () => {
    for (let i = 0; i <= TRICKY.length; i++) {
      expect(await read([TRICKY.slice(0, i), TRICKY.slice(i)])).toEqual(TRICKY_RECORDS);
    }
  });

  it('reads CRLF line ends and counts CRLF blank lines', async () => {
    expect(await read(['a,b\r\n\r\n"c\r\nd",e\r\nf,g'])).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 3, fields: ['c\r\nd', 'e'] },
      { line: 5, fields: ['f', 'g'] },
    ]);
  });

  it('strips a UTF-8 BOM, also when its bytes arrive one at a time, but keeps a BOM that is not leading', async () => {
    const expected = [{ line: 1, fields: ['a', '\uFEFFb'] }];
    expect(await read(['\uFEFFa,\uFEFFb\n'])).toEqual(expected);
    expect(await read(bytesInChunks('\uFEFFa,\uFEFFb\n', 1))).toEqual(expected);
    expect(await read(['', '\uFEFF', 'a,\uFEFFb'])).toEqual(expected);
  });

  it('ends the last record at the end of input, with or without a final line end', async () => {
    expect(await read(['a,b\nc,d'])).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['c', 'd'] },
    ]);
    expect(await read(['a,b\nc,"d"'])).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['c', 'd'] },
    ]);
    expect(await read(['a,\n\n\n'])).toEqual([{ line: 1, fields: ['a', ''] }]);
  });

  it('yields nothing for empty input or only blank lines', async () => {
    expect(await read([])).toEqual([]);
    expect(await read(['', Buffer.alloc(0)])).toEqual([]);
    expect(await read(['\n\r\n\n'])).toEqual([]);
  });

  it('reports an unterminated quote at the end of input with the line it opened on, after the records before it', async () => {
    const { error, before } = await errorOf(bytesInChunks('a,b\n\nc,"open\nmore\n', 3));
    expect(before).toEqual([{ line: 1, fields: ['a', 'b'] }]);
    expect(error.line).toBe(3);
    expect(error.message).toBe('Unterminated quoted field: the quote opened on line 3 is never closed');
  });

  it('reports text after a closing quote and a quote inside an unquoted field, at the record line', async () => {
    const closing = await errorOf(['a,b\n"x"y,z\n']);
    expect(closing.before).toHaveLength(1);
    expect(closing.error.line).toBe(2);
    expect(closing.error.message).toMatch(/^Invalid Closing Quote: the quoted field on line 2 is followed by "y"/);
    const opening = await errorOf(['a,b\nc,d"e\n']);
    expect(opening.error.line).toBe(2);
    expect(opening.error.message).toMatch(/^Invalid Opening Quote: a quote inside the unquoted field on line 2/);
  });

  it('stops reading its input when the consumer stops', async () => {
    let pulled = 0;
    async function* endless(): AsyncGenerator<string> {
      for (;;) {
        pulled++;
        yield await Promise.resolve('a,b\n');
      }
    }
    for await (const record of csvRecords(endless())) {
      expect(record.fields).toEqual(['a', 'b']);
      if (record.line === 3) break;
    }
    expect(pulled).toBe(3);
  });
});

describe(csvRecordBatches.name, () => {
  it('yields the complete records of each chunk together, carrying only the incomplete one over', async () => {
    const batches: number[][] = [];
    for await (const batch of csvRecordBatches(chunksOf(['a\nb\nc', '1\nd\n', 'e']))) batches.push(batch.map((r) => r.line));
    expect(batches).toEqual([[1, 2], [3, 4], [5]]);
  });
});
