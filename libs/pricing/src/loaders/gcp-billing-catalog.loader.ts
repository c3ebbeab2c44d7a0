import { Decimal } from '../money';
import {
  EntryCollector,
  type LoadedTerm,
  type PriceListLoadResult,
  type PriceListRule,
  PriceListError,
  arrayAt,
  dateAt,
  decimalAt,
  findRule,
  objectAt,
  stringAt,
} from './price-list';

export interface GcpCatalogLoadResult extends PriceListLoadResult {
  readonly unmatched: number;
}

const TERM_BY_USAGE_TYPE: Readonly<Record<string, LoadedTerm>> = {
  OnDemand: 'onDemand',
  Preemptible: 'spot',
  Commit1Yr: 'commit1y',
  Commit3Yr: 'commit3y',
};

/**
 * Loads one or more pages of the Cloud Billing Catalog API's `services.skus.list` (`{ skus: [...], nextPageToken }`).
 * Rule attributes: description, skuId, name and the category's serviceDisplayName, resourceFamily, resourceGroup and
 * usageType. One entry per `serviceRegions` region. usageType OnDemand → on-demand, Preemptible → spot,
 * Commit1Yr/Commit3Yr → commit1y/commit3y. Uses the SKU's latest pricingInfo; prices are `units` + `nanos`/1e9 in
 * the expression's `usageUnit` (which the rule's sourceUnit names), tiers from `startUsageAmount`. `asOf` is that
 * pricingInfo's effectiveTime.
 */
export function loadGcpSkus(pages: unknown, rules: readonly PriceListRule[]): GcpCatalogLoadResult {
  const collector = new EntryCollector();
  let unmatched = 0;
  const list: unknown[] = Array.isArray(pages) ? pages : [pages]; // one page or an array of pages
  list.forEach((page, pageIndex) => {
    const pagePath = list.length > 1 ? `$[${pageIndex}]` : '$';
    const skus = arrayAt(objectAt(page, pagePath).skus, `${pagePath}.skus`);
    skus.forEach((value, index) => {
      const path = `${pagePath}.skus[${index}]`;
      const item = objectAt(value, path);
      const category = objectAt(item.category, `${path}.category`);
      const attributes: Record<string, string> = {
        name: typeof item.name === 'string' ? item.name : '',
        skuId: stringAt(item.skuId, `${path}.skuId`),
        description: stringAt(item.description, `${path}.description`),
        serviceDisplayName: textOf(category.serviceDisplayName),
        resourceFamily: textOf(category.resourceFamily),
        resourceGroup: textOf(category.resourceGroup),
        usageType: textOf(category.usageType),
      };
      const rule = findRule(rules, attributes);
      if (!rule) {
        unmatched++;
        return;
      }
      const sku = rule.sku(attributes);
      if (sku === null) return collector.skip(path, 'the matching rule gives no catalog key for it');
      const term = TERM_BY_USAGE_TYPE[attributes.usageType];
      if (!term) return collector.skip(path, `${sku}: usageType ${JSON.stringify(attributes.usageType)} is not OnDemand, Preemptible, Commit1Yr or Commit3Yr`);
      const pricingInfo = arrayAt(item.pricingInfo, `${path}.pricingInfo`);
      if (pricingInfo.length === 0) return collector.skip(path, `${sku}: no pricingInfo`);
      const infoIndex = pricingInfo.length - 1; // the API lists pricing in time order; the last is current
      const infoPath = `${path}.pricingInfo[${infoIndex}]`;
      const info = objectAt(pricingInfo[infoIndex], infoPath);
      const asOf = dateAt(info.effectiveTime, `${infoPath}.effectiveTime`);
      const expressionPath = `${infoPath}.pricingExpression`;
      const expression = objectAt(info.pricingExpression, expressionPath);
      const usageUnit = stringAt(expression.usageUnit, `${expressionPath}.usageUnit`);
      if (usageUnit !== rule.sourceUnit) return collector.skip(path, `${sku}: price is per ${JSON.stringify(usageUnit)}, the rule expects ${JSON.stringify(rule.sourceUnit)}`);
      const rates = arrayAt(expression.tieredRates, `${expressionPath}.tieredRates`);
      let currency = 'USD';
      const tiers = rates.map((rateValue, rateIndex) => {
        const ratePath = `${expressionPath}.tieredRates[${rateIndex}]`;
        const rate = objectAt(rateValue, ratePath);
        const unitPrice = objectAt(rate.unitPrice, `${ratePath}.unitPrice`);
        currency = stringAt(unitPrice.currencyCode, `${ratePath}.unitPrice.currencyCode`);
        return {
          from: rate.startUsageAmount === undefined ? new Decimal(0) : decimalAt(rate.startUsageAmount, `${ratePath}.startUsageAmount`),
          price: moneyAt(unitPrice, `${ratePath}.unitPrice`),
        };
      });
      if (currency !== 'USD') return collector.skip(path, `${sku}: price in ${currency}, the catalog holds USD`);
      const regions = arrayAt(item.serviceRegions, `${path}.serviceRegions`).map((r, i) => stringAt(r, `${path}.serviceRegions[${i}]`));
      if (regions.length === 0) return collector.skip(path, `${sku}: no serviceRegions`);
      for (const region of regions) {
        collector.add({
          path,
          rule,
          sku,
          region,
          term,
          tiers,
          description: rule.description?.(attributes) ?? attributes.description,
          asOf,
          source: `Google Cloud Billing Catalog API, service '${attributes.serviceDisplayName}'`,
        });
      }
    });
  });
  return { ...collector.result(), unmatched };
}

/** google.type.Money: whole `units` (int64, as a string) plus `nanos` (1e-9 units, same sign). */
function moneyAt(value: Record<string, unknown>, path: string): Decimal {
  const units = value.units === undefined ? new Decimal(0) : decimalAt(value.units, `${path}.units`);
  const nanos = value.nanos === undefined ? new Decimal(0) : decimalAt(value.nanos, `${path}.nanos`);
  if (!units.isInteger()) throw new PriceListError(`${path}.units`, `expected a whole number, got ${units.toFixed()}`);
  if (!nanos.isInteger() || nanos.abs().gte(1e9)) throw new PriceListError(`${path}.nanos`, `expected a whole number of nanos below 1e9, got ${nanos.toFixed()}`);
  if (!units.isZero() && !nanos.isZero() && units.isNegative() !== nanos.isNegative()) {
    throw new PriceListError(path, `units ${units.toFixed()} and nanos ${nanos.toFixed()} have different signs`);
  }
  return units.plus(nanos.div(1e9));
}

function textOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
