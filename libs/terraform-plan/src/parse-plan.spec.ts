import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PlanParseError, configAddressOf, parsePlan, parsePlanText } from './parse-plan';

const PLANS = resolve(__dirname, '../../..', '../shared/data/terraform-plans');

function change(address: string, actions: string[], after: object | null, extra: object = {}) {
  const parts = address.replace(/\[[^\]]*\]/g, '').split('.');
  return { address, mode: 'managed', type: parts[parts.length - 2], name: parts[parts.length - 1], provider_name: 'registry.terraform.io/hashicorp/aws', change: { actions, before: null, after, after_unknown: {} }, ...extra };
}

function errorOf(fn: () => unknown): PlanParseError {
  try {
    fn();
  } catch (err) {
    if (err instanceof PlanParseError) return err;
    throw err;
  }
  throw new Error('expected a PlanParseError');
}

describe(parsePlan.name, () => {
  it('collapses action lists to one action, delete+create in either order being a replace', () => {
    const plan = parsePlan({
      format_version: '1.2',
      resource_changes: [
        change('aws_instance.a', ['create'], {}),
        change('aws_instance.b', ['update'], {}),
        change('aws_instance.c', ['delete'], null),
        change('aws_instance.d', ['delete', 'create'], {}),
        change('aws_instance.e', ['create', 'delete'], {}),
        change('aws_instance.f', ['no-op'], {}),
        { ...change('data.aws_ami.g', ['read'], {}), mode: 'data', type: 'aws_ami', name: 'g' },
      ],
    });
    expect(plan.resources.map((r) => r.action)).toEqual(['create', 'update', 'delete', 'replace', 'replace', 'no-op', 'read']);
    expect(plan.resources.map((r) => r.mode)).toEqual(['managed', 'managed', 'managed', 'managed', 'managed', 'managed', 'data']);
    expect(plan.resources[2]?.after).toBeNull();
  });

  it('tells values unknown at plan time apart from absent ones, through nested blocks', () => {
    const plan = parsePlan({
      format_version: '1.2',
      resource_changes: [
        {
          ...change('aws_instance.web', ['create'], { instance_type: 'm5.large', root_block_device: [{ volume_size: null, volume_type: 'gp3' }], tags: null }),
          change: {
            actions: ['create'],
            before: null,
            after: { instance_type: 'm5.large', root_block_device: [{ volume_size: null, volume_type: 'gp3' }], tags: null },
            after_unknown: { id: true, root_block_device: [{ volume_size: true }], ebs_block_device: true },
          },
        },
      ],
    });
    const after = plan.resources[0]?.after;
    expect(after?.get('instance_type')).toEqual({ state: 'known', value: 'm5.large' });
    expect(after?.get('root_block_device[0].volume_size')).toEqual({ state: 'unknown' });
    expect(after?.get('root_block_device.0.volume_type')).toEqual({ state: 'known', value: 'gp3' });
    expect(after?.get('ebs_block_device.0.volume_size')).toEqual({ state: 'unknown' });
    expect(after?.get('tags')).toEqual({ state: 'absent' });
    expect(after?.get('id')).toEqual({ state: 'unknown' });
    expect(after?.get('no_such_attribute')).toEqual({ state: 'absent' });
    expect(after?.blocks('root_block_device')[0]?.isUnknown('volume_size')).toBe(true);
  });

  it('resolves the region from attributes, zones, locations and the provider configuration with variables', () => {
    const plan = parsePlan({
      format_version: '1.2',
      variables: { region: { value: 'eu-west-1' } },
      configuration: {
        provider_config: { aws: { name: 'aws', expressions: { region: { references: ['var.region'] } } }, google: { name: 'google', expressions: { zone: { constant_value: 'europe-west1-b' } } } },
        root_module: { resources: [{ address: 'aws_s3_bucket.b', provider_config_key: 'aws', expressions: {} }] },
      },
      resource_changes: [
        change('aws_s3_bucket.b', ['create'], { bucket: 'x' }),
        change('aws_ebs_volume.v', ['create'], { availability_zone: 'us-west-2c' }),
        { ...change('azurerm_resource_group.rg', ['create'], { location: 'West Europe' }), type: 'azurerm_resource_group', name: 'rg' },
        { ...change('google_compute_instance.vm', ['create'], { zone: 'us-central1-a' }), type: 'google_compute_instance', name: 'vm' },
        { ...change('google_storage_bucket.b', ['create'], { location: 'US' }), type: 'google_storage_bucket', name: 'b' },
        { ...change('google_compute_network.n', ['create'], {}), type: 'google_compute_network', name: 'n' },
      ],
    });
    expect(plan.resources.map((r) => [r.cloud, r.region, r.regionSource])).toEqual([
      ['aws', 'eu-west-1', 'provider'],
      ['aws', 'us-west-2', 'resource'],
      ['azure', 'westeurope', 'resource'],
      ['gcp', 'us-central1', 'resource'],
      ['gcp', 'us', 'resource'],
      ['gcp', 'europe-west1', 'provider'],
    ]);
  });

  it('reads dependencies from references and depends_on in nested module configuration', () => {
    const plan = parsePlan({
      format_version: '1.2',
      configuration: {
        root_module: {
          resources: [{ address: 'aws_vpc.main', expressions: { cidr_block: { constant_value: '10.0.0.0/16' } } }],
          module_calls: {
            app: {
              module: {
                resources: [
                  { address: 'aws_instance.web', expressions: { subnet_id: { references: ['aws_subnet.a.id', 'aws_subnet.a', 'var.subnet'] } }, depends_on: ['aws_iam_role.r'] },
                  { address: 'aws_subnet.a', expressions: { vpc_id: { references: ['var.vpc_id'] } } },
                ],
              },
            },
          },
        },
      },
      resource_changes: [change('module.app.aws_instance.web[0]', ['create'], {}, { module_address: 'module.app', index: 0 }), change('aws_vpc.main', ['create'], {})],
    });
    expect(plan.resources[0]?.dependsOn).toEqual(['module.app.aws_subnet.a', 'module.app.aws_iam_role.r']);
    expect(plan.resources[0]?.moduleAddress).toBe('module.app');
    expect(plan.resources[0]?.index).toBe(0);
    expect(configAddressOf({ address: 'module.a["x"].module.b[0].aws_s3_bucket.c["k.1"]' })).toBe('module.a.module.b.aws_s3_bucket.c');
  });

  describe('malformed plans name the JSON path', () => {
    it.each<[string, unknown, string]>([
      ['not an object', [], '$'],
      ['no format_version', { resource_changes: [] }, '$.format_version'],
      ['a future format', { format_version: '2.0', resource_changes: [] }, '$.format_version'],
      ['resource_changes not an array', { format_version: '1.2', resource_changes: {} }, '$.resource_changes'],
      ['a change without address', { format_version: '1.2', resource_changes: [{ type: 'aws_instance', name: 'a', change: { actions: ['create'] } }] }, '$.resource_changes[0].address'],
      ['actions not a list', { format_version: '1.2', resource_changes: [change('aws_instance.a', ['create'], {}), { ...change('aws_instance.b', [], {}), change: { actions: 'create' } }] }, '$.resource_changes[1].change.actions'],
      ['an unknown action', { format_version: '1.2', resource_changes: [change('aws_instance.a', ['explode'], {})] }, '$.resource_changes[0].change.actions'],
      ['after not an object', { format_version: '1.2', resource_changes: [{ ...change('aws_instance.a', ['create'], {}), change: { actions: ['create'], after: 'x' } }] }, '$.resource_changes[0].change.after'],
    ])('%s → %s', (_case, doc, path) => {
      const error = errorOf(() => parsePlan(doc));
      expect(error.path).toBe(path);
      expect(error.message.startsWith(`${path}: `)).toBe(true);
    });

    it('reports a JSON syntax error with line and column', () => {
      const error = errorOf(() => parsePlanText('{\n  "format_version": "1.2",\n  "resource_changes": [,]\n}'));
      expect(error.path).toBe('$');
      expect(error.reason).toMatch(/^not valid JSON at line 3, column 24/);
      expect(errorOf(() => parsePlanText('{"format_version": "1.2", "x": tru}')).reason).toMatch(/^not valid JSON at line 1, column 32/);
      expect(errorOf(() => parsePlanText('{"a": "unterminated')).reason).toMatch(/^not valid JSON at line 1, column 20/);
    });
  });

  if (existsSync(PLANS)) {
    it.each(readdirSync(PLANS).filter((f) => f.endsWith('.json')))('parses the real plan %s', (file) => {
      const plan = parsePlanText(readFileSync(resolve(PLANS, file), 'utf8'));
      expect(plan.resources.length).toBeGreaterThan(0);
      for (const r of plan.resources) expect(r.address.endsWith(`${r.type}.${r.name}${r.index === undefined ? '' : typeof r.index === 'number' ? `[${r.index}]` : `["${r.index}"]`}`)).toBe(true);
    });

    it('counts the actions of the nested-module plan as its README says (12 create, 1 update, 13 no-op)', () => {
      const plan = parsePlanText(readFileSync(resolve(PLANS, 'aws-nested-modules-create-update-noop-tf0.14.json'), 'utf8'));
      const count = (a: string) => plan.resources.filter((r) => r.action === a).length;
      expect([count('create'), count('update'), count('no-op'), plan.resources.length]).toEqual([12, 1, 13, 26]);
      expect(plan.resources.some((r) => r.address.startsWith('module.db.module.db_1.'))).toBe(true);
    });
  } else {
    it('skips the real-plan tests: ../shared/data is absent', () => {
      console.warn(`SKIPPED: real Terraform plan tests, because ../shared/data is absent (looked for ${PLANS})`);
      expect(existsSync(PLANS)).toBe(false);
    });
  }
});
