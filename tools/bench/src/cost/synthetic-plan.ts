/**
 * A synthetic `terraform show -json` plan of `count` resources mixing the three clouds, built from templates with the
 * attributes real plans carry (provider-documented names). Used to measure the pricing engine on large plans.
 */
const TEMPLATES: ReadonlyArray<{ type: string; after: Record<string, unknown> }> = [
  { type: 'aws_instance', after: { instance_type: 'm5.large', tenancy: 'default', root_block_device: [{ volume_type: 'gp3', volume_size: 30, iops: 3000, throughput: 125 }], ebs_block_device: [] } },
  { type: 'aws_instance', after: { instance_type: 't3.medium', tenancy: 'default', root_block_device: [{ volume_type: 'gp2', volume_size: 20 }], ebs_block_device: [] } },
  { type: 'aws_ebs_volume', after: { type: 'gp3', size: 100, iops: 3000, throughput: 125, availability_zone: 'us-east-1a' } },
  { type: 'aws_db_instance', after: { instance_class: 'db.m5.large', engine: 'postgres', allocated_storage: 100, storage_type: 'gp2', multi_az: false } },
  { type: 'aws_s3_bucket', after: { bucket: 'data' } },
  { type: 'aws_lb', after: { load_balancer_type: 'application', internal: false } },
  { type: 'aws_nat_gateway', after: { connectivity_type: 'public' } },
  { type: 'aws_lambda_function', after: { memory_size: 512, architectures: ['x86_64'], runtime: 'nodejs20.x' } },
  { type: 'azurerm_linux_virtual_machine', after: { size: 'Standard_D2s_v5', location: 'eastus', os_disk: [{ storage_account_type: 'Premium_LRS', disk_size_gb: 64, caching: 'ReadWrite' }] } },
  { type: 'azurerm_managed_disk', after: { storage_account_type: 'Premium_LRS', disk_size_gb: 128, create_option: 'Empty', location: 'eastus' } },
  { type: 'azurerm_public_ip', after: { sku: 'Standard', allocation_method: 'Static', location: 'westeurope' } },
  { type: 'azurerm_storage_account', after: { account_tier: 'Standard', account_replication_type: 'LRS', account_kind: 'StorageV2', access_tier: 'Hot', location: 'westeurope' } },
  { type: 'google_compute_instance', after: { machine_type: 'n2-standard-2', zone: 'us-central1-a', boot_disk: [{ initialize_params: [{ size: 20, type: 'pd-balanced' }] }], scheduling: [{ preemptible: false, provisioning_model: 'STANDARD' }] } },
  { type: 'google_compute_disk', after: { type: 'pd-ssd', size: 100, zone: 'us-central1-a' } },
  { type: 'google_storage_bucket', after: { location: 'US', storage_class: 'STANDARD' } },
  { type: 'google_compute_address', after: { address_type: 'EXTERNAL', region: 'us-central1' } },
  { type: 'aws_security_group', after: { name: 'sg' } },
  { type: 'azurerm_resource_group', after: { location: 'eastus' } },
  { type: 'google_compute_network', after: { auto_create_subnetworks: false } },
];

/** How many resource templates the synthetic plan cycles through. */
export const SYNTHETIC_TEMPLATES = TEMPLATES.length;

export function syntheticPlan(count: number): object {
  const resourceChanges = Array.from({ length: count }, (_v, i) => {
    const template = TEMPLATES[i % TEMPLATES.length] ?? TEMPLATES[0];
    const name = `r${i}`;
    const module = `module.m${Math.floor(i / 100)}`;
    return {
      address: `${module}.${template.type}.${name}`,
      module_address: module,
      mode: 'managed',
      type: template.type,
      name,
      provider_name: `registry.terraform.io/hashicorp/${template.type.split('_')[0]}`,
      change: { actions: ['create'], before: null, after: { ...template.after, tags: { team: `t${i % 7}` } }, after_unknown: { id: true, arn: true } },
    };
  });
  return {
    format_version: '1.2',
    terraform_version: '1.9.5',
    configuration: {
      provider_config: {
        aws: { name: 'aws', expressions: { region: { constant_value: 'us-east-1' } } },
        google: { name: 'google', expressions: { region: { constant_value: 'us-central1' } } },
      },
      root_module: {},
    },
    resource_changes: resourceChanges,
  };
}
