import { type ProviderCloud } from '@cloudwright/cloud-provider';
import { Decimal, type Currency } from '@cloudwright/pricing';
import { type WorldAccounts } from '../catalog/provider-ids';
import { findRegion } from '../catalog/regions';
import { type SimCategory } from '../catalog/resource-behaviour';
import { FOCUS_PROVIDER_NAMES, FOCUS_SERVICE_CATEGORIES, focusServiceName } from './focus-services';
import { type HourlyPriceSource } from './hourly-price';

/** A metered period of one resource in simulated time (a change of attributes starts a new period). */
export interface MeteredPeriod {
  stack: string;
  environment: string;
  address: string;
  type: string;
  cloud: ProviderCloud;
  region: string | null;
  category: SimCategory;
  providerId: string;
  attributes: Record<string, unknown>;
  deploymentId: string;
  createdAt: Date;
  /** Null while the resource still exists (billed up to `now`). */
  deletedAt: Date | null;
}

export interface FocusExportOptions {
  from: Date;
  to: Date;
  /** The simulated clock: periods still open are billed up to here. */
  now: Date;
  currency: Currency;
  accounts: WorldAccounts;
  prices: HourlyPriceSource;
}

/**
 * FOCUS 1.0 columns of the export, in order: every mandatory column, the recommended ones the simulator knows, and
 * extensions (`x_…`, ignored by FOCUS readers): the pricing note of a resource billed 0, and where it came from.
 */
export const FOCUS_EXPORT_COLUMNS = [
  'BillingAccountId',
  'BillingAccountName',
  'BillingCurrency',
  'BillingPeriodStart',
  'BillingPeriodEnd',
  'ChargePeriodStart',
  'ChargePeriodEnd',
  'ChargeCategory',
  'ChargeClass',
  'ChargeDescription',
  'ChargeFrequency',
  'BilledCost',
  'EffectiveCost',
  'ListCost',
  'ContractedCost',
  'ListUnitPrice',
  'ContractedUnitPrice',
  'PricingCategory',
  'PricingQuantity',
  'PricingUnit',
  'ConsumedQuantity',
  'ConsumedUnit',
  'ProviderName',
  'PublisherName',
  'InvoiceIssuerName',
  'ServiceName',
  'ServiceCategory',
  'RegionId',
  'RegionName',
  'ResourceId',
  'ResourceName',
  'ResourceType',
  'SubAccountId',
  'SubAccountName',
  'SkuId',
  'Tags',
  'x_PricingNote',
  'x_Stack',
  'x_Environment',
  'x_Address',
  'x_DeploymentId',
] as const;
export type FocusExportColumn = (typeof FOCUS_EXPORT_COLUMNS)[number];
export type FocusExportRow = Record<FocusExportColumn, string>;

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Decimal places of costs and quantities in the export (costs are summed by readers; keep sub-cent precision). */
const PLACES = 10;

/** `2024-09-01T00:00:00Z`: ISO 8601 UTC without milliseconds unless the instant has some. */
export function focusDate(date: Date): string {
  return date.toISOString().replace('.000Z', 'Z');
}

function startOfUtcDay(time: number): number {
  return Math.floor(time / DAY_MS) * DAY_MS;
}

function monthBounds(time: number): [Date, Date] {
  const date = new Date(time);
  const start = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
  const end = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
  return [new Date(start), new Date(end)];
}

function decimalText(value: Decimal): string {
  return value.toDecimalPlaces(PLACES, Decimal.ROUND_HALF_UP).toFixed();
}

function subAccount(cloud: ProviderCloud, accounts: WorldAccounts): { id: string; name: string } {
  if (cloud === 'aws') return { id: accounts.awsAccountId, name: 'cloudwright-sim' };
  if (cloud === 'azure') return { id: `/subscriptions/${accounts.azureSubscriptionId}`, name: 'cloudwright-sim' };
  return { id: accounts.gcpProject, name: accounts.gcpProject };
}

function resourceName(period: MeteredPeriod): string {
  for (const key of ['name', 'bucket', 'identifier', 'cluster_name']) {
    const value = period.attributes[key];
    if (typeof value === 'string' && value !== '') return value;
  }
  return period.address;
}

/** The period's own tags/labels (string values) plus the Cloudwright tags that tie a cost to its stack and deployment. */
function tagsOf(period: MeteredPeriod): string {
  const own = period.cloud === 'gcp' ? period.attributes.labels : period.attributes.tags;
  const tags: Record<string, string> = {};
  if (own && typeof own === 'object' && !Array.isArray(own)) {
    for (const [key, value] of Object.entries(own as Record<string, unknown>)) {
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') tags[key] = String(value);
    }
  }
  tags['cw-stack'] = period.stack;
  tags['cw-environment'] = period.environment;
  tags['cw-deployment'] = period.deploymentId;
  return JSON.stringify(tags);
}

/**
 * FOCUS rows of metered periods within [from, to): one row per period per UTC day it existed, with the day clipped
 * to the export window and to the period; cost = hourly list price × hours existed that day (no discounts, so
 * billed = effective = list = contracted). A resource without a price is billed 0 and says why in x_PricingNote.
 */
export function focusRows(periods: readonly MeteredPeriod[], options: FocusExportOptions): FocusExportRow[] {
  const rows: FocusExportRow[] = [];
  const windowStart = options.from.getTime();
  const windowEnd = Math.min(options.to.getTime(), options.now.getTime());
  for (const period of periods) {
    const start = Math.max(period.createdAt.getTime(), windowStart);
    const end = Math.min(period.deletedAt?.getTime() ?? Number.POSITIVE_INFINITY, windowEnd);
    if (end <= start) continue;
    const price = options.prices({ type: period.type, cloud: period.cloud, region: period.region, attributes: period.attributes });
    const provider = FOCUS_PROVIDER_NAMES[period.cloud];
    const account = subAccount(period.cloud, options.accounts);
    const region = period.region ? findRegion(period.cloud, period.region) : null;
    const serviceName = focusServiceName(period.cloud, period.type, period.category);
    const tags = tagsOf(period);
    for (let day = startOfUtcDay(start); day < end; day += DAY_MS) {
      const chargeStart = Math.max(day, start);
      const chargeEnd = Math.min(day + DAY_MS, end);
      if (chargeEnd <= chargeStart) continue;
      const hours = new Decimal(chargeEnd - chargeStart).dividedBy(HOUR_MS);
      const cost = decimalText(price.hourly.times(hours));
      const [billingStart, billingEnd] = monthBounds(day);
      rows.push({
        BillingAccountId: options.accounts.billingAccounts[period.cloud],
        BillingAccountName: `Cloudwright simulated ${provider} billing account`,
        BillingCurrency: options.currency,
        BillingPeriodStart: focusDate(billingStart),
        BillingPeriodEnd: focusDate(billingEnd),
        ChargePeriodStart: focusDate(new Date(Math.max(day, windowStart))),
        ChargePeriodEnd: focusDate(new Date(Math.min(day + DAY_MS, options.to.getTime()))),
        ChargeCategory: 'Usage',
        ChargeClass: '',
        ChargeDescription: `${period.type} ${resourceName(period)}: ${decimalText(hours)} hours`,
        ChargeFrequency: 'Usage-Based',
        BilledCost: cost,
        EffectiveCost: cost,
        ListCost: cost,
        ContractedCost: cost,
        ListUnitPrice: decimalText(price.hourly),
        ContractedUnitPrice: decimalText(price.hourly),
        PricingCategory: 'Standard',
        PricingQuantity: decimalText(hours),
        PricingUnit: 'Hours',
        ConsumedQuantity: decimalText(hours),
        ConsumedUnit: 'Hours',
        ProviderName: provider,
        PublisherName: provider,
        InvoiceIssuerName: provider,
        ServiceName: serviceName,
        ServiceCategory: FOCUS_SERVICE_CATEGORIES[period.category],
        RegionId: region?.id ?? '',
        RegionName: region?.name ?? '',
        ResourceId: period.providerId,
        ResourceName: resourceName(period),
        ResourceType: period.type,
        SubAccountId: account.id,
        SubAccountName: account.name,
        SkuId: `sim:${period.type}`,
        Tags: tags,
        x_PricingNote: price.note ?? '',
        x_Stack: period.stack,
        x_Environment: period.environment,
        x_Address: period.address,
        x_DeploymentId: period.deploymentId,
      });
    }
  }
  return rows;
}

function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** CSV text (RFC 4180, CRLF-free: `\n` line ends) with the header row first. */
export function focusCsv(rows: readonly FocusExportRow[]): string {
  const lines = [FOCUS_EXPORT_COLUMNS.join(',')];
  for (const row of rows) lines.push(FOCUS_EXPORT_COLUMNS.map((column) => csvField(row[column])).join(','));
  return `${lines.join('\n')}\n`;
}
