import { azureServicebusNamespace } from './messaging';
import { azurePlan, estimate, lines, monthly, priced, reasonOf } from './__tests__/azure-plan';

describe(azureServicebusNamespace.types[0], () => {
  it('prices the Standard base hour and tiered operations above the included 13M', () => {
    const e = estimate(
      azurePlan({ address: 'azurerm_servicebus_namespace.std', after: { sku: 'Standard' }, location: 'westeurope' }),
      'version: 0.1\nresource_usage:\n  azurerm_servicebus_namespace.std:\n    monthly_messaging_operations: 3000000000\n',
    );
    // westeurope base $0.01344/h × 730 = $9.8112; 3,000M operations: first 13M free, 87M × $0.80 = $69.60,
    // 2,400M × $0.50 = $1,200, 500M × $0.20 = $100
    expect(lines(e, 'azurerm_servicebus_namespace.std')).toEqual([
      ['Base charge', '9.8112'],
      ['Messaging operations (first 13 1M operations)', '0'],
      ['Messaging operations (next 87 1M operations)', '69.6'],
      ['Messaging operations (next 2,400 1M operations)', '1200'],
      ['Messaging operations (over 2,500 1M operations)', '100'],
    ]);
  });

  it('prices Basic operations and Premium messaging units', () => {
    const e = estimate(
      azurePlan(
        { address: 'azurerm_servicebus_namespace.basic', after: { sku: 'Basic' }, location: 'westeurope' },
        { address: 'azurerm_servicebus_namespace.p4', after: { sku: 'Premium', capacity: 4 }, location: 'westeurope' },
        { address: 'azurerm_servicebus_namespace.p0', after: { sku: 'Premium', capacity: 0 }, location: 'westeurope' },
      ),
      'version: 0.1\nresource_usage:\n  azurerm_servicebus_namespace.basic:\n    monthly_messaging_operations: 1000000000\n',
    );
    // 1,000M × $0.05 per 1M = $50
    expect(monthly(e, 'azurerm_servicebus_namespace.basic')).toBe('50');
    // 4 units × $0.9275/h × 730 = $2,708.30
    expect(lines(e, 'azurerm_servicebus_namespace.p4')).toEqual([['Messaging units (4)', '2708.3']]);
    // capacity 0 is one unit: $0.9275 × 730 = $677.075
    expect(monthly(e, 'azurerm_servicebus_namespace.p0')).toBe('677.075');
  });

  it('assumes an unknown sku and reports regions without a price', () => {
    const e = estimate(
      azurePlan(
        { address: 'azurerm_servicebus_namespace.unknown', after: {}, unknown: { sku: true }, location: 'westeurope' },
        { address: 'azurerm_servicebus_namespace.us', after: { sku: 'Standard' } },
      ),
    );
    expect(lines(e, 'azurerm_servicebus_namespace.unknown')[0]).toEqual(['Base charge', '9.8112']);
    expect(priced(e, 'azurerm_servicebus_namespace.unknown').assumptions).toContainEqual(expect.objectContaining({ attribute: 'sku', assumed: 'Standard' }));
    expect(reasonOf(e, 'azurerm_servicebus_namespace.us')).toBe('no list price for Service Bus Standard in eastus');
  });

  it('gives the diff of a move from Standard to Premium', () => {
    const e = estimate(
      azurePlan({ address: 'azurerm_servicebus_namespace.ns', actions: ['update'], before: { sku: 'Standard' }, after: { sku: 'Premium', capacity: 1 }, location: 'westeurope' }),
    );
    // $677.075 − $9.8112 = $667.2638
    expect(priced(e, 'azurerm_servicebus_namespace.ns').diffMonthlyCost.toDecimalString()).toBe('667.2638');
  });
});
