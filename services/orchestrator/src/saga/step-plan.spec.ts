import { parsePlan } from '@cloudwright/terraform-plan';
import { planSteps, restoreSteps } from './step-plan';

function plan(changes: { address: string; actions: string[]; refs?: string[]; provider?: string; before?: Record<string, unknown> | null; after?: Record<string, unknown> | null }[]) {
  return parsePlan({
    format_version: '1.2',
    resource_changes: changes.map((c) => {
      const [type, name] = c.address.split('.');
      return {
        address: c.address,
        mode: 'managed',
        type,
        name,
        provider_name: c.provider ?? 'registry.terraform.io/hashicorp/aws',
        change: { actions: c.actions, before: c.before === undefined ? (c.actions.includes('create') && c.actions.length === 1 ? null : { id: 'x' }) : c.before, after: c.after === undefined ? (c.actions.includes('delete') && c.actions.length === 1 ? null : { name }) : c.after, after_unknown: {} },
      };
    }),
    configuration: {
      provider_config: { aws: { name: 'aws', expressions: { region: { constant_value: 'us-east-1' } } } },
      root_module: {
        resources: changes.map((c) => {
          const [type, name] = c.address.split('.');
          return { address: c.address, mode: 'managed', type, name, provider_config_key: 'aws', expressions: { ref: { references: c.refs ?? [] } } };
        }),
      },
    },
  });
}

describe('planSteps', () => {
  it('orders creates after what they refer to and gives each a delete compensation', () => {
    const steps = planSteps(plan([
      { address: 'aws_instance.web', actions: ['create'], refs: ['aws_subnet.a'] },
      { address: 'aws_subnet.a', actions: ['create'], refs: ['aws_vpc.main'] },
      { address: 'aws_vpc.main', actions: ['create'] },
    ]));
    const by = new Map(steps.map((s) => [s.address, s]));
    expect(by.get('aws_instance.web')?.dependsOn).toEqual([by.get('aws_subnet.a')?.id]);
    expect(by.get('aws_subnet.a')?.dependsOn).toEqual([by.get('aws_vpc.main')?.id]);
    expect(by.get('aws_vpc.main')?.dependsOn).toEqual([]);
    expect(steps.every((s) => s.compensation?.action === 'delete')).toBe(true);
    expect(by.get('aws_subnet.a')?.spec?.dependsOn).toEqual(['aws_vpc.main']);
  });

  it('deletes dependents first, and compensates a delete by re-creating from the values before', () => {
    const steps = planSteps(plan([
      { address: 'aws_subnet.a', actions: ['delete'], refs: ['aws_vpc.main'], before: { cidr_block: '10.0.1.0/24' } },
      { address: 'aws_vpc.main', actions: ['delete'], before: { cidr_block: '10.0.0.0/16' } },
    ]));
    const by = new Map(steps.map((s) => [s.address, s]));
    expect(by.get('aws_vpc.main')?.dependsOn).toEqual([by.get('aws_subnet.a')?.id]);
    expect(by.get('aws_subnet.a')?.compensation).toMatchObject({ action: 'create', spec: { attributes: { cidr_block: '10.0.1.0/24' } } });
  });

  it('splits a replace into delete then create, compensates an update with the values before, skips no-ops', () => {
    const steps = planSteps(plan([
      { address: 'aws_instance.web', actions: ['delete', 'create'], before: { instance_type: 't3.micro' }, after: { instance_type: 't3.large' } },
      { address: 'aws_s3_bucket.b', actions: ['update'], before: { versioning: false }, after: { versioning: true } },
      { address: 'aws_vpc.main', actions: ['no-op'] },
    ]));
    expect(steps.map((s) => `${s.action} ${s.address}`)).toEqual(['delete aws_instance.web', 'create aws_instance.web', 'update aws_s3_bucket.b']);
    expect(steps[1].dependsOn).toEqual([steps[0].id]);
    expect(steps[2].compensation).toMatchObject({ action: 'update', spec: { attributes: { versioning: false } } });
  });

  it('records non-cloud resources as skipped with the reason', () => {
    const [step] = planSteps(plan([{ address: 'random_id.suffix', actions: ['create'], provider: 'registry.terraform.io/hashicorp/random' }]));
    expect(step.skip).toContain('not a cloud resource');
    expect(step.compensation).toBeNull();
  });
});

describe('restoreSteps', () => {
  const spec = (address: string, attributes: Record<string, unknown> = {}, dependsOn: string[] = []) => ({ address, type: address.split('.')[0], cloud: 'aws' as const, region: 'us-east-1', attributes, dependsOn });

  it('creates what is missing, updates what differs, deletes what the revision did not have (dependents first)', () => {
    const steps = restoreSteps(
      [spec('aws_vpc.main'), spec('aws_subnet.a', {}, ['aws_vpc.main']), spec('aws_subnet.extra', {}, ['aws_vpc.main']), spec('aws_s3_bucket.b', { versioning: true })],
      [spec('aws_vpc.main'), spec('aws_subnet.a', {}, ['aws_vpc.main']), spec('aws_s3_bucket.b', { versioning: false }), spec('aws_sqs_queue.q')],
    );
    expect(steps.map((s) => `${s.action} ${s.address}`).sort()).toEqual(['create aws_sqs_queue.q', 'delete aws_subnet.extra', 'update aws_s3_bucket.b']);
  });
});
