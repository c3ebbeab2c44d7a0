import { UnsupportedResource, type ComponentDraft, type ResourcePricer } from '../../engine/pricer';
import { monthlyHours, usageLine } from '../helpers';

/** `azurerm_public_ip`: IPv4 address hours by SKU (Basic/Standard), allocation (static/dynamic) and tier (Regional/Global). */
export const azurePublicIp: ResourcePricer = {
  cloud: 'azure',
  types: ['azurerm_public_ip'],
  price(ctx) {
    // azurerm 3.x defaults sku to Basic; 4.x to Standard. Plans carry the provider's default, so this only applies when unknown.
    const sku = ctx.assume<string>('sku', 'Standard', 'sku defaults to Standard in azurerm 4.x (Basic in 3.x)');
    const allocation = ctx.assume<string>('allocation_method', 'Static', 'allocation_method is required; Standard SKU addresses are always Static');
    const tier = ctx.assume<string>('sku_tier', 'Regional', 'sku_tier defaults to Regional (azurerm provider docs)');
    if (sku === 'Standard') {
      const global = tier === 'Global';
      return [
        {
          name: `IP address (Standard, static, ${global ? 'global' : 'regional'})`,
          unit: 'hours',
          monthlyQuantity: monthlyHours(),
          sku: global ? 'public-ip:standard:global' : 'public-ip:standard:static',
        },
      ];
    }
    if (sku === 'Basic') {
      const dynamic = allocation === 'Dynamic';
      return [{ name: `IP address (Basic, ${dynamic ? 'dynamic' : 'static'})`, unit: 'hours', monthlyQuantity: monthlyHours(), sku: dynamic ? 'public-ip:basic:dynamic' : 'public-ip:basic:static' }];
    }
    throw new UnsupportedResource(`unknown public IP sku ${sku} (expected Basic or Standard)`);
  },
};

/** `azurerm_nat_gateway`: per hour plus per GB processed (usage). https://azure.microsoft.com/pricing/details/azure-nat-gateway/ */
export const azureNatGateway: ResourcePricer = {
  cloud: 'azure',
  types: ['azurerm_nat_gateway'],
  usage: [{ key: 'monthly_data_processed_gb', unit: 'GB', description: 'Data processed by the NAT gateway per month' }],
  price(ctx) {
    const sku = ctx.assume<string>('sku_name', 'Standard', 'sku_name defaults to Standard (azurerm provider docs)');
    if (sku !== 'Standard') throw new UnsupportedResource(`no list price for NAT gateway sku ${sku} (only Standard is priced)`);
    return [
      { name: 'NAT gateway', unit: 'hours', monthlyQuantity: monthlyHours(), sku: 'nat-gateway:hours' },
      usageLine(ctx, 'monthly_data_processed_gb', { name: 'Data processed', unit: 'GB', sku: 'nat-gateway:data-processed' }),
    ];
  },
};

/**
 * `azurerm_lb`: Standard is billed per hour for its load-balancing and outbound rules (the first 5 together, then each
 * additional rule) plus per GB processed; Basic is free. Rules are separate resources (`azurerm_lb_rule`,
 * `azurerm_lb_outbound_rule`), so their count comes from the usage file (`rules`, default 1).
 */
export const azureLoadBalancer: ResourcePricer = {
  cloud: 'azure',
  types: ['azurerm_lb'],
  usage: [
    { key: 'rules', unit: 'rules', description: 'Load-balancing and outbound rules configured on the load balancer' },
    { key: 'monthly_data_processed_gb', unit: 'GB', description: 'Data processed by the load balancer per month' },
  ],
  price(ctx) {
    const sku = ctx.assume<string>('sku', 'Standard', 'sku defaults to Standard in azurerm 4.x (Basic in 3.x)');
    if (sku === 'Basic') return [];
    if (sku !== 'Standard') throw new UnsupportedResource(`no list price for load balancer sku ${sku} (Basic and Standard are priced)`);
    let rules = ctx.usage('rules');
    if (rules === undefined) {
      rules = 1;
      ctx.note({ attribute: 'usage.rules', assumed: '1', cause: 'not set', reason: 'rules are separate resources; priced with 1 rule (set `rules` in the usage file)' });
    }
    const lines: ComponentDraft[] = [];
    if (rules > 0) lines.push({ name: 'Rules (first 5)', unit: 'hours', monthlyQuantity: monthlyHours(), sku: 'lb:standard:rules-first-5' });
    if (rules > 5) lines.push({ name: `Rules (additional ${rules - 5})`, unit: 'hours', monthlyQuantity: monthlyHours(rules - 5), sku: 'lb:standard:rules-additional' });
    lines.push(usageLine(ctx, 'monthly_data_processed_gb', { name: 'Data processed', unit: 'GB', sku: 'lb:standard:data-processed' }));
    return lines;
  },
};

const V1_SIZES: Readonly<Record<string, string>> = {
  Standard_Small: 'standard-small',
  Standard_Medium: 'standard-medium',
  Standard_Large: 'standard-large',
  WAF_Medium: 'waf-medium',
  WAF_Large: 'waf-large',
};

/**
 * `azurerm_application_gateway`: v2 (Standard_v2, WAF_v2) is a fixed gateway hour plus capacity-unit hours — at least
 * 10 CU per instance of manual capacity or autoscale minimum (Azure docs "Understanding pricing"), or the usage file's
 * `capacity_units`; v1 sizes are billed per instance hour plus tiered data processing (usage).
 */
export const azureApplicationGateway: ResourcePricer = {
  cloud: 'azure',
  types: ['azurerm_application_gateway'],
  usage: [
    { key: 'capacity_units', unit: 'CU', description: 'Average capacity units in use (v2), when above the 10 CU per reserved instance' },
    { key: 'monthly_data_processed_gb', unit: 'GB', description: 'Data processed per month (v1 sizes)' },
  ],
  price(ctx) {
    const name = ctx.assume<string>('sku[0].name', 'Standard_v2', 'sku.name is required by the azurerm provider; assumed Standard_v2');
    if (name === 'Standard_v2' || name === 'WAF_v2') {
      const key = name === 'WAF_v2' ? 'waf-v2' : 'standard-v2';
      const hasAutoscale = ctx.values.blocks('autoscale_configuration').length > 0;
      const instances = hasAutoscale
        ? ctx.assume<number>('autoscale_configuration[0].min_capacity', 0, 'autoscale min_capacity is required with autoscale_configuration')
        : ctx.assume<number>('sku[0].capacity', 1, 'sku.capacity is unknown: priced for 1 instance');
      const reserved = instances * 10;
      const used = ctx.usage('capacity_units');
      const cu = Math.max(reserved, used ?? 0);
      return [
        { name: `Gateway (${name}, fixed)`, unit: 'hours', monthlyQuantity: monthlyHours(), sku: `app-gateway:${key}:fixed` },
        { name: `Capacity units (${name}, ${cu} CU)`, unit: 'hours', monthlyQuantity: monthlyHours(cu), sku: `app-gateway:${key}:capacity-unit`, usageBased: used !== undefined && used > reserved },
      ];
    }
    const size = V1_SIZES[name];
    if (!size) throw new UnsupportedResource(`unknown application gateway sku ${name} (expected Standard_v2, WAF_v2 or a v1 size)`);
    const instances = ctx.assume<number>('sku[0].capacity', 2, 'sku.capacity is unknown: priced for 2 instances, the v1 SLA minimum');
    const dataSku = `app-gateway:${size}:data-processed`;
    if (!ctx.hasPrice(dataSku)) throw new UnsupportedResource(`no list price for application gateway ${name} data processing in ${ctx.region}`);
    return [
      { name: `Gateway instances (${name})`, unit: 'hours', monthlyQuantity: monthlyHours(instances), sku: `app-gateway:${size}:hours` },
      usageLine(ctx, 'monthly_data_processed_gb', { name: 'Data processed', unit: 'GB', sku: dataSku }),
    ];
  },
};

const FIREWALL_TIERS: Readonly<Record<string, string>> = { Basic: 'basic', Standard: 'standard', Premium: 'premium' };

/** `azurerm_firewall`: deployment hour by tier (Basic/Standard/Premium, VNet or secured virtual hub) plus GB processed (usage). */
export const azureFirewall: ResourcePricer = {
  cloud: 'azure',
  types: ['azurerm_firewall'],
  usage: [{ key: 'monthly_data_processed_gb', unit: 'GB', description: 'Data processed by the firewall per month' }],
  price(ctx) {
    const tier = ctx.assume<string>('sku_tier', 'Standard', 'sku_tier is required in azurerm 3.x+ (defaulted to Standard in 2.x)');
    const kind = ctx.assume<string>('sku_name', ctx.values.blocks('virtual_hub').length > 0 ? 'AZFW_Hub' : 'AZFW_VNet', 'sku_name is required in azurerm 3.x+ (AZFW_Hub when a virtual_hub block is set)');
    const key = FIREWALL_TIERS[tier];
    if (!key) throw new UnsupportedResource(`unknown firewall sku_tier ${tier} (expected Basic, Standard or Premium)`);
    const hub = kind === 'AZFW_Hub';
    return [
      { name: `Deployment (${tier}${hub ? ', secured virtual hub' : ''})`, unit: 'hours', monthlyQuantity: monthlyHours(), sku: `firewall:${key}${hub ? '-hub' : ''}:deployment` },
      usageLine(ctx, 'monthly_data_processed_gb', { name: 'Data processed', unit: 'GB', sku: `firewall:${key}:data-processed` }),
    ];
  },
};

export const AZURE_NETWORK_PRICERS: readonly ResourcePricer[] = [azurePublicIp, azureNatGateway, azureLoadBalancer, azureApplicationGateway, azureFirewall];
