import { createReadStream, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Decimal } from 'decimal.js';
import { type FocusRow, type FocusRowError } from './focus-row';
import { readFocus } from './read-focus';

/** The FinOps Foundation's FOCUS 1.0 sample export (third-party, next to the repository; see its README). */
const SAMPLE = resolve(__dirname, '../../..', '../shared/data/focus/focus-1.0-sample.csv');

describe(`${readFocus.name} on the FOCUS 1.0 sample data`, () => {
  if (!existsSync(SAMPLE)) {
    it('skips the FOCUS sample tests: ../shared/data is absent', () => {
      console.warn(`SKIPPED: FOCUS 1.0 sample test, because ../shared/data is absent (looked for ${SAMPLE})`);
      expect(existsSync(SAMPLE)).toBe(false);
    });
    return;
  }

  const rows: FocusRow[] = [];
  const errors: FocusRowError[] = [];
  beforeAll(async () => {
    for await (const record of readFocus(createReadStream(SAMPLE, { highWaterMark: 4096 }))) {
      if (record.ok) rows.push(record.row);
      else errors.push(record.error);
    }
  });

  it('reads all 1,000 rows without an error, on lines 2 to 1001', () => {
    expect(errors).toEqual([]);
    expect(rows).toHaveLength(1000);
    expect(rows[0]?.line).toBe(2);
    expect(rows.at(-1)?.line).toBe(1001);
  });

  it('counts the providers as the data README does (AWS 942, Microsoft 51, Oracle 7)', () => {
    const counts: Record<string, number> = {};
    for (const row of rows) counts[row.providerName] = (counts[row.providerName] ?? 0) + 1;
    expect(counts).toEqual({ AWS: 942, Microsoft: 51, Oracle: 7 });
  });

  it('has its charge periods within 2024-09-01 to 2024-10-01 and in ISO 8601 UTC', () => {
    for (const row of rows) {
      expect(row.chargePeriodStart >= '2024-09-01T00:00:00Z').toBe(true);
      expect(row.chargePeriodEnd <= '2024-10-01T00:00:00Z').toBe(true);
      expect(row.billingPeriodStart).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    }
  });

  it('reads the first row as the file writes it: unquoted NULL is null, costs keep their digits', () => {
    expect(rows[0]).toMatchObject({
      line: 2,
      billingAccountId: '1234567890123',
      billedCost: '0.00000080000',
      chargeCategory: 'Usage',
      availabilityZone: null,
      regionId: 'us-west-2',
      serviceName: 'Amazon Simple Queue Service',
      serviceCategory: 'Integration',
      pricingUnit: 'Requests',
      tags: {},
    });
  });

  it('parses the Tags JSON where present, and reads every ChargeCategory (Usage 997, Adjustment 2, Credit 1)', () => {
    expect(rows[1]?.tags).toEqual({ application: 'BrightLensMatrix', environment: 'dev', business_unit: 'ViennaAI' });
    expect(rows.filter((r) => Object.keys(r.tags).length > 0)).toHaveLength(711);
    const categories: Record<string, number> = {};
    for (const row of rows) categories[row.chargeCategory] = (categories[row.chargeCategory] ?? 0) + 1;
    expect(categories).toEqual({ Usage: 997, Adjustment: 2, Credit: 1 });
  });

  it('keeps negative costs (credits and adjustments) as exact decimals', () => {
    const negative = rows.filter((r) => new Decimal(r.billedCost).isNegative());
    expect(negative.length).toBeGreaterThan(0);
    expect(negative.every((r) => /^-\d+\.\d+$/.test(r.billedCost))).toBe(true);
  });
});
