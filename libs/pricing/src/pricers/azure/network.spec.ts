import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parsePlanText } from '@cloudwright/terraform-plan';
import { azureApplicationGateway, azureFirewall, azureLoadBalancer, azureNatGateway, azurePublicIp } from './network';
import { azurePlan, estimate, lines, monthly, priced, reasonOf } from './__tests__/azure-plan';

describe(azurePublicIp.types[0], () => {
  it('prices the address hour by sku, allocation and tier', () => {
    const e = estimate(
      azurePlan(
        { address: 'azurerm_public_ip.std', after: { sku: 'Standard', allocation_method: 'Static', sku_tier: 'Regional' } },
        { address: 'azurerm_public_ip.glb', after: { sku: 'Standard', allocation_method: 'Static', sku_tier: 'Global' } },
        { address: 'azurerm_public_ip.dyn', after: { sku: 'Basic', allocation_method: 'Dynamic', sku_tier: 'Regional' } },
        { address: 'azurerm_public_ip.eu', after: { sku: 'Standard', allocation_method: 'Static', sku_tier: 'Regional' }, location: 'northeurope' },
      ),
    );
    expect(monthly(e, 'azurerm_public_ip.std')).toBe('3.65'); // $0.005 × 730
    expect(monthly(e, 'azurerm_public_ip.glb')).toBe('7.3'); // $0.01 × 730
    expect(monthly(e, 'azurerm_public_ip.dyn')).toBe('2.92'); // $0.004 × 730
    expect(monthly(e, 'azurerm_public_ip.eu')).toBe('3.65');
  });
});

describe(azureNatGateway.types[0], () => {
  it('prices the gateway hour and data processed from usage', () => {
    const e = estimate(azurePlan({ address: 'azurerm_nat_gateway.n', after: { sku_name: 'Standard' } }), 'version: 0.1\nresource_usage:\n  azurerm_nat_gateway.n:\n    monthly_data_processed_gb: 10\n');
    // $0.045 × 730 = $32.85; 10 GB × $0.045 = $0.45
    expect(lines(e, 'azurerm_nat_gateway.n')).toEqual([
      ['NAT gateway', '32.85'],
      ['Data processed', '0.45'],
    ]);
  });
});

describe(azureLoadBalancer.types[0], () => {
  it('prices Standard rules per hour and data processed; Basic is free', () => {
    const e = estimate(
      azurePlan({ address: 'azurerm_lb.std', after: { sku: 'Standard' } }, { address: 'azurerm_lb.one', after: { sku: 'Standard' } }, { address: 'azurerm_lb.basic', after: { sku: 'Basic' } }),
      'version: 0.1\nresource_usage:\n  azurerm_lb.std:\n    rules: 7\n    monthly_data_processed_gb: 100\n',
    );
    // first 5 rules $0.025 × 730 = $18.25; 2 more × $0.01 × 730 = $14.60; 100 GB × $0.005 = $0.50
    expect(lines(e, 'azurerm_lb.std')).toEqual([
      ['Rules (first 5)', '18.25'],
      ['Rules (additional 2)', '14.6'],
      ['Data processed', '0.5'],
    ]);
    expect(monthly(e, 'azurerm_lb.one')).toBe('18.25');
    expect(priced(e, 'azurerm_lb.one').assumptions).toContainEqual(expect.objectContaining({ attribute: 'usage.rules', assumed: '1' }));
    expect(monthly(e, 'azurerm_lb.basic')).toBe('0');
  });
});

describe(azureApplicationGateway.types[0], () => {
  it('prices v2 fixed hours plus 10 reserved capacity units per instance, or the used CUs when higher', () => {
    const e = estimate(
      azurePlan(
        { address: 'azurerm_application_gateway.std', after: { sku: [{ name: 'Standard_v2', tier: 'Standard_v2', capacity: 2 }] } },
        { address: 'azurerm_application_gateway.waf', after: { sku: [{ name: 'WAF_v2', tier: 'WAF_v2', capacity: null }], autoscale_configuration: [{ min_capacity: 3, max_capacity: 10 }] } },
      ),
      'version: 0.1\nresource_usage:\n  azurerm_application_gateway.waf:\n    capacity_units: 50\n',
    );
    // $0.246 × 730 = $179.58; 20 CU × $0.008 × 730 = $116.80
    expect(lines(e, 'azurerm_application_gateway.std')).toEqual([
      ['Gateway (Standard_v2, fixed)', '179.58'],
      ['Capacity units (Standard_v2, 20 CU)', '116.8'],
    ]);
    // $0.443 × 730 = $323.39; 50 CU (above the 30 reserved) × $0.0144 × 730 = $525.60
    expect(monthly(e, 'azurerm_application_gateway.waf')).toBe('848.99');
  });

  it('prices v1 instance hours and tiered data processing', () => {
    const e = estimate(
      azurePlan({ address: 'azurerm_application_gateway.v1', after: { sku: [{ name: 'WAF_Medium', tier: 'WAF', capacity: 2 }] } }),
      'version: 0.1\nresource_usage:\n  azurerm_application_gateway.v1:\n    monthly_data_processed_gb: 100000\n',
    );
    // 2 × $0.126 × 730 = $183.96; first 10 TB free, next 30,720 GB × $0.007 = $215.04, over 40 TB 59,040 GB × $0.007 = $413.28
    expect(lines(e, 'azurerm_application_gateway.v1')).toEqual([
      ['Gateway instances (WAF_Medium)', '183.96'],
      ['Data processed (first 10,240 GB)', '0'],
      ['Data processed (next 30,720 GB)', '215.04'],
      ['Data processed (over 40,960 GB)', '413.28'],
    ]);
  });

  it('reports a v1 size or region without a price as unsupported', () => {
    const e = estimate(
      azurePlan(
        { address: 'azurerm_application_gateway.large', after: { sku: [{ name: 'Standard_Large', tier: 'Standard', capacity: 2 }] } },
        { address: 'azurerm_application_gateway.eu', after: { sku: [{ name: 'Standard_v2', tier: 'Standard_v2', capacity: 1 }] }, location: 'westeurope' },
      ),
    );
    expect(reasonOf(e, 'azurerm_application_gateway.large')).toBe('no list price for application gateway Standard_Large data processing in eastus');
    expect(reasonOf(e, 'azurerm_application_gateway.eu')).toMatch(/^no list price for app-gateway:standard-v2:fixed in westeurope/);
  });
});

describe(azureFirewall.types[0], () => {
  it('prices the deployment hour by tier and data processed from usage', () => {
    const e = estimate(
      azurePlan(
        { address: 'azurerm_firewall.p', after: { sku_tier: 'Premium', sku_name: 'AZFW_VNet' } },
        { address: 'azurerm_firewall.b', after: { sku_tier: 'Basic', sku_name: 'AZFW_VNet' }, location: 'westus2' },
      ),
      'version: 0.1\nresource_type_default_usage:\n  azurerm_firewall:\n    monthly_data_processed_gb: 10000\n',
    );
    // $1.75 × 730 = $1,277.50; 10,000 GB × $0.016 = $160
    expect(lines(e, 'azurerm_firewall.p')).toEqual([
      ['Deployment (Premium)', '1277.5'],
      ['Data processed', '160'],
    ]);
    // Basic $0.395 × 730 = $288.35; 10,000 GB × $0.065 = $650
    expect(monthly(e, 'azurerm_firewall.b')).toBe('938.35');
  });

  const REAL_PLAN = resolve(__dirname, '../../../../../../shared/data/terraform-plans/azure-firewall-tf1.0.json');
  if (existsSync(REAL_PLAN)) {
    it('prices the firewalls and public IP of a real Infracost test plan', () => {
      const e = estimate(parsePlanText(readFileSync(REAL_PLAN, 'utf8')));
      const mine = e.resources.filter((r) => r.type === 'azurerm_firewall' || r.type === 'azurerm_public_ip');
      expect(e.unsupported.filter((u) => u.type === 'azurerm_firewall' || u.type === 'azurerm_public_ip')).toEqual([]);
      expect(mine.map((r) => [r.address, r.monthlyCost.toDecimalString()])).toEqual([
        ['azurerm_firewall.non_usage', '912.5'], // Standard $1.25 × 730 (sku_tier unset in provider 2.x)
        ['azurerm_firewall.premium', '1277.5'], // Premium $1.75 × 730
        ['azurerm_firewall.premium_virtual_hub', '1277.5'], // Premium secured virtual hub $1.75 × 730
        ['azurerm_firewall.standard', '912.5'],
        ['azurerm_firewall.standard_virtual_hub', '912.5'],
        ['azurerm_public_ip.example', '3.65'], // Standard static, westeurope $0.005 × 730
      ]);
      expect(priced(e, 'azurerm_firewall.standard_virtual_hub').components[0]?.name).toBe('Deployment (Standard, secured virtual hub)');
    });
  } else {
    it('skips the real Terraform plan test: ../shared/data is absent', () => {
      console.warn(`SKIPPED: real Azure plan test, because ../shared/data is absent (looked for ${REAL_PLAN})`);
      expect(existsSync(REAL_PLAN)).toBe(false);
    });
  }
});
