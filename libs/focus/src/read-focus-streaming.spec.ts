import { Readable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { MANDATORY_COLUMNS } from './focus-columns';
import { readFocus } from './read-focus';

const ROWS = 200_000;
const EARLY = 20_000;
const MB = 1024 * 1024;

const header = [...MANDATORY_COLUMNS, 'Tags'];

/** Every column of a valid row but BilledCost and Tags, which vary per row (~150 bytes with a quoted field). */
const FIXED: Record<string, string> = {
  BillingCurrency: 'USD',
  BillingPeriodEnd: '2024-10-01',
  BillingPeriodStart: '2024-09-01',
  ChargeCategory: 'Usage',
  ChargePeriodEnd: '2024-09-19',
  ChargePeriodStart: '2024-09-18',
  ContractedCost: '0.5',
  EffectiveCost: '0.5',
  ListCost: '0.5',
  PricingQuantity: '1',
};
const billedAt = header.indexOf('BilledCost');
const template = header.map((column) => FIXED[column] ?? 'a');

function rowText(i: number): string {
  template[billedAt] = `${i % 97}.${i % 10}`;
  return `${template.slice(0, -1).join(',')},"{""n"":""${i}""}"`; // Tags is the last column
}

/** Produces the CSV lazily (the whole file would be ~30 MB), 1,000 rows per chunk, as a network or file stream would. */
function* generatedCsv(rows: number): Generator<string> {
  yield `${header.join(',')}\n`;
  for (let start = 0; start < rows; start += 1000) {
    const lines: string[] = [];
    for (let i = start; i < Math.min(rows, start + 1000); i++) lines.push(rowText(i));
    yield `${lines.join('\n')}\n`;
  }
}

// Without a collection before each reading, garbage not yet collected (the whole suite runs in parallel workers) makes
// the heap figure meaningless: take gc from V8 itself rather than depend on --expose-gc being passed to jest's workers.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as (() => void) | undefined;

function heapUsed(): number {
  gc?.();
  return process.memoryUsage().heapUsed;
}

describe(`${readFocus.name} streaming`, () => {
  it(`holds memory flat over ${ROWS.toLocaleString('en')} generated rows`, async () => {
    let count = 0;
    let lastLine = 0;
    let heapAtEarly = 0;
    for await (const record of readFocus(Readable.from(generatedCsv(ROWS)))) {
      if (!record.ok) throw new Error(`row at line ${record.error.line} rejected: ${record.error.errors.join('; ')}`);
      count++;
      lastLine = record.row.line;
      if (count === EARLY) heapAtEarly = heapUsed();
    }
    const growth = heapUsed() - heapAtEarly;
    expect(count).toBe(ROWS);
    expect(lastLine).toBe(ROWS + 1);
    // Keeping the 180,000 later rows (or their ~27 MB of text) would add far more than the bound. With gc exposed
    // (node --expose-gc) the bound is tight; without it, garbage not yet collected blurs it, so it is coarse.
    const bound = gc ? 8 * MB : 48 * MB;
    if (!gc) console.info(`global.gc is not exposed: heap growth ${(growth / MB).toFixed(1)} MB checked against the coarse bound`);
    expect(growth).toBeLessThan(bound);
  });
});
