import { COLUMNS_INTRODUCED_IN, FOCUS_VERSIONS, MANDATORY_COLUMNS, OPTIONAL_COLUMNS_1_0, detectFocusVersion } from './focus-columns';

const header10 = [...MANDATORY_COLUMNS, ...OPTIONAL_COLUMNS_1_0];

describe(detectFocusVersion.name, () => {
  it('lists the three supported versions', () => {
    expect(FOCUS_VERSIONS).toEqual(['1.0', '1.1', '1.2']);
  });

  it('answers 1.0 for the 1.0 column set, with provider extensions and unknown columns', () => {
    expect(detectFocusVersion([...header10, 'x_Discounts', 'Id'])).toBe('1.0');
  });

  it('answers 1.1 when a column introduced in 1.1 is present', () => {
    expect(detectFocusVersion([...header10, 'SkuMeter'])).toBe('1.1');
    expect(detectFocusVersion([...header10, ...COLUMNS_INTRODUCED_IN['1.1']])).toBe('1.1');
  });

  it('answers 1.2 when a column introduced in 1.2 is present, whatever else is', () => {
    expect(detectFocusVersion([...header10, 'CapacityReservationId', 'InvoiceId'])).toBe('1.2');
    expect(detectFocusVersion([...MANDATORY_COLUMNS, 'PricingCurrency'])).toBe('1.2');
  });

  it('still recognises a header missing a few mandatory columns (so the error can say which version it looks like)', () => {
    expect(detectFocusVersion(MANDATORY_COLUMNS.filter((c) => c !== 'BilledCost' && c !== 'ServiceName'))).toBe('1.0');
  });

  it('answers null for a header that is not FOCUS', () => {
    expect(detectFocusVersion(['lineItem/UsageStartDate', 'lineItem/UnblendedCost', 'product/region'])).toBeNull();
    expect(detectFocusVersion([])).toBeNull();
    // column ids are case-sensitive
    expect(detectFocusVersion(MANDATORY_COLUMNS.map((c) => c.toLowerCase()))).toBeNull();
  });
});
