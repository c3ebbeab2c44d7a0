import type { Cloud } from '@cloudwright/terraform-plan';
import type { CheckResult, ComplianceResource, PlanCheckContext, PlanRule } from '../../model';
import { fail, pass } from '../common/checks';
import { normaliseTagKey } from './tags';
import { addresses, isRecord, planNotApplicable } from './util';

/**
 * Plan-level architecture rules: infrastructure as code, load balancing, caching, CDN and autoscaling of standalone
 * instances. They look at the plan as a whole, so a component managed in another stack (a shared load balancer, a
 * CDN owned by another team) is not seen: such findings are waived, and each message says so.
 */

const CLOUDS: readonly Cloud[] = ['aws', 'azure', 'gcp'];

export const STANDALONE_COMPUTE: Readonly<Record<Cloud, readonly string[]>> = {
  aws: ['aws_instance'],
  azure: ['azurerm_linux_virtual_machine', 'azurerm_windows_virtual_machine', 'azurerm_virtual_machine'],
  gcp: ['google_compute_instance'],
};

export const SCALE_GROUPS: Readonly<Record<Cloud, readonly string[]>> = {
  aws: ['aws_autoscaling_group'],
  azure: [
    'azurerm_linux_virtual_machine_scale_set',
    'azurerm_windows_virtual_machine_scale_set',
    'azurerm_orchestrated_virtual_machine_scale_set',
    'azurerm_virtual_machine_scale_set',
  ],
  gcp: ['google_compute_instance_group_manager', 'google_compute_region_instance_group_manager'],
};

const LOAD_BALANCERS: Readonly<Record<Cloud, readonly string[]>> = {
  aws: ['aws_lb', 'aws_alb', 'aws_elb'],
  azure: ['azurerm_lb', 'azurerm_application_gateway', 'azurerm_cdn_frontdoor_profile', 'azurerm_frontdoor', 'azurerm_traffic_manager_profile'],
  gcp: [
    'google_compute_backend_service',
    'google_compute_region_backend_service',
    'google_compute_target_pool',
    'google_compute_forwarding_rule',
    'google_compute_global_forwarding_rule',
  ],
};

// ---------------------------------------------------------------------------------------------------------------
// Infrastructure as code

const IAC_TOOLS = new Set(['terraform', 'opentofu', 'tofu', 'pulumi', 'bicep', 'arm', 'cdk', 'cdktf', 'cloudformation', 'crossplane']);
const MANUAL_ORIGINS = new Set(['manual', 'console', 'portal', 'clickops', 'cli', 'hand', 'handmade']);
const ORIGIN_KEYS = new Set(['managedby', 'createdby', 'provisionedby', 'iac', 'deployedby']);

function tagEntries(resource: ComplianceResource): [string, unknown][] {
  return ['tags_all', 'tags', 'labels', 'terraform_labels'].flatMap((attr) => {
    const v = resource.values.value(attr);
    return isRecord(v) ? Object.entries(v) : [];
  });
}

/** `iac` | `manual` | `unmarked`, from tags/labels such as managed-by = terraform or the clouds' own attribution tags. */
function origin(resource: ComplianceResource): 'iac' | 'manual' | 'unmarked' {
  let result: 'iac' | 'manual' | 'unmarked' = 'unmarked';
  for (const [key, value] of tagEntries(resource)) {
    const k = normaliseTagKey(key);
    if (k === 'awscloudformationstackname' || k === 'googterraformprovisioned') result = 'iac';
    if (!ORIGIN_KEYS.has(k) || typeof value !== 'string') continue;
    const v = value.trim().toLowerCase();
    if (MANUAL_ORIGINS.has(v)) return 'manual';
    if (IAC_TOOLS.has(v) || k === 'iac') result = 'iac';
  }
  return result;
}

export function infrastructureAsCodeCheck(ctx: PlanCheckContext): CheckResult {
  if (ctx.resources.length === 0) return planNotApplicable('the scan has no resources');
  const expected = 'every resource managed as code (a Terraform plan, or an IaC attribution tag on inventory resources)';
  const manual = ctx.resources.filter((r) => origin(r) === 'manual');
  const unmanagedInventory = ctx.resources.filter((r) => r.action === 'inventory' && origin(r) === 'unmarked');
  if (manual.length > 0) return fail(`tagged as created by hand: ${addresses(manual)} (the tag is stale if Terraform now manages it)`, expected, 'tags');
  if (unmanagedInventory.length > 0) {
    return fail(`inventory resources with no sign of IaC management: ${addresses(unmanagedInventory)}`, expected, 'tags');
  }
  const planned = ctx.resources.filter((r) => r.action !== 'inventory').length;
  return pass(planned > 0 ? `changes come from a Terraform plan (${planned} resources)` : `${ctx.resources.length} inventory resources carry IaC attribution tags`, expected);
}

// ---------------------------------------------------------------------------------------------------------------
// Load balancing

/** Instances are identical when type, module, size and image are the same (count/for_each instances of one block, or copies). */
function instanceShape(r: ComplianceResource): string {
  const v = r.values;
  const size = v.string('instance_type') ?? v.string('size') ?? v.string('vm_size') ?? v.string('machine_type') ?? '?';
  const image =
    v.string('ami') ??
    v.string('source_image_id') ??
    v.string('boot_disk.0.initialize_params.0.image') ??
    ['publisher', 'offer', 'sku'].map((k) => v.string(`source_image_reference.0.${k}`) ?? '').join(':');
  return `${r.type}|${r.moduleAddress ?? ''}|${size}|${image}`;
}

/** Standalone instances grouped by shape; groups of 2+ are fleets (a horizontally scaled workload). */
function fleetsOf(instances: readonly ComplianceResource[]): ComplianceResource[][] {
  const shapes = new Map<string, ComplianceResource[]>();
  for (const r of instances) {
    const key = instanceShape(r);
    shapes.set(key, [...(shapes.get(key) ?? []), r]);
  }
  return [...shapes.values()].filter((list) => list.length >= 2);
}

/** A scale group that can run 2+ instances (unknown capacity counts). */
function multiInstanceGroup(group: ComplianceResource): boolean {
  const v = group.values;
  const max = v.number('max_size') ?? v.number('instances') ?? v.number('target_size');
  return max === undefined || max >= 2;
}

export function loadBalancingCheck(ctx: PlanCheckContext): CheckResult {
  const expected = 'a load balancer in front of multi-instance workloads';
  const missing: string[] = [];
  let balanced = 0;
  for (const cloud of CLOUDS) {
    const fleets = fleetsOf(ctx.ofType(STANDALONE_COMPUTE[cloud])).flat();
    const groups = ctx.ofType(SCALE_GROUPS[cloud]).filter(multiInstanceGroup);
    if (fleets.length === 0 && groups.length === 0) continue;
    if (ctx.ofType(LOAD_BALANCERS[cloud]).length > 0) {
      balanced += 1;
      continue;
    }
    const workload = [...fleets, ...groups];
    missing.push(`${addresses(workload)} with no ${LOAD_BALANCERS[cloud].slice(0, 3).join('/')}`);
  }
  if (missing.length > 0) {
    return fail(`${missing.join('; ')} in the plan (waive for workers without inbound traffic or a load balancer managed elsewhere)`, expected, 'load balancer');
  }
  if (balanced === 0) return planNotApplicable('no multi-instance compute workload in the plan');
  return pass('multi-instance workloads have a load balancer in the plan', expected);
}

// ---------------------------------------------------------------------------------------------------------------
// Caching

const DATABASES = [
  'aws_db_instance',
  'aws_rds_cluster',
  'aws_docdb_cluster',
  'azurerm_mssql_database',
  'azurerm_postgresql_flexible_server',
  'azurerm_mysql_flexible_server',
  'azurerm_postgresql_server',
  'azurerm_mysql_server',
  'azurerm_cosmosdb_account',
  'google_sql_database_instance',
  'google_alloydb_cluster',
];
const CACHES = [
  'aws_elasticache_cluster',
  'aws_elasticache_replication_group',
  'aws_elasticache_serverless_cache',
  'aws_memorydb_cluster',
  'aws_dax_cluster',
  'azurerm_redis_cache',
  'azurerm_redis_enterprise_cluster',
  'azurerm_managed_redis',
  'google_redis_instance',
  'google_redis_cluster',
  'google_memcache_instance',
];

export function cachingCheck(ctx: PlanCheckContext): CheckResult {
  const databases = ctx.ofType(DATABASES);
  if (databases.length === 0) return planNotApplicable('no database in the plan');
  const expected = 'a cache (ElastiCache/MemoryDB, Azure Cache for Redis, Memorystore) for read-heavy data';
  const caches = ctx.ofType(CACHES);
  if (caches.length > 0) return pass(`cache ${addresses(caches)} alongside ${databases.length} database(s)`, expected);
  return fail(`database(s) ${addresses(databases)} and no cache in the plan (advice: waive for write-heavy workloads or a cache managed elsewhere)`, expected, 'cache');
}

// ---------------------------------------------------------------------------------------------------------------
// CDN

function websiteBuckets(ctx: PlanCheckContext, cloud: Cloud): ComplianceResource[] {
  if (cloud === 'aws') {
    return [...ctx.ofType('aws_s3_bucket_website_configuration'), ...ctx.ofType('aws_s3_bucket').filter((b) => b.values.blocks('website').length > 0)];
  }
  if (cloud === 'azure') {
    return [
      ...ctx.ofType('azurerm_storage_account_static_website'),
      ...ctx.ofType('azurerm_storage_account').filter((a) => a.values.blocks('static_website').length > 0),
    ];
  }
  return ctx.ofType('google_storage_bucket').filter((b) => b.values.blocks('website').length > 0);
}

function cdns(ctx: PlanCheckContext, cloud: Cloud): ComplianceResource[] {
  if (cloud === 'aws') return ctx.ofType('aws_cloudfront_distribution');
  if (cloud === 'azure') return ctx.ofType(['azurerm_cdn_profile', 'azurerm_cdn_endpoint', 'azurerm_cdn_frontdoor_profile', 'azurerm_cdn_frontdoor_endpoint', 'azurerm_frontdoor']);
  return ctx.ofType(['google_compute_backend_bucket', 'google_compute_backend_service']).filter((b) => b.values.get('enable_cdn').state !== 'known' || b.values.boolean('enable_cdn') === true);
}

export function cdnCheck(ctx: PlanCheckContext): CheckResult {
  const expected = 'static websites served through a CDN (CloudFront, Azure Front Door/CDN, Cloud CDN)';
  const missing: ComplianceResource[] = [];
  let websites = 0;
  for (const cloud of CLOUDS) {
    const sites = websiteBuckets(ctx, cloud);
    websites += sites.length;
    if (sites.length > 0 && cdns(ctx, cloud).length === 0) missing.push(...sites);
  }
  if (websites === 0) return planNotApplicable('no static website bucket in the plan');
  if (missing.length > 0) return fail(`static website ${addresses(missing)} with no CDN in the plan (waive if a CDN managed elsewhere fronts it)`, expected, 'cdn');
  return pass('static websites have a CDN in the plan', expected);
}

// ---------------------------------------------------------------------------------------------------------------
// Standalone instances that should be a scale group

export function standaloneAutoscalingCheck(ctx: PlanCheckContext): CheckResult {
  const expected = 'identical instances run in an autoscaling group, scale set or managed instance group';
  const fleets = fleetsOf(ctx.ofType(CLOUDS.flatMap((c) => STANDALONE_COMPUTE[c])));
  if (fleets.length > 0) {
    return fail(fleets.map((list) => `${list.length} identical instances ${addresses(list, 3)}`).join('; '), expected, 'instances');
  }
  const groups = ctx.ofType(CLOUDS.flatMap((c) => SCALE_GROUPS[c]));
  if (groups.length > 0) return pass(`compute runs in scale groups (${addresses(groups, 3)})`, expected);
  return planNotApplicable('no fleet of identical standalone instances in the plan');
}

// ---------------------------------------------------------------------------------------------------------------

const WAIVE_NOTE = 'Plan-level: a component managed in another stack is not seen; waive the finding in that case.';

export const ARCHITECTURE_PLAN_RULES: readonly PlanRule[] = [
  {
    id: 'CW-GEN-0016',
    scope: 'plan',
    title: 'Infrastructure is managed as code',
    description:
      'Changes made by hand drift, cannot be reviewed or reproduced, and escape every check. A scan of a Terraform plan shows the changes come from code; inventory resources need an IaC attribution tag.',
    category: 'best-practice',
    severity: 'medium',
    clouds: ['aws', 'azure', 'gcp'],
    controls: ['bp.infrastructure-as-code'],
    check: infrastructureAsCodeCheck,
    remediation: {
      text: 'Import hand-made resources into Terraform (import blocks) and remove stale "managed-by = console" tags; tag resources with their IaC tool so inventory scans can tell.',
      terraform: 'import {\n  to = aws_s3_bucket.assets\n  id = "acme-assets"\n}\n\nprovider "aws" {\n  default_tags { tags = { "managed-by" = "terraform" } }\n}',
      effort: 'medium',
    },
    references: ['https://developer.hashicorp.com/terraform/language/import', 'https://docs.aws.amazon.com/whitepapers/latest/introduction-devops-aws/infrastructure-as-code.html'],
    differs: 'Inventory resources count as managed only with an attribution tag (managed-by = terraform, aws:cloudformation:stack-name, goog-terraform-provisioned).',
    fixtures: {
      pass: [{ resources: [{ type: 'aws_s3_bucket', values: { bucket: 'assets' } }] }],
      fail: [{ resources: [{ type: 'aws_s3_bucket', values: { bucket: 'assets', tags_all: { 'managed-by': 'console' } } }], note: 'declared hand-made' }],
      notApplicable: [{ resources: [] }],
    },
  },
  {
    id: 'CW-GEN-0017',
    scope: 'plan',
    title: 'Multi-instance workloads sit behind a load balancer',
    description:
      'Identical instances (or a scale group) without a load balancer means clients pin to one instance: no failover, no even load, no rolling replacement.',
    category: 'reliability',
    severity: 'low',
    clouds: ['aws', 'azure', 'gcp'],
    controls: ['rel.load-balancing'],
    check: loadBalancingCheck,
    remediation: {
      text: 'Put the instances or the scale group behind a load balancer with health checks (ALB/NLB, Azure Load Balancer / Application Gateway, a Cloud Load Balancing backend service).',
      terraform:
        'resource "aws_lb" "web" {\n  name               = "web"\n  load_balancer_type = "application"\n  subnets            = var.public_subnet_ids\n}\n\n# aws_autoscaling_group\ntarget_group_arns = [aws_lb_target_group.web.arn]',
      effort: 'medium',
    },
    references: [
      'https://docs.aws.amazon.com/elasticloadbalancing/latest/userguide/what-is-load-balancing.html',
      'https://learn.microsoft.com/azure/architecture/guide/technology-choices/load-balancing-overview',
      'https://cloud.google.com/load-balancing/docs/load-balancing-overview',
    ],
    differs: `Counts identical instances (same type, size and image) and scale groups that can run 2+ instances, not every pair of unrelated VMs (a bastion and a database server need no load balancer). ${WAIVE_NOTE}`,
    fixtures: {
      pass: [
        {
          resources: [
            { type: 'aws_instance', name: 'web_a', values: { instance_type: 't3.small' } },
            { type: 'aws_instance', name: 'web_b', values: { instance_type: 't3.small' } },
            { type: 'aws_lb', values: { load_balancer_type: 'application' } },
          ],
        },
      ],
      fail: [
        {
          resources: [
            { type: 'aws_instance', name: 'web_a', values: { instance_type: 't3.small' } },
            { type: 'aws_instance', name: 'web_b', values: { instance_type: 't3.small' } },
          ],
        },
        { resources: [{ type: 'google_compute_region_instance_group_manager', values: { target_size: 3 } }] },
      ],
      notApplicable: [
        { resources: [{ type: 'aws_instance', values: { instance_type: 't3.small' } }] },
        {
          resources: [
            { type: 'aws_instance', name: 'bastion', values: { instance_type: 't3.micro', ami: 'ami-1' } },
            { type: 'aws_instance', name: 'db', values: { instance_type: 'r6i.large', ami: 'ami-2' } },
          ],
          note: 'unrelated instances',
        },
      ],
    },
  },
  {
    id: 'CW-GEN-0018',
    scope: 'plan',
    title: 'Databases have a cache in front of them',
    description: 'Serving repeated reads from a cache cuts database load, latency and the instance size needed. Advice: write-heavy workloads may not need one.',
    category: 'performance',
    severity: 'info',
    clouds: ['aws', 'azure', 'gcp'],
    controls: ['perf.caching'],
    check: cachingCheck,
    remediation: {
      text: 'Add a managed cache (ElastiCache/MemoryDB, Azure Cache for Redis, Memorystore) for hot reads and sessions, or waive the finding when the workload does not benefit.',
      terraform:
        'resource "aws_elasticache_replication_group" "cache" {\n  replication_group_id       = "app-cache"\n  description                = "app cache"\n  engine                     = "redis"\n  node_type                  = "cache.t4g.small"\n  num_cache_clusters         = 2\n  transit_encryption_enabled = true\n  at_rest_encryption_enabled = true\n}',
      effort: 'high',
    },
    references: ['https://aws.amazon.com/caching/database-caching/', 'https://learn.microsoft.com/azure/architecture/best-practices/caching'],
    differs: WAIVE_NOTE,
    fixtures: {
      pass: [{ resources: [{ type: 'aws_db_instance', values: { engine: 'postgres' } }, { type: 'aws_elasticache_replication_group', values: { engine: 'redis' } }] }],
      fail: [{ resources: [{ type: 'google_sql_database_instance', values: { database_version: 'POSTGRES_16' } }] }],
      notApplicable: [{ resources: [{ type: 'aws_s3_bucket', values: {} }] }],
    },
  },
  {
    id: 'CW-GEN-0019',
    scope: 'plan',
    title: 'Static websites are served through a CDN',
    description: 'A website served straight from a bucket has higher latency far from its region, pays full egress, and (on S3) cannot use HTTPS on a custom domain.',
    category: 'performance',
    severity: 'low',
    clouds: ['aws', 'azure', 'gcp'],
    controls: ['perf.cdn'],
    check: cdnCheck,
    remediation: {
      text: 'Serve the site through CloudFront (with origin access control), Azure Front Door/CDN or a Cloud CDN backend bucket, and keep the bucket private where the CDN allows.',
      terraform: 'resource "google_compute_backend_bucket" "site" {\n  name        = "site"\n  bucket_name = google_storage_bucket.site.name\n  enable_cdn  = true\n}',
      effort: 'medium',
    },
    references: [
      'https://docs.aws.amazon.com/AmazonS3/latest/userguide/website-hosting-cloudfront-walkthrough.html',
      'https://learn.microsoft.com/azure/storage/blobs/static-website-content-delivery-network',
      'https://cloud.google.com/cdn/docs/setting-up-cdn-with-bucket',
    ],
    differs: WAIVE_NOTE,
    fixtures: {
      pass: [
        {
          resources: [
            { type: 'aws_s3_bucket', values: { bucket: 'site' } },
            { type: 'aws_s3_bucket_website_configuration', values: { index_document: [{ suffix: 'index.html' }] }, dependsOnIndexes: [0] },
            { type: 'aws_cloudfront_distribution', values: { enabled: true }, dependsOnIndexes: [0] },
          ],
        },
      ],
      fail: [
        { resources: [{ type: 'google_storage_bucket', values: { name: 'site', website: [{ main_page_suffix: 'index.html' }] } }] },
        { resources: [{ type: 'azurerm_storage_account', values: { static_website: [{ index_document: 'index.html' }] } }] },
      ],
      notApplicable: [{ resources: [{ type: 'aws_s3_bucket', values: { bucket: 'data' } }] }],
    },
  },
  {
    id: 'CW-GEN-0020',
    scope: 'plan',
    title: 'Fleets of identical instances run in a scale group',
    description:
      'Two or more identical standalone instances are a fleet managed by hand: they neither scale with load nor replace themselves when unhealthy. An autoscaling group, scale set or managed instance group does both.',
    category: 'performance',
    severity: 'low',
    clouds: ['aws', 'azure', 'gcp'],
    controls: ['perf.autoscaling'],
    check: standaloneAutoscalingCheck,
    remediation: {
      text: 'Replace the identical instances with an autoscaling group (launch template), a VM scale set or a managed instance group (instance template) with an autoscaling policy.',
      terraform:
        'resource "aws_autoscaling_group" "web" {\n  min_size            = 2\n  max_size            = 6\n  vpc_zone_identifier = var.private_subnet_ids\n  launch_template {\n    id      = aws_launch_template.web.id\n    version = "$Latest"\n  }\n}',
      effort: 'medium',
    },
    references: [
      'https://docs.aws.amazon.com/autoscaling/ec2/userguide/what-is-amazon-ec2-auto-scaling.html',
      'https://learn.microsoft.com/azure/virtual-machine-scale-sets/overview',
      'https://cloud.google.com/compute/docs/instance-groups',
    ],
    differs: 'Instances are identical when type, size and image are the same (count/for_each instances of one block, or copies).',
    fixtures: {
      pass: [{ resources: [{ type: 'aws_autoscaling_group', values: { min_size: 2, max_size: 6 } }] }],
      fail: [
        {
          resources: [
            { type: 'google_compute_instance', name: 'a', values: { machine_type: 'e2-medium', boot_disk: [{ initialize_params: [{ image: 'debian-cloud/debian-12' }] }] } },
            { type: 'google_compute_instance', name: 'b', values: { machine_type: 'e2-medium', boot_disk: [{ initialize_params: [{ image: 'debian-cloud/debian-12' }] }] } },
          ],
        },
      ],
      notApplicable: [
        {
          resources: [
            { type: 'aws_instance', name: 'bastion', values: { instance_type: 't3.micro', ami: 'ami-1' } },
            { type: 'aws_instance', name: 'db', values: { instance_type: 'r6i.large', ami: 'ami-2' } },
          ],
        },
      ],
    },
  },
];
