import { Readable } from 'node:stream';
import { MANDATORY_COLUMNS, readFocus, type FocusRow } from '@cloudwright/focus';
import { Decimal } from '@cloudwright/pricing';
import { worldAccounts } from '../catalog/provider-ids';
import { Prng } from '../prng';
import { FOCUS_EXPORT_COLUMNS, focusCsv, focusRows, type MeteredPeriod } from './focus-export';
import { type HourlyPriceSource } from './hourly-price';

const accounts = worldAccounts(Prng.keyed('billing', 'accounts'));

function period(overrides: Partial<MeteredPeriod>): MeteredPeriod {
  return {
    stack: 'shop',
    environment: 'prod',
    address: 'aws_instance.web',
    type: 'aws_instance',
    cloud: 'aws',
    region: 'us-east-1',
    category: 'compute',
    providerId: 'arn:aws:ec2:us-east-1:123456789012:instance/i-0abc',
    attributes: { instance_type: 't3.micro', tags: { team: 'web', cost: 3 } },
    deploymentId: 'dep-7',
    createdAt: new Date('2024-03-01T22:00:00Z'),
    deletedAt: new Date('2024-03-03T06:00:00Z'),
    ...overrides,
  };
}

const prices: HourlyPriceSource = (resource) =>
  resource.type === 'aws_instance' ? { hourly: new Decimal('0.5'), note: null } : { hourly: new Decimal(0), note: `not priced: ${resource.type}` };

async function readBack(csv: string): Promise<FocusRow[]> {
  const rows: FocusRow[] = [];
  for await (const record of readFocus(Readable.from([csv]))) {
    if (!record.ok) throw new Error(`line ${record.error.line}: ${record.error.errors.join('; ')}`);
    rows.push(record.row);
  }
  return rows;
}

const options = {
  from: new Date('2024-03-01T00:00:00Z'),
  to: new Date('2024-04-01T00:00:00Z'),
  now: new Date('2024-03-10T00:00:00Z'),
  currency: 'USD' as const,
  accounts,
  prices,
};

describe('FOCUS billing export', () => {
  it('has every mandatory FOCUS column', () => {
    expect(FOCUS_EXPORT_COLUMNS).toEqual(expect.arrayContaining([...MANDATORY_COLUMNS]));
  });

  it('bills one row per UTC day the resource existed, hourly price × hours, and reads back through libs/focus', async () => {
    const rows = await readBack(focusCsv(focusRows([period({})], options)));
    expect(rows.map((r) => [r.chargePeriodStart, r.pricingQuantity, r.billedCost])).toEqual([
      ['2024-03-01T00:00:00Z', '2', '1'],
      ['2024-03-02T00:00:00Z', '24', '12'],
      ['2024-03-03T00:00:00Z', '6', '3'],
    ]);
    const total = rows.reduce((sum, r) => sum.plus(r.billedCost), new Decimal(0));
    expect(total.toFixed()).toBe('16');
    expect(rows[0]).toMatchObject({
      providerName: 'Amazon Web Services',
      billingCurrency: 'USD',
      billingPeriodStart: '2024-03-01T00:00:00Z',
      billingPeriodEnd: '2024-04-01T00:00:00Z',
      chargeCategory: 'Usage',
      effectiveCost: '1',
      listCost: '1',
      serviceName: 'Amazon Elastic Compute Cloud',
      serviceCategory: 'Compute',
      regionId: 'us-east-1',
      regionName: 'US East (N. Virginia)',
      resourceId: 'arn:aws:ec2:us-east-1:123456789012:instance/i-0abc',
      resourceType: 'aws_instance',
      subAccountId: accounts.awsAccountId,
      tags: { team: 'web', cost: '3', 'cw-stack': 'shop', 'cw-environment': 'prod', 'cw-deployment': 'dep-7' },
    });
  });

  it('clips to the export window and bills an open period up to now', async () => {
    const rows = await readBack(
      focusCsv(focusRows([period({ deletedAt: null })], { ...options, from: new Date('2024-03-02T12:00:00Z'), now: new Date('2024-03-04T03:30:00Z') })),
    );
    expect(rows.map((r) => [r.chargePeriodStart, r.pricingQuantity, r.billedCost])).toEqual([
      ['2024-03-02T12:00:00Z', '12', '6'],
      ['2024-03-03T00:00:00Z', '24', '12'],
      ['2024-03-04T00:00:00Z', '3.5', '1.75'],
    ]);
  });

  it('names the providers as FOCUS does and leaves the region empty for a global resource', async () => {
    const rows = await readBack(
      focusCsv(
        focusRows(
          [
            period({ cloud: 'azure', type: 'azurerm_kubernetes_cluster', category: 'kubernetes', region: 'westeurope', providerId: '/subscriptions/x/rg/aks' }),
            period({ cloud: 'gcp', type: 'google_storage_bucket', category: 'storage', region: 'US', providerId: 'https://www.googleapis.com/storage/v1/b/a', attributes: { labels: { app: 'a' } } }),
            period({ type: 'aws_iam_role', category: 'identity', region: null, providerId: 'arn:aws:iam::1:role/r' }),
          ],
          options,
        ),
      ),
    );
    expect(new Set(rows.map((r) => r.providerName))).toEqual(new Set(['Microsoft', 'Google Cloud', 'Amazon Web Services']));
    const gcp = rows.find((r) => r.providerName === 'Google Cloud');
    expect(gcp).toMatchObject({ regionId: 'US', serviceName: 'Cloud Storage', tags: expect.objectContaining({ app: 'a' }) as unknown });
    const iam = rows.find((r) => r.resourceType === 'aws_iam_role');
    expect(iam).toMatchObject({ regionId: null, billedCost: '0' });
  });

  it('bills an unpriced resource 0 and says why in x_PricingNote', () => {
    const csv = focusCsv(focusRows([period({ type: 'aws_magic_box', category: 'other' })], options));
    expect(csv).toContain(',not priced: aws_magic_box,');
  });

  it('quotes fields holding commas, quotes and line breaks', async () => {
    const rows = await readBack(focusCsv(focusRows([period({ attributes: { name: 'a, "b"\nc' } })], options)));
    expect(rows[0]?.resourceName).toBe('a, "b"\nc');
  });
});
