/**
 * FOCUS column catalogue: which columns each version defines, which a dataset must contain, and how to tell the
 * versions apart from a header. Column ids are case-sensitive PascalCase, as the specification writes them.
 * Sources: the FOCUS specification (https://focus.finops.org), columns' "Feature level" and "Introduced (version)".
 */
export const FOCUS_VERSIONS = ['1.0', '1.1', '1.2'] as const;
export type FocusVersion = (typeof FOCUS_VERSIONS)[number];

/** Columns FOCUS 1.0 marks Mandatory: a dataset without any of them is not FOCUS. They stay mandatory in 1.1 and 1.2. */
export const MANDATORY_COLUMNS = [
  'BilledCost',
  'BillingAccountId',
  'BillingAccountName',
  'BillingCurrency',
  'BillingPeriodEnd',
  'BillingPeriodStart',
  'ChargeCategory',
  'ChargeClass',
  'ChargeDescription',
  'ChargePeriodEnd',
  'ChargePeriodStart',
  'ContractedCost',
  'EffectiveCost',
  'InvoiceIssuerName',
  'ListCost',
  'PricingQuantity',
  'PricingUnit',
  'ProviderName',
  'PublisherName',
  'ServiceCategory',
  'ServiceName',
] as const;

/** FOCUS 1.0's recommended and conditional columns (present when the provider supports the feature). */
export const OPTIONAL_COLUMNS_1_0 = [
  'AvailabilityZone',
  'ChargeFrequency',
  'CommitmentDiscountCategory',
  'CommitmentDiscountId',
  'CommitmentDiscountName',
  'CommitmentDiscountStatus',
  'CommitmentDiscountType',
  'ConsumedQuantity',
  'ConsumedUnit',
  'ContractedUnitPrice',
  'ListUnitPrice',
  'PricingCategory',
  'RegionId',
  'RegionName',
  'ResourceId',
  'ResourceName',
  'ResourceType',
  'SkuId',
  'SkuPriceId',
  'SubAccountId',
  'SubAccountName',
  'Tags',
] as const;

/** Columns a version introduced; their presence in a header means the file is at least that version. */
export const COLUMNS_INTRODUCED_IN: Readonly<Record<Exclude<FocusVersion, '1.0'>, readonly string[]>> = {
  '1.1': [
    'CapacityReservationId',
    'CapacityReservationStatus',
    'CommitmentDiscountQuantity',
    'CommitmentDiscountUnit',
    'ServiceSubcategory',
    'SkuMeter',
    'SkuPriceDetails',
  ],
  '1.2': [
    'BillingAccountType',
    'InvoiceId',
    'PricingCurrency',
    'PricingCurrencyContractedUnitPrice',
    'PricingCurrencyEffectiveCost',
    'PricingCurrencyListUnitPrice',
    'SubAccountType',
  ],
};

/** Every column FOCUS 1.0 to 1.2 defines; anything else is a provider extension (x_…) or unknown, and is ignored. */
export const KNOWN_COLUMNS: ReadonlySet<string> = new Set<string>([
  ...MANDATORY_COLUMNS,
  ...OPTIONAL_COLUMNS_1_0,
  ...COLUMNS_INTRODUCED_IN['1.1'],
  ...COLUMNS_INTRODUCED_IN['1.2'],
]);

/** A header is taken for FOCUS when it has at least this share of the mandatory columns. */
const FOCUS_LIKE_SHARE = 0.5;

/**
 * The FOCUS version a header looks like: the newest version whose introduced columns appear, '1.0' when only 1.0
 * columns do, and null when fewer than half of the mandatory columns are there (not a FOCUS header at all).
 * Column presence cannot tell a 1.1 file that uses no 1.1-only column from a 1.0 file; it then answers '1.0'.
 */
export function detectFocusVersion(header: string[]): string | null {
  const present = new Set(header.map((name) => name.trim()));
  const mandatory = MANDATORY_COLUMNS.filter((name) => present.has(name)).length;
  if (mandatory < MANDATORY_COLUMNS.length * FOCUS_LIKE_SHARE) return null;
  if (COLUMNS_INTRODUCED_IN['1.2'].some((name) => present.has(name))) return '1.2';
  if (COLUMNS_INTRODUCED_IN['1.1'].some((name) => present.has(name))) return '1.1';
  return '1.0';
}
