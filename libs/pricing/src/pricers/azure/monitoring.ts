import { UnsupportedResource, type ComponentDraft, type ResourcePricer } from '../../engine/pricer';
import { HOURS_PER_MONTH } from '../../money';
import { usageLine } from '../helpers';

/** Days in a 730-hour month: commitment tiers are priced per day. */
const DAYS_PER_MONTH = HOURS_PER_MONTH.div(24);

/** Interactive retention included at no charge. */
const FREE_RETENTION_DAYS = 31;

/**
 * `azurerm_log_analytics_workspace`: PerGB2018 bills ingestion per GB (usage); CapacityReservation bills the commitment
 * tier (reservation_capacity_in_gb_per_day) per day; both bill retention beyond 31 days per GB-month (usage) and
 * archived data (usage). Free workspaces cost nothing; legacy SKUs are not priced.
 */
export const azureLogAnalyticsWorkspace: ResourcePricer = {
  cloud: 'azure',
  types: ['azurerm_log_analytics_workspace'],
  usage: [
    { key: 'monthly_log_data_ingestion_gb', unit: 'GB', description: 'Analytics logs ingested per month (the 5 GB free per billing account is not deducted)' },
    { key: 'monthly_log_data_retention_gb', unit: 'GB', description: 'Data held beyond the free 31 days of retention, averaged over the month' },
    { key: 'monthly_archive_data_gb', unit: 'GB', description: 'Archived data held per month' },
  ],
  price(ctx) {
    const sku = ctx.assume<string>('sku', 'PerGB2018', 'sku defaults to PerGB2018 (azurerm provider docs)');
    if (sku === 'Free') return [];
    if (sku !== 'PerGB2018' && sku !== 'CapacityReservation') throw new UnsupportedResource(`Log Analytics legacy sku ${sku} is not priced (PerGB2018 and CapacityReservation are)`);
    if (!ctx.hasPrice('log-analytics:retention')) throw new UnsupportedResource(`no list price for Log Analytics in ${ctx.region}`);
    const lines: ComponentDraft[] = [];
    if (sku === 'PerGB2018') {
      lines.push(usageLine(ctx, 'monthly_log_data_ingestion_gb', { name: 'Log data ingestion', unit: 'GB', sku: 'log-analytics:pergb2018:ingestion' }));
    } else {
      // azurerm before 3.x spelled it reservation_capcity_in_gb_per_day.
      const capacity =
        ctx.values.number('reservation_capacity_in_gb_per_day') ??
        ctx.values.number('reservation_capcity_in_gb_per_day') ??
        ctx.assume<number>('reservation_capacity_in_gb_per_day', 100, 'reservation_capacity_in_gb_per_day is not set: assumed the smallest commitment tier, 100 GB/day');
      const tierSku = `log-analytics:commitment:${capacity}`;
      if (!ctx.hasPrice(tierSku)) throw new UnsupportedResource(`no list price for the Log Analytics ${capacity} GB/day commitment tier in ${ctx.region}`);
      lines.push({ name: `Commitment tier (${capacity} GB/day)`, unit: 'days', monthlyQuantity: DAYS_PER_MONTH, sku: tierSku });
    }
    const retention = ctx.assume<number>('retention_in_days', 30, 'retention_in_days defaults to 30 (azurerm provider docs)');
    if (retention > FREE_RETENTION_DAYS) {
      lines.push(usageLine(ctx, 'monthly_log_data_retention_gb', { name: `Data retention (${retention} days, beyond the free 31)`, unit: 'GB', sku: 'log-analytics:retention' }));
    }
    lines.push(usageLine(ctx, 'monthly_archive_data_gb', { name: 'Archived data', unit: 'GB', sku: 'log-analytics:archive' }));
    return lines;
  },
};

export const AZURE_MONITORING_PRICERS: readonly ResourcePricer[] = [azureLogAnalyticsWorkspace];
