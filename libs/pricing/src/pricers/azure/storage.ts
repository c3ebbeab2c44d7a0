import { UnsupportedResource, type ComponentDraft, type ResourcePricer } from '../../engine/pricer';
import { usageLine } from '../helpers';

const REPLICATIONS = ['LRS', 'ZRS', 'GRS', 'RAGRS', 'GZRS', 'RAGZRS'] as const;

/**
 * `azurerm_storage_account` (StorageV2 / BlobStorage / BlockBlobStorage, Standard tier): block blob capacity by access
 * tier and redundancy (tiered), operations per 10K and Cool retrieval per GB, all from the usage file.
 */
export const azureStorageAccount: ResourcePricer = {
  cloud: 'azure',
  types: ['azurerm_storage_account'],
  usage: [
    { key: 'storage_gb', unit: 'GB', description: 'Data stored (block blobs) per month' },
    { key: 'monthly_write_operations', unit: 'operations', description: 'Write operations per month' },
    { key: 'monthly_list_and_create_container_operations', unit: 'operations', description: 'List and create container operations per month' },
    { key: 'monthly_read_operations', unit: 'operations', description: 'Read operations per month' },
    { key: 'monthly_other_operations', unit: 'operations', description: 'All other operations per month' },
    { key: 'monthly_data_retrieval_gb', unit: 'GB', description: 'Data retrieved from the Cool tier per month' },
  ],
  price(ctx) {
    const kind = ctx.assume<string>('account_kind', 'StorageV2', 'account_kind defaults to StorageV2 (azurerm provider docs)');
    const tier = ctx.assume<string>('account_tier', 'Standard', 'account_tier is required by the azurerm provider; assumed Standard');
    const replication = ctx.assume<string>('account_replication_type', 'LRS', 'account_replication_type is required by the azurerm provider; assumed LRS');
    const access = ctx.assume<string>('access_tier', 'Hot', 'access_tier defaults to Hot (azurerm provider docs)');
    if (kind === 'FileStorage' || kind === 'Storage') throw new UnsupportedResource(`storage account kind ${kind} is not priced yet (block blob accounts are)`);
    if (tier !== 'Standard') throw new UnsupportedResource(`Premium ${kind} storage accounts are not priced yet`);
    if (!(REPLICATIONS as readonly string[]).includes(replication)) throw new UnsupportedResource(`unknown account_replication_type ${replication}`);
    if (access !== 'Hot' && access !== 'Cool') throw new UnsupportedResource(`access_tier ${access} is not priced yet (Hot and Cool are)`);
    const prefix = `storage:blob:${access.toLowerCase()}:${replication.toLowerCase()}`;
    if (!ctx.hasPrice(`${prefix}:capacity`)) throw new UnsupportedResource(`no list price for ${access} ${replication} block blob storage in ${ctx.region}`);
    const perTenK = 1 / 10000;
    const lines: ComponentDraft[] = [
      usageLine(ctx, 'storage_gb', { name: `Capacity (${access}, ${replication})`, unit: 'GB', sku: `${prefix}:capacity` }),
      usageLine(ctx, 'monthly_write_operations', { name: 'Write operations', unit: '10K operations', sku: `${prefix}:write` }, perTenK),
      usageLine(ctx, 'monthly_list_and_create_container_operations', { name: 'List and create container operations', unit: '10K operations', sku: `${prefix}:list` }, perTenK),
      usageLine(ctx, 'monthly_read_operations', { name: 'Read operations', unit: '10K operations', sku: `${prefix}:read` }, perTenK),
      usageLine(ctx, 'monthly_other_operations', { name: 'All other operations', unit: '10K operations', sku: `${prefix}:other` }, perTenK),
    ];
    if (access === 'Cool') lines.push(usageLine(ctx, 'monthly_data_retrieval_gb', { name: 'Data retrieval', unit: 'GB', sku: `${prefix}:retrieval` }));
    return lines;
  },
};

export const AZURE_STORAGE_PRICERS: readonly ResourcePricer[] = [azureStorageAccount];
