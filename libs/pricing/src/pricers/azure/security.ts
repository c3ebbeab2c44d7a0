import Decimal from 'decimal.js';
import { UnsupportedResource, type ComponentDraft, type ResourcePricer } from '../../engine/pricer';
import { usageLine } from '../helpers';

const PER_10K = new Decimal(1).div(10_000);

/**
 * `azurerm_key_vault` (sku_name standard/premium): operations per 10K, advanced key operations, storage key rotations,
 * and on premium HSM-protected keys per key-month (RSA 2048 flat, RSA 3072/4096 and EC tiered) and their operations;
 * all from the usage file, the vault itself has no fixed charge.
 */
export const azureKeyVault: ResourcePricer = {
  cloud: 'azure',
  types: ['azurerm_key_vault'],
  usage: [
    { key: 'monthly_secrets_operations', unit: 'operations', description: 'Secret and RSA 2048-bit software key operations per month' },
    { key: 'monthly_advanced_key_operations', unit: 'operations', description: 'RSA 3072/4096-bit and elliptic-curve software key operations per month' },
    { key: 'monthly_storage_key_rotations', unit: 'renewals', description: 'Managed storage account key rotations per month' },
    { key: 'hsm_protected_keys', unit: 'keys', description: 'Premium: HSM-protected RSA 2048-bit keys' },
    { key: 'hsm_protected_advanced_keys', unit: 'keys', description: 'Premium: HSM-protected RSA 3072/4096-bit and elliptic-curve keys' },
    { key: 'monthly_hsm_key_operations', unit: 'operations', description: 'Premium: HSM-protected key operations per month' },
  ],
  price(ctx) {
    const tier = ctx.assume<string>('sku_name', 'standard', 'sku_name is required by the azurerm provider; assumed standard');
    if (tier !== 'standard' && tier !== 'premium') throw new UnsupportedResource(`unknown Key Vault sku_name ${tier} (expected standard or premium)`);
    if (!ctx.hasPrice('keyvault:operations')) throw new UnsupportedResource(`no list price for Key Vault in ${ctx.region}`);
    const lines: ComponentDraft[] = [
      usageLine(ctx, 'monthly_secrets_operations', { name: 'Secrets and key operations', unit: '10K transactions', sku: 'keyvault:operations' }, PER_10K),
      usageLine(ctx, 'monthly_advanced_key_operations', { name: 'Advanced key operations', unit: '10K transactions', sku: 'keyvault:advanced-key-operations' }, PER_10K),
      usageLine(ctx, 'monthly_storage_key_rotations', { name: 'Storage key rotations', unit: 'renewals', sku: 'keyvault:storage-key-rotations' }),
    ];
    if (tier === 'premium') {
      lines.push(
        usageLine(ctx, 'hsm_protected_keys', { name: 'HSM-protected keys (RSA 2048)', unit: 'months', sku: 'keyvault:hsm-keys:rsa2048' }),
        usageLine(ctx, 'hsm_protected_advanced_keys', { name: 'HSM-protected keys (RSA 3072/4096, EC)', unit: 'months', sku: 'keyvault:hsm-keys:advanced' }),
        usageLine(ctx, 'monthly_hsm_key_operations', { name: 'HSM-protected key operations', unit: '10K transactions', sku: 'keyvault:hsm-key-operations' }, PER_10K),
      );
    }
    return lines;
  },
};

export const AZURE_SECURITY_PRICERS: readonly ResourcePricer[] = [azureKeyVault];
