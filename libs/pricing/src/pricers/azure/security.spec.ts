import { azureKeyVault } from './security';
import { azurePlan, estimate, lines, monthly, priced, reasonOf } from './__tests__/azure-plan';

const vault = (sku: string) => ({ sku_name: sku, tenant_id: '00000000-0000-0000-0000-000000000000' });

describe(azureKeyVault.types[0], () => {
  it('prices standard vault operations and key rotations from usage', () => {
    const e = estimate(
      azurePlan({ address: 'azurerm_key_vault.std', after: vault('standard') }),
      'version: 0.1\nresource_usage:\n  azurerm_key_vault.std:\n    monthly_secrets_operations: 70000\n    monthly_advanced_key_operations: 7000000\n    monthly_storage_key_rotations: 70\n',
    );
    // eastus: 7 × 10K × $0.03 = $0.21; 700 × 10K × $0.15 = $105; 70 rotations × $1 = $70
    expect(lines(e, 'azurerm_key_vault.std')).toEqual([
      ['Secrets and key operations', '0.21'],
      ['Advanced key operations', '105'],
      ['Storage key rotations', '70'],
    ]);
  });

  it('prices a standard vault in westeurope', () => {
    const e = estimate(
      azurePlan({ address: 'azurerm_key_vault.we', after: vault('standard'), location: 'westeurope' }),
      'version: 0.1\nresource_usage:\n  azurerm_key_vault.we:\n    monthly_secrets_operations: 1000000\n    monthly_advanced_key_operations: 20000\n    monthly_storage_key_rotations: 3\n',
    );
    // westeurope (Retail Prices API 'Key Vault' Standard meters): 100 × 10K × $0.03 = $3; 2 × 10K × $0.15 = $0.30; 3 renewals × $1 = $3
    expect(lines(e, 'azurerm_key_vault.we')).toEqual([
      ['Secrets and key operations', '3'],
      ['Advanced key operations', '0.3'],
      ['Storage key rotations', '3'],
    ]);
    expect(monthly(e, 'azurerm_key_vault.we')).toBe('6.3');
  });

  it('prices premium HSM-protected keys (tiered for advanced keys) and their operations', () => {
    const e = estimate(
      azurePlan({ address: 'azurerm_key_vault.hsm', after: vault('premium') }),
      'version: 0.1\nresource_usage:\n  azurerm_key_vault.hsm:\n    hsm_protected_keys: 5000\n    hsm_protected_advanced_keys: 5000\n    monthly_hsm_key_operations: 4000000\n',
    );
    // 5,000 RSA 2048 keys × $1 = $5,000; advanced: 250 × $5 + 1,250 × $2.50 + 2,500 × $0.90 + 1,000 × $0.40 = $7,025;
    // 400 × 10K operations × $0.15 = $60
    expect(lines(e, 'azurerm_key_vault.hsm').slice(3)).toEqual([
      ['HSM-protected keys (RSA 2048)', '5000'],
      ['HSM-protected keys (RSA 3072/4096, EC) (first 250 months)', '1250'],
      ['HSM-protected keys (RSA 3072/4096, EC) (next 1,250 months)', '3125'],
      ['HSM-protected keys (RSA 3072/4096, EC) (next 2,500 months)', '2250'],
      ['HSM-protected keys (RSA 3072/4096, EC) (over 4,000 months)', '400'],
      ['HSM-protected key operations', '60'],
    ]);
    expect(monthly(e, 'azurerm_key_vault.hsm')).toBe('12085');
  });

  it('lists usage lines at zero, assumes an unknown sku and reports regions without a price', () => {
    const e = estimate(
      azurePlan(
        { address: 'azurerm_key_vault.unknown', after: { tenant_id: 'x' }, unknown: { sku_name: true } },
        { address: 'azurerm_key_vault.west', after: vault('standard'), location: 'westus' },
        { address: 'azurerm_key_vault.old', actions: ['delete'], before: vault('premium'), after: null },
      ),
    );
    expect(lines(e, 'azurerm_key_vault.unknown')).toEqual([
      ['Secrets and key operations', '0'],
      ['Advanced key operations', '0'],
      ['Storage key rotations', '0'],
    ]);
    expect(priced(e, 'azurerm_key_vault.unknown').assumptions).toContainEqual(expect.objectContaining({ attribute: 'sku_name', assumed: 'standard', cause: 'unknown at plan time' }));
    expect(reasonOf(e, 'azurerm_key_vault.west')).toBe('no list price for Key Vault in westus');
    expect(priced(e, 'azurerm_key_vault.old').diffMonthlyCost.toDecimalString()).toBe('0');
  });
});
