import { UnsupportedResource, type ResourcePricer } from '../../engine/pricer';
import { HOURS_PER_MONTH } from '../../money';
import { usageLine } from '../helpers';
import { hourly, usagePer } from './common';

const LB_KINDS: Readonly<Record<string, { key: string; label: string; unitLabel: string }>> = {
  application: { key: 'alb', label: 'Application load balancer', unitLabel: 'LCU' },
  network: { key: 'nlb', label: 'Network load balancer', unitLabel: 'NLCU' },
  gateway: { key: 'gwlb', label: 'Gateway load balancer', unitLabel: 'GLCU' },
};

/** aws_lb / aws_alb: hours by type plus capacity units (usage). https://aws.amazon.com/elasticloadbalancing/pricing/ */
export const awsLb: ResourcePricer = {
  cloud: 'aws',
  types: ['aws_lb', 'aws_alb'],
  usage: [{ key: 'capacity_units', unit: 'LCU', description: 'Average capacity units (LCU, NLCU or GLCU) consumed per hour' }],
  price(ctx) {
    const type = ctx.assume<string>('load_balancer_type', 'application', 'load_balancer_type defaults to application (provider docs)');
    const kind = LB_KINDS[type];
    if (!kind) throw new UnsupportedResource(`load_balancer_type ${type} is not priced (expected application, network or gateway)`);
    return [
      hourly(kind.label, `elb:${kind.key}:hours`),
      // average capacity units per hour × 730 hours
      usageLine(ctx, 'capacity_units', { name: `Load balancer capacity units (${kind.unitLabel})`, unit: 'LCU-hours', sku: `elb:${kind.key}:capacity-units` }, HOURS_PER_MONTH),
    ];
  },
};

/** aws_elb (Classic Load Balancer): hours plus GB processed (usage). */
export const awsElb: ResourcePricer = {
  cloud: 'aws',
  types: ['aws_elb'],
  usage: [{ key: 'monthly_data_processed_gb', unit: 'GB', description: 'Data processed by the load balancer per month' }],
  price(ctx) {
    return [hourly('Classic load balancer', 'elb:classic:hours'), usagePer(ctx, 'monthly_data_processed_gb', { name: 'Data processed', unit: 'GB', sku: 'elb:classic:data' })];
  },
};
