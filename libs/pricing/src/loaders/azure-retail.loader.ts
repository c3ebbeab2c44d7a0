import { Decimal } from '../money';
import {
  EntryCollector,
  type LoadedTerm,
  type PriceListLoadResult,
  type PriceListRule,
  arrayAt,
  dateAt,
  decimalAt,
  findRule,
  objectAt,
  stringAt,
  stringAttributes,
} from './price-list';

export interface AzureRetailLoadResult extends PriceListLoadResult {
  readonly unmatched: number;
}

/** Hours a reservation's up-front price covers (730 hours a month, as the estimator counts). */
const RESERVATION_HOURS: Readonly<Record<string, { term: LoadedTerm; hours: number }>> = {
  '1 Year': { term: 'commit1y', hours: 8760 },
  '3 Years': { term: 'commit3y', hours: 26280 },
};

/**
 * Loads one or more pages of the Azure Retail Prices API (`{ BillingCurrency, Items: [...], NextPageLink, Count }`).
 * Rule attributes: the item's scalar fields (serviceName, productName, skuName, armSkuName, meterName, type,
 * unitOfMeasure, …). Region: `armRegionName` (empty → `global`). Prices must be USD (`currencyCode`).
 * Consumption items are on-demand (tiers from tierMinimumUnits), Consumption items whose skuName ends in "Spot" are
 * spot, Reservation items (a price for the whole term, per "1 Hour" unit) become hourly commit1y/commit3y.
 * DevTestConsumption and "Low Priority" prices are skipped. `asOf` is the latest effectiveStartDate of the entry's items.
 */
export function loadAzureRetailPrices(pages: unknown, rules: readonly PriceListRule[]): AzureRetailLoadResult {
  const collector = new EntryCollector();
  let unmatched = 0;
  const list: unknown[] = Array.isArray(pages) ? pages : [pages]; // one page or an array of pages
  // group on-demand tiers of one meter before adding them (the API lists each tier as its own item)
  const tiered = new Map<string, { first: Parameters<EntryCollector['add']>[0]; tiers: { from: Decimal; price: Decimal }[] }>();

  list.forEach((page, pageIndex) => {
    const pagePath = list.length > 1 ? `$[${pageIndex}]` : '$';
    const doc = objectAt(page, pagePath);
    const items = arrayAt(doc.Items, `${pagePath}.Items`);
    items.forEach((value, index) => {
      const path = `${pagePath}.Items[${index}]`;
      const item = objectAt(value, path);
      const attributes = stringAttributes(item);
      const rule = findRule(rules, attributes);
      if (!rule) {
        unmatched++;
        return;
      }
      const sku = rule.sku(attributes);
      if (sku === null) return collector.skip(path, 'the matching rule gives no catalog key for it');
      const currency = stringAt(item.currencyCode, `${path}.currencyCode`);
      if (currency !== 'USD') return collector.skip(path, `${sku}: price in ${currency}, the catalog holds USD (query the API with currencyCode='USD')`);
      const unit = stringAt(item.unitOfMeasure, `${path}.unitOfMeasure`);
      if (unit !== rule.sourceUnit) return collector.skip(path, `${sku}: price is per ${JSON.stringify(unit)}, the rule expects ${JSON.stringify(rule.sourceUnit)}`);
      const type = stringAt(item.type, `${path}.type`);
      const skuName = attributes.skuName ?? '';
      const price = decimalAt(item.retailPrice, `${path}.retailPrice`);
      const region = attributes.armRegionName || 'global';
      const serviceName = attributes.serviceName ?? '?';
      const base = {
        path,
        rule,
        sku,
        region,
        description: rule.description?.(attributes) ?? [attributes.productName, attributes.skuName, attributes.meterName].filter(Boolean).join(' / '),
        asOf: dateAt(item.effectiveStartDate, `${path}.effectiveStartDate`),
        source: `Azure Retail Prices API (prices.azure.com), serviceName '${serviceName}'`,
      };
      if (type === 'DevTestConsumption') return collector.skip(path, `${sku} ${region}: Dev/Test price, not the list price`);
      if (/Low Priority$/.test(skuName)) return collector.skip(path, `${sku} ${region}: Low Priority price`);
      if (type === 'Reservation') {
        const reservation = RESERVATION_HOURS[attributes.reservationTerm ?? ''];
        if (!reservation) return collector.skip(path, `${sku} ${region}: reservation term ${JSON.stringify(attributes.reservationTerm)} is not 1 Year or 3 Years`);
        if (unit !== '1 Hour') return collector.skip(path, `${sku} ${region}: a reservation per ${JSON.stringify(unit)} cannot be turned into an hourly rate`);
        const hourly = price.div(reservation.hours).toDecimalPlaces(6, Decimal.ROUND_HALF_UP);
        return collector.add({ ...base, term: reservation.term, tiers: [{ from: new Decimal(0), price: hourly }] });
      }
      if (type !== 'Consumption') return collector.skip(path, `${sku} ${region}: price type ${JSON.stringify(type)} is not Consumption or Reservation`);
      const term: LoadedTerm = /Spot$/.test(skuName) ? 'spot' : 'onDemand';
      const from = item.tierMinimumUnits === undefined ? new Decimal(0) : decimalAt(item.tierMinimumUnits, `${path}.tierMinimumUnits`);
      if (term === 'spot') return collector.add({ ...base, term, tiers: [{ from, price }] });
      const key = `${sku}|${region}|${attributes.meterId ?? attributes.meterName ?? ''}`;
      const group = tiered.get(key);
      if (group) group.tiers.push({ from, price });
      else tiered.set(key, { first: { ...base, term, tiers: [] }, tiers: [{ from, price }] });
    });
  });
  for (const { first, tiers } of tiered.values()) collector.add({ ...first, tiers });
  return { ...collector.result(), unmatched };
}
