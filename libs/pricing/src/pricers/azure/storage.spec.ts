import { azureStorageAccount } from './storage';
import { azurePlan, estimate, lines, monthly, reasonOf } from './__tests__/azure-plan';

const account = (replication: string, access: string, extra: Record<string, unknown> = {}) => ({
  account_kind: 'StorageV2',
  account_tier: 'Standard',
  account_replication_type: replication,
  access_tier: access,
  ...extra,
});

describe(azureStorageAccount.types[0], () => {
  it('prices tiered Hot capacity and operations from the usage file', () => {
    const e = estimate(
      azurePlan({ address: 'azurerm_storage_account.data', after: account('LRS', 'Hot'), location: 'westus' }),
      'version: 0.1\nresource_usage:\n  azurerm_storage_account.data:\n    storage_gb: 60000\n    monthly_write_operations: 1000000\n    monthly_read_operations: 10000000\n',
    );
    // westus Hot LRS: 51,200 GB × $0.0208 = $1,064.96; 8,800 GB × $0.019968 = $175.7184
    // writes 100 × 10K × $0.055 = $5.50; reads 1,000 × 10K × $0.0044 = $4.40
    expect(lines(e, 'azurerm_storage_account.data')).toEqual([
      ['Capacity (Hot, LRS) (first 51,200 GB)', '1064.96'],
      ['Capacity (Hot, LRS) (next 460,800 GB)', '175.7184'],
      ['Write operations', '5.5'],
      ['List and create container operations', '0'],
      ['Read operations', '4.4'],
      ['All other operations', '0'],
    ]);
    expect(monthly(e, 'azurerm_storage_account.data')).toBe('1250.5784');
  });

  it('prices Cool capacity and retrieval, and lists usage lines at zero without a usage file', () => {
    const e = estimate(
      azurePlan(
        { address: 'azurerm_storage_account.cool', after: account('GRS', 'Cool'), location: 'westus' },
        { address: 'azurerm_storage_account.empty', after: account('LRS', 'Hot') },
      ),
      'version: 0.1\nresource_usage:\n  azurerm_storage_account.cool:\n    storage_gb: 1000\n    monthly_data_retrieval_gb: 100\n',
    );
    // 1,000 GB × $0.0334 = $33.40; 100 GB × $0.01 = $1
    expect(monthly(e, 'azurerm_storage_account.cool')).toBe('34.4');
    expect(lines(e, 'azurerm_storage_account.empty')[0]).toEqual(['Capacity (Hot, LRS) (first 51,200 GB)', '0']);
  });

  it('reports file shares, Premium accounts and missing regional prices as unsupported', () => {
    const e = estimate(
      azurePlan(
        { address: 'azurerm_storage_account.files', after: account('LRS', 'Hot', { account_kind: 'FileStorage' }) },
        { address: 'azurerm_storage_account.premium', after: account('LRS', 'Hot', { account_tier: 'Premium', account_kind: 'BlockBlobStorage' }) },
        { address: 'azurerm_storage_account.gzrs', after: account('GZRS', 'Hot') },
      ),
    );
    expect(reasonOf(e, 'azurerm_storage_account.files')).toBe('storage account kind FileStorage is not priced yet (block blob accounts are)');
    expect(reasonOf(e, 'azurerm_storage_account.premium')).toBe('Premium BlockBlobStorage storage accounts are not priced yet');
    expect(reasonOf(e, 'azurerm_storage_account.gzrs')).toBe('no list price for Hot GZRS block blob storage in eastus');
  });
});
