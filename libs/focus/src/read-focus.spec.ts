import { createReadStream, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import { MANDATORY_COLUMNS } from './focus-columns';
import { type FocusRecord, type FocusRow, type FocusRowError } from './focus-row';
import { FocusFormatError } from './focus.errors';
import { readFocus } from './read-focus';

const fixture = (name: string) => resolve(__dirname, '__fixtures__', name);

async function collect(input: NodeJS.ReadableStream | AsyncIterable<string | Buffer>): Promise<FocusRecord[]> {
  const records: FocusRecord[] = [];
  for await (const record of readFocus(input)) records.push(record);
  return records;
}

function rowsOf(records: FocusRecord[]): FocusRow[] {
  const errors = records.flatMap((r) => (r.ok ? [] : [r.error]));
  expect(errors).toEqual([]);
  return records.flatMap((r) => (r.ok ? [r.row] : []));
}

const errorsOf = (records: FocusRecord[]): FocusRowError[] => records.flatMap((r) => (r.ok ? [] : [r.error]));

/** Yields the text in chunks of `size` bytes, so multi-byte characters, quotes and line ends straddle chunks. */
function inChunks(bytes: Buffer, size: number): Readable {
  return Readable.from(
    (function* chunks() {
      for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
    })(),
  );
}

async function formatErrorOf(text: string): Promise<FocusFormatError> {
  const error = await collect(Readable.from([text])).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FocusFormatError);
  return error as FocusFormatError;
}

describe(readFocus.name, () => {
  describe('a valid FOCUS 1.0 file', () => {
    let rows: FocusRow[];
    beforeAll(async () => {
      rows = rowsOf(await collect(createReadStream(fixture('valid-1.0.csv'))));
    });

    it('yields every row with the physical line it starts on', () => {
      // row 2 spans lines 3-4 (a quoted line break in ChargeDescription)
      expect(rows.map((r) => r.line)).toEqual([2, 3, 5, 6]);
    });

    it('maps the columns of a plain row', () => {
      expect(rows[0]).toEqual({
        line: 2,
        billingAccountId: '111122223333',
        billingCurrency: 'USD',
        billingPeriodStart: '2024-09-01T00:00:00Z',
        billingPeriodEnd: '2024-10-01T00:00:00Z',
        chargePeriodStart: '2024-09-18T22:00:00Z',
        chargePeriodEnd: '2024-09-18T23:00:00Z',
        chargeCategory: 'Usage',
        billedCost: '0.0416',
        effectiveCost: '0.0416',
        listCost: '0.0416',
        contractedCost: '0.0416',
        providerName: 'AWS',
        publisherName: 'Amazon Web Services, Inc.',
        invoiceIssuerName: 'Amazon Web Services, Inc.',
        serviceName: 'Amazon Elastic Compute Cloud',
        serviceCategory: 'Compute',
        regionId: 'us-east-1',
        regionName: 'US East (N. Virginia)',
        availabilityZone: 'us-east-1a',
        resourceId: 'i-0abc1234def567890',
        resourceName: 'web-1',
        resourceType: 't3.medium',
        subAccountId: '444455556666',
        subAccountName: 'platform-prod',
        skuId: 'ABCD1234',
        pricingQuantity: '1',
        pricingUnit: 'Hours',
        consumedQuantity: '1',
        consumedUnit: 'Hours',
        tags: { env: 'prod', team: 'platform' },
      } satisfies FocusRow);
    });

    it('reads quoted fields with commas, doubled quotes and line breaks; empty optional cells are null, empty Tags {}', () => {
      const row = rows[1];
      expect(row?.resourceName).toBe('db "primary", eu');
      expect(row?.resourceId).toBeNull();
      expect(row?.tags).toEqual({});
      expect(row?.pricingQuantity).toBe('2.0');
    });

    it('normalises dates to ISO 8601 UTC and expands exponents, keeping the sign', () => {
      const row = rows[2];
      expect(row).toMatchObject({
        billingCurrency: 'EUR',
        billingPeriodStart: '2024-09-01T00:00:00Z', // "2024-09-01 00:00:00", no zone: UTC
        billingPeriodEnd: '2024-10-01T00:00:00Z', // date only
        chargePeriodStart: '2024-09-18T00:00:00Z', // +02:00 converted
        chargePeriodEnd: '2024-09-19T00:00:00.500Z',
        billedCost: '0.00000015',
        effectiveCost: '-0.25',
        listCost: null,
        contractedCost: null,
        availabilityZone: null,
      });
    });

    it('turns scalar tag values into strings (key-only tags are true, null values empty)', () => {
      expect(rows[2]?.tags).toEqual({ 'cost-center': '1200', critical: 'true', owner: '' });
    });

    it('reads NULL as null, quoted or not', () => {
      expect(rows[3]).toMatchObject({ chargeCategory: 'Purchase', regionId: null, tags: {}, resourceName: null });
    });

    it('gives the same rows for a UTF-8 BOM, CRLF line ends, and 7-byte chunks', async () => {
      const bytes = readFileSync(fixture('valid-1.0.csv'));
      const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
      expect(rowsOf(await collect(inChunks(bom, 1)))).toEqual(rows);
      expect(rowsOf(await collect(Readable.from([`\uFEFF${bytes.toString('utf8')}`])))).toEqual(rows);
      const crlf = Buffer.from(bytes.toString('utf8').replace(/\n/g, '\r\n'));
      const crlfRows = rowsOf(await collect(inChunks(crlf, 7)));
      expect(crlfRows.map((r) => r.line)).toEqual([2, 3, 5, 6]);
      expect(crlfRows.map((r) => r.billedCost)).toEqual(rows.map((r) => r.billedCost));
    });

    it('reads a plain async iterable of string chunks', async () => {
      const text = readFileSync(fixture('valid-1.0.csv'), 'utf8');
      async function* lines(): AsyncGenerator<string> {
        for (const line of text.split(/(?<=\n)/)) yield await Promise.resolve(line);
      }
      expect(rowsOf(await collect(lines()))).toEqual(rows);
    });

    it('counts skipped blank lines in the line numbers', async () => {
      const text = readFileSync(fixture('valid-1.0.csv'), 'utf8').replace(/\n(?=111122223333,Acme,USD,[^\n]*Purchase)/, '\n\n\n');
      expect(rowsOf(await collect(Readable.from([text]))).map((r) => r.line)).toEqual([2, 3, 5, 8]);
    });

    it('reads multi-byte UTF-8 split across chunks', async () => {
      const text = readFileSync(fixture('valid-1.0.csv'), 'utf8').replace('web-1', 'Zürich-€-サーバー');
      const records = rowsOf(await collect(inChunks(Buffer.from(text), 1)));
      expect(records[0]?.resourceName).toBe('Zürich-€-サーバー');
    });

    it('stops reading when the consumer stops', async () => {
      const generator = readFocus(createReadStream(fixture('valid-1.0.csv')));
      const first = await generator.next();
      expect(first.value).toMatchObject({ ok: true, row: { line: 2 } });
      await expect(generator.return(undefined)).resolves.toEqual({ done: true, value: undefined });
    });
  });

  describe('invalid rows', () => {
    let errors: FocusRowError[];
    let records: FocusRecord[];
    beforeAll(async () => {
      records = await collect(createReadStream(fixture('bad-rows.csv')));
      errors = errorsOf(records);
    });

    it('yields one record per row, in order, valid rows among them', () => {
      expect(records.map((r) => (r.ok ? r.row.line : r.error.line))).toEqual([2, 3, 4, 5, 7, 8, 10, 11]);
      expect(records.filter((r) => r.ok).map((r) => (r.ok ? r.row.line : 0))).toEqual([5, 10]);
    });

    it('names the column, the value and the problem, with the row line', () => {
      expect(errors).toEqual([
        { line: 2, errors: ['BilledCost: "abc" is not a decimal number'] },
        {
          line: 3,
          errors: [
            'ChargePeriodEnd: 2024-09-18T21:00:00Z is not after ChargePeriodStart 2024-09-18T22:00:00Z',
            'BillingCurrency: "usd" is not an ISO 4217 currency code',
          ],
        },
        {
          line: 4,
          errors: ['ChargeCategory: "Refund" is not one of Usage, Purchase, Tax, Credit, Adjustment', 'Tags: "[1, 2]" is not a JSON object'],
        },
        {
          line: 7,
          errors: [
            'BillingPeriodStart: "2024-02-30T00:00:00Z" is not an ISO 8601 date-time (e.g. 2024-09-01T00:00:00Z)',
            expect.stringMatching(/^Tags: "\{\\"env\\": prod\}" is not valid JSON \(.+\)$/) as string,
          ],
        },
        { line: 8, errors: ['row has 3 fields, the header has 34'] },
        {
          line: 11,
          errors: [
            'EffectiveCost: is empty, but FOCUS requires a value',
            'ServiceName: is empty, but FOCUS requires a value',
            'Tags: the value of tag "nested" is a JSON object, not a scalar',
          ],
        },
      ]);
    });

    it('ends with an error at the row where CSV quoting breaks, after the rows before it', async () => {
      const lines = readFileSync(fixture('valid-1.0.csv'), 'utf8').split('\n');
      const broken = [...lines.slice(0, 2), '111122223333,"Acme"x,USD', ...lines.slice(2)].join('\n');
      const result = await collect(Readable.from([broken]));
      expect(result).toHaveLength(2);
      expect(result[0]).toMatchObject({ ok: true, row: { line: 2 } });
      expect(result[1]).toEqual({
        ok: false,
        error: { line: 3, errors: [expect.stringMatching(/^not valid CSV: Invalid Closing Quote.*; the rest of the file was not read$/) as string] },
      });
    });
  });

  describe('header problems', () => {
    it('names every missing mandatory column and the version the header looks like', async () => {
      const error = await formatErrorOf(readFileSync(fixture('missing-columns.csv'), 'utf8'));
      expect(error.missingColumns).toEqual(['BilledCost', 'ChargeCategory', 'PublisherName', 'ServiceCategory']);
      expect(error.detectedVersion).toBe('1.0');
      expect(error.message).toBe(
        'FOCUS header (line 1) looks like FOCUS 1.0; missing mandatory FOCUS columns: BilledCost, ChargeCategory, PublisherName, ServiceCategory',
      );
    });

    it('points at a column spelled in the wrong case', async () => {
      const text = readFileSync(fixture('valid-1.0.csv'), 'utf8').replace('BilledCost', 'billedcost');
      const error = await formatErrorOf(text);
      expect(error.missingColumns).toEqual(['BilledCost']);
      expect(error.message).toContain('BilledCost (found "billedcost"; column names are case-sensitive)');
    });

    it('rejects a header that is not FOCUS, listing all mandatory columns', async () => {
      const error = await formatErrorOf('lineItem/UsageStartDate,lineItem/UnblendedCost\n2024-09-01T00:00:00Z,1.0\n');
      expect(error.detectedVersion).toBeNull();
      expect(error.missingColumns).toEqual([...MANDATORY_COLUMNS]);
      expect(error.message).toMatch(/^FOCUS header \(line 1\) does not look like FOCUS; missing mandatory FOCUS columns: BilledCost, /);
    });

    it('rejects duplicated columns', async () => {
      const text = readFileSync(fixture('valid-1.0.csv'), 'utf8').replace('x_CostCenter', 'RegionId');
      const error = await formatErrorOf(text);
      expect(error.missingColumns).toEqual([]);
      expect(error.message).toBe('FOCUS header (line 1) looks like FOCUS 1.0; duplicated column: RegionId');
    });

    it('rejects an empty input', async () => {
      const error = await formatErrorOf('');
      expect(error.message).toBe('the input is empty: no FOCUS header row');
      expect(error.missingColumns).toEqual([...MANDATORY_COLUMNS]);
    });

    it('accepts 1.1 and 1.2 columns and a header with no data rows', async () => {
      const header = `${readFileSync(fixture('valid-1.0.csv'), 'utf8').split('\n')[0]},SkuMeter,InvoiceId\n`;
      await expect(collect(Readable.from([header]))).resolves.toEqual([]);
    });
  });
});
