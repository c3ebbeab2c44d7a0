import { Prng } from '../prng';
import { generateIdentity, worldAccounts } from './provider-ids';
import { behaviourOf } from './resource-behaviour';

const accounts = worldAccounts(Prng.keyed('ids', 'accounts'));

function identity(type: string, region: string | null, attributes: Record<string, unknown> = {}, ordinal = 1) {
  const address = `${type}.main`;
  return generateIdentity(
    { behaviour: behaviourOf(type), address, stack: 'shop', environment: 'prod', region, attributes },
    accounts,
    Prng.keyed('ids', 'identity', 'shop', 'prod', address, ordinal),
  );
}

describe('generated provider ids', () => {
  it('derives the accounts of a world from its seed', () => {
    expect(accounts.awsAccountId).toMatch(/^\d{12}$/);
    expect(accounts.azureSubscriptionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(accounts.gcpProject).toMatch(/^cw-sim-[a-z0-9]{6}$/);
    expect(accounts.billingAccounts.gcp).toMatch(/^[0-9A-F]{6}-[0-9A-F]{6}-[0-9A-F]{6}$/);
    expect(worldAccounts(Prng.keyed('ids', 'accounts'))).toEqual(accounts);
    expect(worldAccounts(Prng.keyed('other', 'accounts')).awsAccountId).not.toBe(accounts.awsAccountId);
  });

  it('shapes AWS ids: ARNs with the account, EC2-style ids, endpoints', () => {
    expect(identity('aws_vpc', 'eu-west-1').providerId).toMatch(new RegExp(`^arn:aws:ec2:eu-west-1:${accounts.awsAccountId}:vpc/vpc-[0-9a-f]{17}$`));
    expect(identity('aws_s3_bucket', 'us-east-1', { bucket: 'logs' }).providerId).toBe('arn:aws:s3:::logs');
    const db = identity('aws_db_instance', 'us-east-2', { identifier: 'orders', engine: 'mysql' });
    expect(db.providerId).toBe(`arn:aws:rds:us-east-2:${accounts.awsAccountId}:db:orders`);
    expect(db.attributes.endpoint).toMatch(/^orders\.[a-z0-9]{12}\.us-east-2\.rds\.amazonaws\.com:3306$/);
    expect(identity('aws_eks_cluster', 'us-west-2', { name: 'k' }).attributes.endpoint).toMatch(/^https:\/\/[0-9A-F]{32}\.gr7\.us-west-2\.eks\.amazonaws\.com$/);
  });

  it('shapes Azure resource ids under the subscription and resource group', () => {
    const aks = identity('azurerm_kubernetes_cluster', 'westeurope', { name: 'aks', resource_group_name: 'rg-app', dns_prefix: 'app' });
    expect(aks.providerId).toBe(`/subscriptions/${accounts.azureSubscriptionId}/resourceGroups/rg-app/providers/Microsoft.ContainerService/managedClusters/aks`);
    expect(aks.attributes.fqdn).toMatch(/^app-[0-9a-f]{8}\.hcp\.westeurope\.azmk8s\.io$/);
    expect(identity('azurerm_resource_group', 'eastus', { name: 'rg-x' }).providerId).toBe(`/subscriptions/${accounts.azureSubscriptionId}/resourceGroups/rg-x`);
    expect(identity('azurerm_virtual_network', 'eastus', { name: 'vnet' }).providerId).toContain('/resourceGroups/rg-shop-prod/providers/Microsoft.Network/virtualNetworks/vnet');
  });

  it('shapes GCP self links and resource names in the project', () => {
    expect(identity('google_compute_subnetwork', 'europe-west1', { name: 'sub' }).providerId).toBe(
      `https://www.googleapis.com/compute/v1/projects/${accounts.gcpProject}/regions/europe-west1/subnetworks/sub`,
    );
    expect(identity('google_compute_network', null, { name: 'net' }).providerId).toBe(`https://www.googleapis.com/compute/v1/projects/${accounts.gcpProject}/global/networks/net`);
    expect(identity('google_sql_database_instance', 'us-central1', { name: 'db' }).attributes.connection_name).toBe(`${accounts.gcpProject}:us-central1:db`);
  });

  it('names an unnamed resource after its address with a seeded suffix: same call, same id; next create, another', () => {
    const first = identity('aws_iam_role', null);
    expect(first.providerId).toMatch(/:role\/main-[a-z0-9]{6}$/);
    expect(identity('aws_iam_role', null).providerId).toBe(first.providerId);
    expect(identity('aws_iam_role', null, {}, 2).providerId).not.toBe(first.providerId);
  });
});
