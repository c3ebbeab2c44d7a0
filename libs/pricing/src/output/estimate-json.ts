import type Decimal from 'decimal.js';
import type { CostComponent, CostEstimate, ResourceCost } from '../engine/estimate';
import type { Money } from '../money';

const money = (m: Money) => m.toDecimalString(6);
const price = (m: Money) => m.toDecimalString(10);
const quantity = (d: Decimal) => d.toDecimalPlaces(6).toFixed();

export interface ComponentJson {
  name: string;
  unit: string;
  monthlyQuantity: string;
  unitPrice: string;
  monthlyCost: string;
  usageBased: boolean;
  term: string;
  sku: string;
  priceRegion: string;
  priceSource: string;
  priceAsOf: string;
}

export interface ResourceJson {
  address: string;
  type: string;
  cloud: string;
  region: string;
  action: string;
  hourlyCost: string;
  monthlyCost: string;
  pastMonthlyCost: string;
  diffMonthlyCost: string;
  components: ComponentJson[];
  pastComponents: ComponentJson[];
  assumptions: { attribute: string; assumed: string; cause: string; reason: string }[];
}

/** The `--output json` document: money as decimal strings in `currency`, never floats. */
export interface EstimateJson {
  currency: string;
  commitment: string;
  totalHourlyCost: string;
  totalMonthlyCost: string;
  totalYearlyCost: string;
  pastTotalMonthlyCost: string;
  diffTotalMonthlyCost: string;
  resources: ResourceJson[];
  unsupported: { address: string; type: string; reason: string }[];
  free: { address: string; type: string; reason: string }[];
  summary: { pricedResources: number; unsupportedResources: number; freeResources: number; usageBasedComponents: number; assumptions: number };
  catalog: { version: string; pricesAsOf: { earliest: string; latest: string }; fx: { asOf: string; rate: string; source: string } };
}

function componentJson(c: CostComponent): ComponentJson {
  return {
    name: c.name,
    unit: c.unit,
    monthlyQuantity: quantity(c.monthlyQuantity),
    unitPrice: price(c.unitPrice),
    monthlyCost: money(c.monthlyCost),
    usageBased: c.usageBased,
    term: c.term,
    sku: c.sku,
    priceRegion: c.priceRegion,
    priceSource: c.source,
    priceAsOf: c.asOf,
  };
}

function resourceJson(r: ResourceCost): ResourceJson {
  return {
    address: r.address,
    type: r.type,
    cloud: r.cloud,
    region: r.region,
    action: r.action,
    hourlyCost: money(r.hourlyCost),
    monthlyCost: money(r.monthlyCost),
    pastMonthlyCost: money(r.pastMonthlyCost),
    diffMonthlyCost: money(r.diffMonthlyCost),
    components: r.components.map(componentJson),
    pastComponents: r.pastComponents.map(componentJson),
    assumptions: r.assumptions.map((a) => ({ ...a })),
  };
}

export function estimateToJson(estimate: CostEstimate): EstimateJson {
  return {
    currency: estimate.currency,
    commitment: estimate.commitment,
    totalHourlyCost: money(estimate.totalHourlyCost),
    totalMonthlyCost: money(estimate.totalMonthlyCost),
    totalYearlyCost: money(estimate.totalYearlyCost),
    pastTotalMonthlyCost: money(estimate.pastTotalMonthlyCost),
    diffTotalMonthlyCost: money(estimate.diffTotalMonthlyCost),
    resources: estimate.resources.map(resourceJson),
    unsupported: estimate.unsupported.map((u) => ({ ...u })),
    free: estimate.free.map((u) => ({ ...u })),
    summary: {
      pricedResources: estimate.resources.length,
      unsupportedResources: estimate.unsupported.length,
      freeResources: estimate.free.length,
      usageBasedComponents: estimate.resources.reduce((n, r) => n + r.components.filter((c) => c.usageBased).length, 0),
      assumptions: estimate.resources.reduce((n, r) => n + r.assumptions.length, 0),
    },
    catalog: { version: estimate.catalogVersion, pricesAsOf: { ...estimate.pricesAsOf }, fx: { ...estimate.fx } },
  };
}
