/** Terraform plans (`terraform show -json`) for the compliance service's tests, built like the real thing (provider v5). */
type Json = Record<string, unknown>;

const AWS = 'registry.terraform.io/hashicorp/aws';

function change(address: string, type: string, after: Json, afterUnknown: Json = { id: true, arn: true }): Json {
  const name = address.split('.').pop() ?? address;
  return { address, mode: 'managed', type, name, provider_name: AWS, change: { actions: ['create'], before: null, after, after_unknown: afterUnknown } };
}

function plan(resourceChanges: Json[]): Json {
  return {
    format_version: '1.2',
    terraform_version: '1.9.5',
    resource_changes: resourceChanges,
    configuration: { provider_config: { aws: { name: 'aws', expressions: { region: { constant_value: 'eu-west-1' } } } } },
  };
}

const tags = { owner: 'platform-team', 'cost-center': 'cc-42', environment: 'prod', compliance: 'internal' };

const sshRule = (cidr: string): Json => ({
  from_port: 22,
  to_port: 22,
  protocol: 'tcp',
  cidr_blocks: [cidr],
  ipv6_cidr_blocks: [],
  prefix_list_ids: [],
  security_groups: [],
  self: false,
  description: 'ssh',
});

/** A security group allowing SSH from `cidr` and a bucket with `acl`. */
function twoResources(cidr: string, acl: string): Json[] {
  return [
    change('aws_security_group.bastion', 'aws_security_group', {
      name: 'bastion',
      description: 'bastion access',
      ingress: [sshRule(cidr)],
      egress: [{ from_port: 443, to_port: 443, protocol: 'tcp', cidr_blocks: ['10.0.0.0/8'], ipv6_cidr_blocks: [], prefix_list_ids: [], security_groups: [], self: false, description: 'https' }],
      revoke_rules_on_delete: false,
      tags,
    }),
    change('aws_s3_bucket.assets', 'aws_s3_bucket', { bucket: 'acme-assets', acl, force_destroy: false, object_lock_enabled: false, tags }),
  ];
}

/** SSH from a private range and a private bucket: no critical finding. */
export function securePlan(): Json {
  return plan(twoResources('10.20.0.0/16', 'private'));
}

/** SSH open to the internet (0.0.0.0/0 on 22) and a public-read bucket: critical findings. */
export function insecurePlan(): Json {
  return plan(twoResources('0.0.0.0/0', 'public-read'));
}

/** The insecure resources' addresses (waivers by resource mute every finding on them). */
export const INSECURE_ADDRESSES = ['aws_security_group.bastion', 'aws_s3_bucket.assets'] as const;

/** `change.actions` is a string, not a list: the plan cannot be read at `$.resource_changes[0].change.actions`. */
export function malformedPlan(): Json {
  return plan([{ address: 'aws_s3_bucket.x', mode: 'managed', type: 'aws_s3_bucket', name: 'x', provider_name: AWS, change: { actions: 'create', before: null, after: {} } }]);
}

/** The same small web workload written for a cloud: a storage bucket open or closed to the public. */
export function workloadPlans(): Record<'aws' | 'azure', Json> {
  return {
    aws: insecurePlan(),
    azure: {
      format_version: '1.2',
      terraform_version: '1.9.5',
      resource_changes: [
        {
          address: 'azurerm_storage_account.assets',
          mode: 'managed',
          type: 'azurerm_storage_account',
          name: 'assets',
          provider_name: 'registry.terraform.io/hashicorp/azurerm',
          change: {
            actions: ['create'],
            before: null,
            after: {
              name: 'acmeassets',
              location: 'westeurope',
              resource_group_name: 'rg',
              account_tier: 'Standard',
              account_replication_type: 'GRS',
              min_tls_version: 'TLS1_2',
              https_traffic_only_enabled: true,
              allow_nested_items_to_be_public: false,
              public_network_access_enabled: false,
              shared_access_key_enabled: false,
              infrastructure_encryption_enabled: true,
              tags,
            },
            after_unknown: { id: true },
          },
        },
      ],
    },
  };
}
