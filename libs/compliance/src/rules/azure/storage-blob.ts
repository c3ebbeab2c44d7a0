import type { ResourceRule } from '../../model';
import { attrEquals, companion, onlyIf, type ResourceCheck } from '../common/checks';
import { attrBool, azureRule, blockPresent, eqi, stringAttr } from './helpers';

const SA = 'azurerm_storage_account';
const SA_DOC = 'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_account';

/** Blob features do not concern FileStorage accounts (Azure Files only). Absent account_kind = StorageV2. */
function blobAccount(check: ResourceCheck): ResourceCheck {
  return onlyIf(
    (ctx) => {
      const kind = stringAttr(ctx.values, 'account_kind');
      if (kind.state === 'unknown') return 'unknown';
      return !eqi(kind.value, 'FileStorage');
    },
    'FileStorage accounts hold no blobs',
    check,
  );
}

export const AZURE_STORAGE_BLOB_RULES: readonly ResourceRule[] = [
  azureRule({
    id: 'CW-AZ-0009',
    title: 'Storage accounts keep deleted blobs (blob soft delete)',
    description: 'Blob soft delete keeps deleted and overwritten blobs for a retention period, so an accidental or malicious delete can be undone.',
    category: 'backup-recovery',
    severity: 'medium',
    resourceTypes: [SA],
    controls: ['bkp.soft-delete'],
    check: blobAccount(blockPresent('blob_properties.0.delete_retention_policy', 'blob_properties { delete_retention_policy { days = N } }')),
    remediation: {
      text: 'Add blob_properties { delete_retention_policy { days = 7 } } (1–365 days).',
      terraform: 'blob_properties {\n  delete_retention_policy {\n    days = 14\n  }\n}',
      bicep:
        "resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-01-01' = {\n  parent: storageAccount\n  name: 'default'\n  properties: {\n    deleteRetentionPolicy: { enabled: true, days: 14 }\n  }\n}",
      effort: 'low',
    },
    references: [SA_DOC, 'https://learn.microsoft.com/azure/storage/blobs/soft-delete-blob-overview'],
    differs: 'Not applicable to FileStorage accounts. An absent block fails: the Azure Resource Manager default for accounts created through the API is soft delete off.',
    fixtures: {
      pass: [{ values: { account_kind: 'StorageV2', blob_properties: [{ delete_retention_policy: [{ days: 7 }] }] } }],
      fail: [{ values: { account_kind: 'StorageV2', blob_properties: [{ delete_retention_policy: [] }] } }, { values: {}, note: 'no blob_properties' }],
      unknown: [{ values: {}, unknown: { blob_properties: true } }],
      notApplicable: [{ values: { account_kind: 'FileStorage' } }],
    },
  }),
  azureRule({
    id: 'CW-AZ-0010',
    title: 'Storage accounts keep deleted containers (container soft delete)',
    description: 'Container soft delete restores a whole container deleted by mistake; blob soft delete alone does not cover container deletion.',
    category: 'backup-recovery',
    severity: 'low',
    resourceTypes: [SA],
    controls: ['bkp.soft-delete'],
    check: blobAccount(blockPresent('blob_properties.0.container_delete_retention_policy', 'blob_properties { container_delete_retention_policy { days = N } }')),
    remediation: {
      text: 'Add blob_properties { container_delete_retention_policy { days = 7 } }.',
      terraform: 'blob_properties {\n  container_delete_retention_policy {\n    days = 14\n  }\n}',
      bicep:
        "resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-01-01' = {\n  parent: storageAccount\n  name: 'default'\n  properties: {\n    containerDeleteRetentionPolicy: { enabled: true, days: 14 }\n  }\n}",
      effort: 'low',
    },
    references: [SA_DOC, 'https://learn.microsoft.com/azure/storage/blobs/soft-delete-container-overview'],
    fixtures: {
      pass: [{ values: { blob_properties: [{ container_delete_retention_policy: [{ days: 7 }] }] } }],
      fail: [{ values: { blob_properties: [{ delete_retention_policy: [{ days: 7 }] }] } }, { values: {} }],
      unknown: [{ values: { blob_properties: [{}] }, unknown: { blob_properties: [{ container_delete_retention_policy: true }] } }],
      notApplicable: [{ values: { account_kind: 'FileStorage' } }],
    },
  }),
  azureRule({
    id: 'CW-AZ-0011',
    title: 'Storage accounts version blobs',
    description: 'Blob versioning keeps previous versions of every blob, so overwritten or corrupted data (e.g. by ransomware) can be restored.',
    category: 'backup-recovery',
    severity: 'low',
    resourceTypes: [SA],
    controls: ['bkp.versioning'],
    check: blobAccount(attrBool('blob_properties.0.versioning_enabled', true, { default: false })),
    remediation: {
      text: 'Set blob_properties { versioning_enabled = true } and add a lifecycle rule that deletes old versions.',
      terraform: 'blob_properties {\n  versioning_enabled = true\n}',
      bicep:
        "resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-01-01' = {\n  parent: storageAccount\n  name: 'default'\n  properties: {\n    isVersioningEnabled: true\n  }\n}",
      effort: 'low',
    },
    references: [SA_DOC, 'https://learn.microsoft.com/azure/storage/blobs/versioning-overview'],
    differs: 'Absent means the provider default false. Not applicable to FileStorage accounts.',
    fixtures: {
      pass: [{ values: { blob_properties: [{ versioning_enabled: true }] } }],
      fail: [{ values: { blob_properties: [{ versioning_enabled: false }] } }, { values: {}, note: 'absent: default false' }],
      unknown: [{ values: { blob_properties: [{}] }, unknown: { blob_properties: [{ versioning_enabled: true }] } }],
      notApplicable: [{ values: { account_kind: 'FileStorage' } }],
    },
  }),
  azureRule({
    id: 'CW-AZ-0012',
    title: 'Storage accounts have a lifecycle management policy',
    description: 'Without lifecycle rules, old blobs, versions and snapshots stay in the hot tier forever; tiering and expiry rules cut storage cost.',
    category: 'cost',
    severity: 'low',
    resourceTypes: [SA],
    controls: ['cost.lifecycle'],
    check: blobAccount(companion('azurerm_storage_management_policy', null, 'no azurerm_storage_management_policy for this account')),
    remediation: {
      text: 'Add an azurerm_storage_management_policy for the account that tiers and expires blobs, versions and snapshots.',
      terraform:
        'resource "azurerm_storage_management_policy" "this" {\n  storage_account_id = azurerm_storage_account.this.id\n  rule {\n    name    = "tier-and-expire"\n    enabled = true\n    filters {\n      blob_types = ["blockBlob"]\n    }\n    actions {\n      base_blob {\n        tier_to_cool_after_days_since_modification_greater_than = 30\n        delete_after_days_since_modification_greater_than       = 365\n      }\n    }\n  }\n}',
      bicep:
        "resource policy 'Microsoft.Storage/storageAccounts/managementPolicies@2023-01-01' = {\n  parent: storageAccount\n  name: 'default'\n  properties: {\n    policy: {\n      rules: [ {\n        name: 'tier-and-expire'\n        enabled: true\n        type: 'Lifecycle'\n        definition: {\n          filters: { blobTypes: [ 'blockBlob' ] }\n          actions: { baseBlob: { tierToCool: { daysAfterModificationGreaterThan: 30 }, delete: { daysAfterModificationGreaterThan: 365 } } }\n        }\n      } ]\n    }\n  }\n}",
      effort: 'low',
    },
    references: ['https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_management_policy', 'https://learn.microsoft.com/azure/storage/blobs/lifecycle-management-overview'],
    fixtures: {
      pass: [{ values: {}, related: [{ type: 'azurerm_storage_management_policy', values: { rule: [{ name: 'r', enabled: true }] } }] }],
      fail: [{ values: {} }, { values: {}, related: [{ type: 'azurerm_storage_management_policy', values: {}, refersToSubject: false }], note: 'a policy of another account' }],
      notApplicable: [{ values: { account_kind: 'FileStorage' } }],
    },
  }),
  azureRule({
    id: 'CW-AZ-0013',
    title: 'Blob containers are private',
    description: 'A container with access type "blob" or "container" serves its blobs (and, for "container", the listing) to anyone on the internet without authentication.',
    category: 'public-access',
    severity: 'high',
    resourceTypes: ['azurerm_storage_container'],
    controls: ['pub.object-storage'],
    check: attrEquals('container_access_type', 'private', { default: 'private' }),
    remediation: {
      text: 'Set container_access_type = "private" and serve public content through a CDN or SAS tokens.',
      terraform: 'container_access_type = "private"',
      bicep:
        "resource container 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-01-01' = {\n  parent: blobService\n  name: 'data'\n  properties: {\n    publicAccess: 'None'\n  }\n}",
      effort: 'low',
    },
    references: ['https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_container', 'https://learn.microsoft.com/azure/storage/blobs/anonymous-read-access-configure'],
    peers: { checkov: ['CKV_AZURE_34'] },
    differs: 'Absent means the provider default "private".',
    fixtures: {
      pass: [{ values: { name: 'data', container_access_type: 'private' } }, { values: { name: 'data' }, note: 'absent: default private' }],
      fail: [{ values: { name: 'web', container_access_type: 'blob' } }, { values: { name: 'web', container_access_type: 'container' } }],
      unknown: [{ values: { name: 'data' }, unknown: { container_access_type: true } }],
    },
  }),
];
