import { gzipSync } from 'node:zlib';
import { runResourceFixture } from '../../engine/fixtures';
import { ResourceSet, complianceResource } from '../../engine/resource-set';
import { CONTROL_IDS } from '../../controls';
import { unusedResourcesCheck } from './cost-plan';
import { CREDENTIAL_RULES } from './credentials';
import { EVIDENCE_RULES } from './evidence';
import { imageApproved } from './images';
import { regionAllowed } from './residency';
import { scanText } from './scan-values';
import { SECRET_RULES } from './secrets';
import { awsSize, azureSize, gcpSize } from './sizes';
import { TAG_RULES } from './tags';

const secretsRule = SECRET_RULES[0];
const passwordRule = CREDENTIAL_RULES[0];

describe('secret scanning', () => {
  it('finds literal credentials in free text but not references or cloud-init keywords', () => {
    expect(scanText('user_data', 'export DB_PASSWORD=hunter2-prod\n')).toHaveLength(1);
    expect(scanText('user_data', 'SECRET_ARN=arn:aws:secretsmanager:eu-west-1:123456789012:secret:db\n')).toEqual([]);
    expect(scanText('user_data', '#cloud-config\nchpasswd:\n  expire: false\nssh_pwauth: false\n')).toEqual([]);
    expect(scanText('user_data', 'PASSWORD=$(aws ssm get-parameter --name /db/pw)\n')).toEqual([]);
    expect(scanText('user_data', 'PASSWORD_MIN_LENGTH=12\n')).toEqual([]);
    expect(scanText('metadata', '{"password": "s3cr3t-value"}')).toHaveLength(1);
  });

  it('decodes gzip-compressed base64 user data (cloudinit_config default)', () => {
    const userData = gzipSync(Buffer.from('#!/bin/bash\nexport AWS_ACCESS_KEY_ID=AKIAZ7EXAMPLEKEY0001\n')).toString('base64');
    const result = runResourceFixture(secretsRule, { type: 'aws_launch_template', values: { user_data: userData } });
    expect(result.status).toBe('fail');
    expect(result.found).toContain('AWS access key id');
  });

  it('never shows the secret in results', () => {
    const result = runResourceFixture(secretsRule, { type: 'aws_lambda_function', values: { environment: [{ variables: { DB_PASSWORD: 'hunter2-prod' } }] } });
    expect(result.status).toBe('fail');
    expect(result.found).not.toContain('hunter2');
    const key = runResourceFixture(secretsRule, { type: 'aws_instance', values: { user_data_base64: Buffer.from('AWS_ACCESS_KEY_ID=AKIAZ7EXAMPLEKEY0001').toString('base64') } });
    expect(key.found).not.toContain('AKIAZ7EXAMPLEKEY0001');
    const password = runResourceFixture(passwordRule, { type: 'aws_db_instance', values: { username: 'app', password: 'P@ssw0rd' } });
    expect(password.status).toBe('fail');
    expect(password.found).not.toContain('P@ssw0rd');
  });
});

describe('size parsing', () => {
  it.each([
    ['m6i.8xlarge', 32],
    ['db.r6g.16xlarge', 64],
    ['t3.xlarge', 4],
  ])('AWS %s has %i vCPU', (name, vcpus) => expect(awsSize(name)?.vcpus).toBe(vcpus));

  it('reads Azure names that state vCPUs only', () => {
    expect(azureSize('Standard_D32s_v5')?.vcpus).toBe(32);
    expect(azureSize('Standard_E32-16ds_v4')?.vcpus).toBe(16);
    expect(azureSize('Standard_F72s_v2')?.vcpus).toBe(72);
    expect(azureSize('Standard_DS14_v2')).toBeNull();
    expect(azureSize('Standard_D14_v2')).toBeNull();
    expect(azureSize('Standard_B2s')).toBeNull();
  });

  it('reads GCP predefined and custom types', () => {
    expect(gcpSize('n2-standard-32')?.vcpus).toBe(32);
    expect(gcpSize('zones/europe-west1-b/machineTypes/c2-standard-60')?.vcpus).toBe(60);
    expect(gcpSize('n2-custom-48-196608')?.vcpus).toBe(48);
    expect(gcpSize('e2-micro')).toBeNull();
  });
});

describe('regions and images', () => {
  it('allows multi-regions only when listed themselves', () => {
    expect(regionAllowed('eu', ['europe-*'])).toBe(false);
    expect(regionAllowed('eu', ['EU'])).toBe(true);
    expect(regionAllowed('westeurope', ['West Europe'])).toBe(true);
    expect(regionAllowed('europe-west1', ['europe-*'])).toBe(true);
  });

  it('matches image prefixes at a boundary', () => {
    expect(imageApproved('registry.example.com/app:1', ['registry.example.com'])).toBe(true);
    expect(imageApproved('registry.example.com.evil.io/app:1', ['registry.example.com'])).toBe(false);
    expect(imageApproved('https://www.googleapis.com/compute/v1/projects/acme/global/images/x', ['projects/acme/'])).toBe(true);
  });
});

describe('tags', () => {
  const costCenter = TAG_RULES[1];
  it('accepts GCP label spellings of a required key', () => {
    const stack = { requiredTags: { owner: ['Owner'], 'cost-center': ['CostCenter'], environment: ['Environment'], compliance: ['Compliance'] } };
    expect(runResourceFixture(costCenter, { type: 'google_storage_bucket', values: { labels: { cost_center: 'cc-1' } }, stack }).status).toBe('pass');
  });
  it('does not read GCP network tags or Kubernetes labels of AWS resources as tags', () => {
    expect(runResourceFixture(costCenter, { type: 'google_compute_instance', values: { tags: ['cost-center'], labels: {} } }).status).toBe('fail');
    expect(runResourceFixture(costCenter, { type: 'aws_eks_node_group', values: { labels: { 'cost-center': 'x' }, tags_all: {} } }).status).toBe('fail');
  });
});

describe('unused resources', () => {
  it('reports possible orphans as unknown when the plan uses modules', () => {
    const set = new ResourceSet([
      complianceResource({ address: 'module.net.azurerm_public_ip.lb', type: 'azurerm_public_ip', values: {} }),
      complianceResource({ address: 'module.lb.azurerm_lb.main', type: 'azurerm_lb', values: {} }),
    ]);
    expect(unusedResourcesCheck(set.planContext({})).status).toBe('unknown');
  });
});

describe('evidence rules', () => {
  it('cover every ev.* control topic with kebab-case keys', () => {
    const covered = new Set(EVIDENCE_RULES.flatMap((r) => r.controls));
    expect(CONTROL_IDS.filter((c) => c.startsWith('ev.') && !covered.has(c))).toEqual([]);
    expect(EVIDENCE_RULES.filter((r) => !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(r.evidence.key)).map((r) => r.id)).toEqual([]);
  });
});
