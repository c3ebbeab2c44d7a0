import type { ResourcePricer } from '../../engine/pricer';
import { monthlyHours, usageLine } from '../helpers';

/** NAT gateway: per hour, plus per GB processed (usage). https://aws.amazon.com/vpc/pricing/ */
export const awsNatGateway: ResourcePricer = {
  cloud: 'aws',
  types: ['aws_nat_gateway'],
  usage: [{ key: 'monthly_data_processed_gb', unit: 'GB', description: 'Data processed by the NAT gateway per month' }],
  price(ctx) {
    // A private NAT gateway (connectivity_type = "private") is billed the same per hour and per GB.
    return [
      { name: 'NAT gateway', unit: 'hours', monthlyQuantity: monthlyHours(), sku: 'vpc:nat-gateway:hours' },
      usageLine(ctx, 'monthly_data_processed_gb', { name: 'Data processed', unit: 'GB', sku: 'vpc:nat-gateway:data-processed' }),
    ];
  },
};
