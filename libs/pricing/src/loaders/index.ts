export { type AwsOfferLoadResult, loadAwsOffer } from './aws-offer.loader';
export { type AzureRetailLoadResult, loadAzureRetailPrices } from './azure-retail.loader';
export { type GcpCatalogLoadResult, loadGcpSkus } from './gcp-billing-catalog.loader';
export {
  type CatalogChangeSummary,
  type CatalogMergeOptions,
  type CatalogMergeResult,
  type PriceChange,
  formatCatalogChanges,
  mergeCatalogFile,
} from './catalog-merge';
export { type CatalogRefresh, type PriceListSource, type RefreshedFile, type RefreshedSource, formatRefresh, refreshCatalog, writeRefresh } from './catalog-refresh';
export { AWS_DEFAULT_RULES, AZURE_DEFAULT_RULES, GCP_DEFAULT_RULES } from './default-rules';
export {
  type AttributeMatch,
  type LoadedPrice,
  type PriceListLoadResult,
  type PriceListRule,
  type SkippedPrice,
  PriceListError,
  matchesRule,
} from './price-list';
