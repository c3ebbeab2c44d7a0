import type { CheckResult, ComplianceResource, PlanCheckContext, PlanRule } from '../../model';
import { fail, pass } from '../common/checks';
import { addresses, planNotApplicable } from './util';

/** Plan-level cost rules: orphaned addresses and disks, NAT gateway traffic that a free gateway endpoint would carry. */

const ORPHAN_CANDIDATES = ['azurerm_public_ip', 'google_compute_address', 'google_compute_global_address', 'aws_eip', 'aws_ebs_volume', 'azurerm_managed_disk'];

/** An Elastic IP is in use when it names its instance or network interface itself (or that value is only known at apply). */
function selfAttached(r: ComplianceResource): boolean {
  if (r.type !== 'aws_eip') return false;
  return ['instance', 'network_interface'].some((attr) => {
    const v = r.values.get(attr);
    return v.state === 'unknown' || (v.state === 'known' && v.value !== '');
  });
}

export function unusedResourcesCheck(ctx: PlanCheckContext): CheckResult {
  const candidates = ctx.ofType(ORPHAN_CANDIDATES);
  if (candidates.length === 0) return planNotApplicable('no public IPs, addresses or disks in the plan');
  const expected = 'every public IP, address and disk attached to or used by another resource';
  const orphans = candidates.filter((c) => !selfAttached(c) && !ctx.referrersOf(c).some((r) => r !== c));
  if (orphans.length === 0) return pass(`${candidates.length} IP(s)/disk(s) all referred to by other resources`, expected);
  if (ctx.resources.some((r) => r.moduleAddress !== null)) {
    return {
      status: 'unknown',
      found: `nothing in the plan refers to ${addresses(orphans)}, but the plan uses modules and references through module inputs/outputs are not visible`,
      expected,
      attribute: orphans[0]?.address,
    };
  }
  return fail(`nothing in the plan refers to ${addresses(orphans)} (billed while unattached)`, expected, orphans[0]?.address);
}

const S3_OR_DYNAMODB = ['aws_s3_bucket', 'aws_dynamodb_table'];

function endpointService(endpoint: ComplianceResource): 's3' | 'dynamodb' | 'unknown' | null {
  const name = endpoint.values.get('service_name');
  if (name.state === 'unknown') return 'unknown';
  if (name.state !== 'known' || typeof name.value !== 'string') return null;
  const service = name.value.split('.').pop() ?? '';
  return service === 's3' || service === 'dynamodb' ? service : null;
}

export function natDataTransferCheck(ctx: PlanCheckContext): CheckResult {
  const nats = ctx.ofType('aws_nat_gateway').filter((n) => n.values.string('connectivity_type') !== 'private');
  if (nats.length === 0) return planNotApplicable('no public NAT gateway in the plan');
  const used = new Set(ctx.ofType(S3_OR_DYNAMODB).map((r) => (r.type === 'aws_s3_bucket' ? 's3' : 'dynamodb')));
  if (used.size === 0) return planNotApplicable('no S3 bucket or DynamoDB table in the plan');
  const expected = 'gateway VPC endpoints for S3/DynamoDB so their traffic skips the NAT gateway processing charge';
  const endpoints = ctx.ofType('aws_vpc_endpoint');
  const covered = new Set<string>();
  let unknownSeen = false;
  for (const e of endpoints) {
    const service = endpointService(e);
    if (service === 'unknown') unknownSeen = true;
    else if (service) covered.add(service);
  }
  const missing = [...used].filter((s) => !covered.has(s));
  if (missing.length === 0) return pass(`VPC endpoint(s) for ${[...used].join(', ')}`, expected);
  if (unknownSeen) return { status: 'unknown', found: 'aws_vpc_endpoint service_name known only after apply', expected, attribute: 'aws_vpc_endpoint' };
  return fail(
    `NAT gateway ${addresses(nats, 2)} and ${missing.join(' and ')} in the plan with no VPC endpoint for ${missing.join('/')} (NAT processing is billed per GB; gateway endpoints are free)`,
    expected,
    'aws_vpc_endpoint',
  );
}

export const COST_PLAN_RULES: readonly PlanRule[] = [
  {
    id: 'CW-GEN-0026',
    scope: 'plan',
    title: 'No orphaned public IPs, addresses or disks',
    description: 'Public IPs, reserved addresses and disks are billed whether or not anything uses them; one that nothing in the plan attaches is usually left over.',
    category: 'cost',
    severity: 'low',
    clouds: ['aws', 'azure', 'gcp'],
    controls: ['cost.unused'],
    check: unusedResourcesCheck,
    remediation: {
      text: 'Attach the resource (volume attachment, NIC ip_configuration, instance access_config, EIP association) or remove it from the configuration.',
      terraform: 'resource "aws_volume_attachment" "data" {\n  device_name = "/dev/sdf"\n  volume_id   = aws_ebs_volume.data.id\n  instance_id = aws_instance.app.id\n}',
      effort: 'low',
    },
    references: [
      'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/elastic-ip-addresses-eip.html#eip-pricing',
      'https://learn.microsoft.com/azure/advisor/advisor-cost-recommendations',
      'https://cloud.google.com/compute/docs/ip-addresses/reserve-static-external-ip-address',
    ],
    differs: 'When the plan uses modules, references through module inputs/outputs are not visible: possible orphans are then reported as unknown, not failed.',
    fixtures: {
      pass: [
        {
          resources: [
            { type: 'aws_ebs_volume', name: 'data', values: { size: 100 } },
            { type: 'aws_volume_attachment', values: { device_name: '/dev/sdf' }, dependsOnIndexes: [0] },
          ],
        },
        { resources: [{ type: 'aws_eip', values: { domain: 'vpc', instance: 'i-0abc' } }] },
      ],
      fail: [
        { resources: [{ type: 'azurerm_public_ip', values: { allocation_method: 'Static' } }, { type: 'azurerm_resource_group', values: {} }] },
        { resources: [{ type: 'azurerm_managed_disk', values: { disk_size_gb: 128 } }] },
      ],
      notApplicable: [{ resources: [{ type: 'aws_s3_bucket', values: {} }] }],
    },
  },
  {
    id: 'CW-GEN-0027',
    scope: 'plan',
    title: 'S3/DynamoDB traffic bypasses the NAT gateway',
    description:
      'Traffic from private subnets to S3 or DynamoDB through a NAT gateway pays the NAT data-processing charge per GB; a gateway VPC endpoint carries it for free.',
    category: 'cost',
    severity: 'info',
    clouds: ['aws'],
    controls: ['cost.data-transfer'],
    check: natDataTransferCheck,
    remediation: {
      text: 'Add gateway VPC endpoints for S3 and DynamoDB and associate them with the private route tables.',
      terraform:
        'resource "aws_vpc_endpoint" "s3" {\n  vpc_id            = aws_vpc.main.id\n  service_name      = "com.amazonaws.${var.region}.s3"\n  vpc_endpoint_type = "Gateway"\n  route_table_ids   = aws_route_table.private[*].id\n}',
      effort: 'low',
    },
    references: ['https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html', 'https://aws.amazon.com/vpc/pricing/'],
    differs: 'Heuristic: an S3 bucket or DynamoDB table in the same plan as a public NAT gateway is taken as traffic between them; an interface endpoint for the service also passes.',
    fixtures: {
      pass: [
        {
          resources: [
            { type: 'aws_nat_gateway', values: { connectivity_type: 'public' } },
            { type: 'aws_s3_bucket', values: { bucket: 'data' } },
            { type: 'aws_vpc_endpoint', values: { service_name: 'com.amazonaws.eu-west-1.s3', vpc_endpoint_type: 'Gateway' } },
          ],
        },
      ],
      fail: [{ resources: [{ type: 'aws_nat_gateway', values: { connectivity_type: 'public' } }, { type: 'aws_dynamodb_table', values: { name: 't' } }] }],
      notApplicable: [{ resources: [{ type: 'aws_s3_bucket', values: { bucket: 'data' } }] }],
    },
  },
];
