import Decimal from 'decimal.js';
import { UnsupportedResource, type ResourcePricer } from '../../engine/pricer';
import { monthlyHours, usageLine } from '../helpers';

const PER_MILLION = new Decimal(1).div(1_000_000);

/**
 * `azurerm_servicebus_namespace`: Basic bills messaging operations only; Standard a base hour plus operations above the
 * 13M a month included (tiered, from the usage file); Premium messaging units (capacity) per hour, operations included.
 */
export const azureServicebusNamespace: ResourcePricer = {
  cloud: 'azure',
  types: ['azurerm_servicebus_namespace'],
  usage: [{ key: 'monthly_messaging_operations', unit: 'operations', description: 'Messaging operations (sends, receives, API calls) per month' }],
  price(ctx) {
    const tier = ctx.assume<string>('sku', 'Standard', 'sku is required by the azurerm provider; assumed Standard');
    const prefix = `servicebus:${tier.toLowerCase()}`;
    if (tier === 'Basic') {
      if (!ctx.hasPrice(`${prefix}:operations`)) throw new UnsupportedResource(`no list price for Service Bus Basic in ${ctx.region}`);
      return [usageLine(ctx, 'monthly_messaging_operations', { name: 'Messaging operations', unit: '1M operations', sku: `${prefix}:operations` }, PER_MILLION)];
    }
    if (tier === 'Standard') {
      if (!ctx.hasPrice(`${prefix}:base`)) throw new UnsupportedResource(`no list price for Service Bus Standard in ${ctx.region}`);
      return [
        { name: 'Base charge', unit: 'hours', monthlyQuantity: monthlyHours(1), sku: `${prefix}:base` },
        usageLine(ctx, 'monthly_messaging_operations', { name: 'Messaging operations', unit: '1M operations', sku: `${prefix}:operations` }, PER_MILLION),
      ];
    }
    if (tier === 'Premium') {
      // capacity defaults to 0 in the provider, which Azure turns into 1 messaging unit for Premium.
      const units = Math.max(1, ctx.assume<number>('capacity', 1, 'capacity is not set: a Premium namespace has at least 1 messaging unit'));
      if (!ctx.hasPrice(`${prefix}:messaging-unit`)) throw new UnsupportedResource(`no list price for Service Bus Premium in ${ctx.region}`);
      return [{ name: `Messaging units (${units})`, unit: 'hours', monthlyQuantity: monthlyHours(units), sku: `${prefix}:messaging-unit` }];
    }
    throw new UnsupportedResource(`unknown Service Bus sku ${tier} (expected Basic, Standard or Premium)`);
  },
};

export const AZURE_MESSAGING_PRICERS: readonly ResourcePricer[] = [azureServicebusNamespace];
