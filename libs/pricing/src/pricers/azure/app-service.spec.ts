import { azureAppServicePlan, azureServicePlan } from './app-service';
import { azurePlan, estimate, lines, monthly, priced, reasonOf } from './__tests__/azure-plan';

describe(azureServicePlan.types[0], () => {
  it('prices sku_name × worker_count at the Linux or Windows instance price', () => {
    const e = estimate(
      azurePlan(
        { address: 'azurerm_service_plan.linux', after: { os_type: 'Linux', sku_name: 'P1v3', worker_count: 3 } },
        { address: 'azurerm_service_plan.windows', after: { os_type: 'Windows', sku_name: 'S1', worker_count: 1 } },
        { address: 'azurerm_service_plan.container', after: { os_type: 'WindowsContainer', sku_name: 'B1', worker_count: 2 } },
        { address: 'azurerm_service_plan.free', after: { os_type: 'Linux', sku_name: 'F1', worker_count: 1 } },
      ),
    );
    // eastus P1v3 Linux $0.155/h × 730 × 3 = $339.45
    expect(lines(e, 'azurerm_service_plan.linux')).toEqual([['Instance usage (Linux, P1v3)', '339.45']]);
    // eastus S1 Windows $0.10/h × 730 = $73
    expect(monthly(e, 'azurerm_service_plan.windows')).toBe('73');
    // WindowsContainer is billed at the Windows price: B1 $0.075/h × 730 × 2 = $109.50
    expect(lines(e, 'azurerm_service_plan.container')).toEqual([['Instance usage (Windows, B1)', '109.5']]);
    // F1 is free: $0 × 730
    expect(monthly(e, 'azurerm_service_plan.free')).toBe('0');
  });

  it('assumes an unknown sku_name and an unset worker_count', () => {
    const e = estimate(azurePlan({ address: 'azurerm_service_plan.p', after: { os_type: 'Linux' }, unknown: { sku_name: true } }));
    // B1 Linux $0.017/h × 730 = $12.41
    expect(monthly(e, 'azurerm_service_plan.p')).toBe('12.41');
    const attrs = priced(e, 'azurerm_service_plan.p').assumptions.map((a) => [a.attribute, a.assumed, a.cause]);
    expect(attrs).toEqual([
      ['sku_name', 'B1', 'unknown at plan time'],
      ['worker_count', '1', 'not set'],
    ]);
  });

  it('reports consumption plans and regions without a price as unsupported', () => {
    const e = estimate(
      azurePlan(
        { address: 'azurerm_service_plan.ep', after: { os_type: 'Linux', sku_name: 'EP1' } },
        { address: 'azurerm_service_plan.west', after: { os_type: 'Linux', sku_name: 'P1v3' }, location: 'westus' },
        { address: 'azurerm_service_plan.odd', after: { os_type: 'Solaris', sku_name: 'P1v3' } },
      ),
    );
    expect(reasonOf(e, 'azurerm_service_plan.ep')).toBe('App Service plan sku EP1 (Functions consumption, Elastic Premium or Workflow Standard) is not priced yet');
    expect(reasonOf(e, 'azurerm_service_plan.west')).toBe('no list price for App Service plan P1v3 (linux) in westus');
    expect(reasonOf(e, 'azurerm_service_plan.odd')).toBe('unknown App Service plan os_type Solaris (expected Linux, Windows or WindowsContainer)');
  });

  it('gives the diff of a scale-up and of a delete', () => {
    const e = estimate(
      azurePlan(
        { address: 'azurerm_service_plan.up', actions: ['update'], before: { os_type: 'Linux', sku_name: 'S1', worker_count: 2 }, after: { os_type: 'Linux', sku_name: 'P1v3', worker_count: 2 } },
        { address: 'azurerm_service_plan.gone', actions: ['delete'], before: { os_type: 'Windows', sku_name: 'P1v3', worker_count: 1 }, after: null },
      ),
    );
    // (P1v3 $0.155 − S1 $0.095) × 730 × 2 = $87.60
    expect(priced(e, 'azurerm_service_plan.up').diffMonthlyCost.toDecimalString()).toBe('87.6');
    // −(P1v3 Windows $0.315 × 730) = −$229.95
    expect(priced(e, 'azurerm_service_plan.gone').diffMonthlyCost.toDecimalString()).toBe('-229.95');
  });
});

describe(azureAppServicePlan.types[0], () => {
  it('prices the legacy sku block, Linux when kind is Linux', () => {
    const e = estimate(
      azurePlan(
        { address: 'azurerm_app_service_plan.basic', after: { kind: 'Linux', reserved: true, sku: [{ tier: 'Basic', size: 'B2', capacity: 1 }] } },
        { address: 'azurerm_app_service_plan.std', after: { kind: 'Windows', sku: [{ tier: 'Standard', size: 'S1', capacity: 5 }] } },
      ),
    );
    // B2 Linux $0.034/h × 730 = $24.82
    expect(monthly(e, 'azurerm_app_service_plan.basic')).toBe('24.82');
    // S1 Windows $0.10/h × 730 × 5 = $365
    expect(monthly(e, 'azurerm_app_service_plan.std')).toBe('365');
  });
});
