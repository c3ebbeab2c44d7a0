import type { ComponentDraft, ResourcePricer } from '../../engine/pricer';
import { UnsupportedResource } from '../../engine/pricer';
import { usageLine } from '../helpers';

const CLASSES: Readonly<Record<string, string>> = {
  STANDARD: 'standard',
  MULTI_REGIONAL: 'standard',
  REGIONAL: 'standard',
  NEARLINE: 'nearline',
  COLDLINE: 'coldline',
  ARCHIVE: 'archive',
};

/** google_storage_bucket: GB stored by storage class and location, Class A/B operations and retrieval from usage. */
export const gcpStorageBucket: ResourcePricer = {
  cloud: 'gcp',
  types: ['google_storage_bucket'],
  usage: [
    { key: 'storage_gb', unit: 'GB', description: 'Average data stored per month' },
    { key: 'monthly_class_a_operations', unit: 'operations', description: 'Class A operations (object adds, bucket and object lists) per month' },
    { key: 'monthly_class_b_operations', unit: 'operations', description: 'Class B operations (object gets, metadata reads) per month' },
    { key: 'monthly_data_retrieval_gb', unit: 'GB', description: 'Data read from Nearline, Coldline or Archive storage per month' },
  ],
  price(ctx) {
    const storageClass = ctx.assume('storage_class', 'STANDARD', 'provider default: storage_class = STANDARD').toUpperCase();
    const cls = CLASSES[storageClass];
    if (!cls) throw new UnsupportedResource(`no list price for Cloud Storage class ${storageClass} in ${ctx.region}`);
    const sku = `gcs:storage:${cls}`;
    if (!ctx.hasPrice(sku)) throw new UnsupportedResource(`no list price for Cloud Storage ${cls} in location ${ctx.region}`);
    const lines: ComponentDraft[] = [
      usageLine(ctx, 'storage_gb', { name: `Storage (${cls})`, unit: 'GB', sku }),
      usageLine(ctx, 'monthly_class_a_operations', { name: 'Object adds, bucket/object lists (Class A)', unit: '10K requests', sku: `gcs:ops-a:${cls}` }, 1 / 10000),
      usageLine(ctx, 'monthly_class_b_operations', { name: 'Object gets, metadata reads (Class B)', unit: '10K requests', sku: `gcs:ops-b:${cls}` }, 1 / 10000),
    ];
    if (cls !== 'standard') lines.push(usageLine(ctx, 'monthly_data_retrieval_gb', { name: 'Data retrieval', unit: 'GB', sku: `gcs:retrieval:${cls}` }));
    return lines;
  },
};
