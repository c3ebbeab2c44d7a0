import { MANDATORY_COLUMNS } from '@cloudwright/focus';

/** Columns of the small FOCUS files the tests write: the mandatory ones plus region, resource, sub-account and tags. */
export const FIXTURE_COLUMNS = [...MANDATORY_COLUMNS, 'RegionId', 'ResourceId', 'ResourceName', 'SubAccountId', 'Tags'] as const;
export type FixtureColumn = (typeof FIXTURE_COLUMNS)[number];

export interface FixtureRow {
  day: string;
  cost: string;
  service?: string;
  provider?: string;
  resourceId?: string;
  tags?: Record<string, string>;
  /** Raw cell overrides (to break a row). */
  cells?: Partial<Record<FixtureColumn, string>>;
}

const monthBounds = (day: string) => {
  const [y, m] = day.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return { start: `${day.slice(0, 7)}-01T00:00:00Z`, end: `${next}-01T00:00:00Z` };
};

const quote = (value: string) => `"${value.replace(/"/g, '""')}"`;

/** A FOCUS 1.0 CSV (header + one line per row) whose rows are valid unless `cells` breaks them. */
export function focusCsv(rows: readonly FixtureRow[], columns: readonly string[] = FIXTURE_COLUMNS): string {
  const lines = [columns.map(quote).join(',')];
  for (const row of rows) {
    const month = monthBounds(row.day);
    const values: Record<string, string> = {
      BilledCost: row.cost,
      BillingAccountId: '111111111111',
      BillingAccountName: 'Acme',
      BillingCurrency: 'USD',
      BillingPeriodEnd: month.end,
      BillingPeriodStart: month.start,
      ChargeCategory: 'Usage',
      ChargeClass: '',
      ChargeDescription: 'test charge',
      ChargePeriodEnd: `${row.day}T23:59:59Z`,
      ChargePeriodStart: `${row.day}T00:00:00Z`,
      ContractedCost: row.cost,
      EffectiveCost: row.cost,
      InvoiceIssuerName: 'Amazon Web Services, Inc.',
      ListCost: row.cost,
      PricingQuantity: '1',
      PricingUnit: 'Hours',
      ProviderName: row.provider ?? 'AWS',
      PublisherName: 'Amazon Web Services, Inc.',
      ServiceCategory: 'Compute',
      ServiceName: row.service ?? 'Amazon EC2',
      RegionId: 'us-east-1',
      ResourceId: row.resourceId ?? 'i-0123456789abcdef0',
      ResourceName: '',
      SubAccountId: '222222222222',
      Tags: JSON.stringify(row.tags ?? {}),
      ...row.cells,
    };
    lines.push(columns.map((c) => quote(values[c] ?? '')).join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** `count` consecutive days from `first` ('YYYY-MM-DD'). */
export function days(first: string, count: number): string[] {
  const start = Date.parse(`${first}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10));
}
