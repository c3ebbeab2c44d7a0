/** One validated FOCUS cost-and-usage row, in the column names' camelCase. Costs and quantities are decimal strings. */
export interface FocusRow {
  /** 1-based physical line number where the row starts in the file (the header is line 1). */
  line: number;
  billingAccountId: string;
  /** ISO 4217 code. */
  billingCurrency: string;
  /** ISO 8601 UTC, e.g. 2024-09-01T00:00:00Z. */
  billingPeriodStart: string;
  billingPeriodEnd: string;
  chargePeriodStart: string;
  chargePeriodEnd: string;
  /** Usage | Purchase | Tax | Credit | Adjustment */
  chargeCategory: string;
  billedCost: string;
  effectiveCost: string;
  listCost: string | null;
  contractedCost: string | null;
  providerName: string;
  publisherName: string | null;
  invoiceIssuerName: string | null;
  serviceName: string;
  serviceCategory: string;
  regionId: string | null;
  regionName: string | null;
  availabilityZone: string | null;
  resourceId: string | null;
  resourceName: string | null;
  resourceType: string | null;
  subAccountId: string | null;
  subAccountName: string | null;
  skuId: string | null;
  pricingQuantity: string | null;
  pricingUnit: string | null;
  consumedQuantity: string | null;
  consumedUnit: string | null;
  /** Parsed from the Tags JSON column; {} when the column is empty or absent. */
  tags: Record<string, string>;
}

/** Everything wrong with one row, e.g. 'BilledCost: "abc" is not a decimal number'. */
export interface FocusRowError {
  line: number;
  errors: string[];
}

export type FocusRecord = { ok: true; row: FocusRow } | { ok: false; error: FocusRowError };
