import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ResourceValues, cloudOfType, parsePlanText, type ParsedPlan, type PlanAction } from '@cloudwright/terraform-plan';
import { type ScoredResource } from '../capabilities';

/** A managed resource created in `region` (type from the address: `aws_s3_bucket.logs`). */
export function resource(address: string, region: string | null, overrides: Partial<ScoredResource> & { values?: Record<string, unknown>; action?: PlanAction } = {}): ScoredResource {
  const { values, ...rest } = overrides;
  const type = address.replace(/^(module\.[^.]+\.)*/, '').split('.')[0] ?? address;
  return {
    address,
    type,
    cloud: cloudOfType(type),
    mode: 'managed',
    action: 'create',
    region,
    ...(values ? { after: new ResourceValues(values) } : {}),
    ...rest,
  };
}

/** A plan of the repository's examples/plans folder, parsed. */
export function examplePlan(name: 'multi-cloud' | 'web-stack'): ParsedPlan {
  return parsePlanText(readFileSync(join(__dirname, '../../../../examples/plans', `${name}.plan.json`), 'utf8'));
}
