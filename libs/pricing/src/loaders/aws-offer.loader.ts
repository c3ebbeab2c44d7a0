import { type Decimal } from '../money';
import {
  EntryCollector,
  type LoadedTerm,
  type PriceListLoadResult,
  type PriceListRule,
  type SourceTier,
  dateAt,
  decimalAt,
  findRule,
  objectAt,
  prop,
  stringAt,
  stringAttributes,
} from './price-list';

/** Result of loading an AWS offer file; `unmatched` counts products no rule asked for (not listed one by one). */
export interface AwsOfferLoadResult extends PriceListLoadResult {
  readonly unmatched: number;
}

/** Reserved terms that become catalog commitment prices: standard class, no upfront (an hourly rate only). */
const COMMITMENT_BY_LEASE: Readonly<Record<string, LoadedTerm>> = { '1yr': 'commit1y', '3yr': 'commit3y' };

/**
 * Loads an AWS Price List Bulk API offer file (`formatVersion`, `offerCode`, `publicationDate`, `products`, `terms`).
 * Rule attributes: the product's `attributes` plus `productFamily` and `sku`. Region: the `regionCode` attribute.
 * On-demand dimensions become the on-demand price (tiers from beginRange/endRange); Reserved terms with
 * LeaseContractLength 1yr/3yr, PurchaseOption "No Upfront" and OfferingClass "standard" become commit1y/commit3y.
 * The bulk API has no spot prices. `asOf` is the publication date.
 */
export function loadAwsOffer(document: unknown, rules: readonly PriceListRule[]): AwsOfferLoadResult {
  const doc = objectAt(document, '$');
  const offerCode = stringAt(doc.offerCode, '$.offerCode');
  const asOf = dateAt(doc.publicationDate, '$.publicationDate');
  const source = `AWS Price List Bulk API, ${offerCode} offer, publicationDate ${String(doc.publicationDate)}`;
  const products = objectAt(doc.products, '$.products');
  const terms = objectAt(doc.terms, '$.terms');
  const onDemandTerms = terms.OnDemand === undefined ? {} : objectAt(terms.OnDemand, '$.terms.OnDemand');
  const reservedTerms = terms.Reserved === undefined ? {} : objectAt(terms.Reserved, '$.terms.Reserved');
  const collector = new EntryCollector();
  let unmatched = 0;

  for (const [productSku, value] of Object.entries(products)) {
    const path = prop('$.products', productSku);
    const product = objectAt(value, path);
    const attributes: Record<string, string> = {
      ...stringAttributes(objectAt(product.attributes ?? {}, `${path}.attributes`)),
      productFamily: typeof product.productFamily === 'string' ? product.productFamily : '',
      sku: productSku,
    };
    const rule = findRule(rules, attributes);
    if (!rule) {
      unmatched++;
      continue;
    }
    const sku = rule.sku(attributes);
    if (sku === null) {
      collector.skip(path, 'the matching rule gives no catalog key for it');
      continue;
    }
    const region = attributes.regionCode;
    if (!region) {
      collector.skip(path, `${sku}: product has no regionCode attribute`);
      continue;
    }
    const add = (term: LoadedTerm, termPath: string, tiers: SourceTier[], description: string) =>
      collector.add({ path: termPath, rule, sku, region, term, tiers, description: rule.description?.(attributes) ?? description, asOf, source });

    const offers = onDemandTerms[productSku] === undefined ? {} : objectAt(onDemandTerms[productSku], prop('$.terms.OnDemand', productSku));
    for (const [offerTermCode, offer] of Object.entries(offers)) {
      const offerPath = prop(prop('$.terms.OnDemand', productSku), offerTermCode);
      const dims = readDimensions(offer, offerPath);
      const wrongUnit = dims.find((d) => d.unit !== rule.sourceUnit);
      if (wrongUnit) collector.skip(offerPath, `${sku} ${region}: on-demand price is per ${JSON.stringify(wrongUnit.unit)}, the rule expects ${JSON.stringify(rule.sourceUnit)}`);
      else add('onDemand', offerPath, dims.map((d) => ({ from: d.from, price: d.price })), dims[0]?.description ?? sku);
    }

    if (onDemandTerms[productSku] === undefined && reservedTerms[productSku] === undefined) {
      collector.skip(path, `${sku} ${region}: no OnDemand or Reserved terms for this product`);
      continue;
    }
    const reserved = reservedTerms[productSku] === undefined ? {} : objectAt(reservedTerms[productSku], prop('$.terms.Reserved', productSku));
    for (const [offerTermCode, offer] of Object.entries(reserved)) {
      const offerPath = prop(prop('$.terms.Reserved', productSku), offerTermCode);
      const attrs = stringAttributes(objectAt(objectAt(offer, offerPath).termAttributes, `${offerPath}.termAttributes`));
      const term = COMMITMENT_BY_LEASE[attrs.LeaseContractLength ?? ''];
      // partial/all upfront and convertible offers are alternatives to the one the catalog keeps, not errors
      if (!term || attrs.PurchaseOption !== 'No Upfront' || attrs.OfferingClass !== 'standard') continue;
      const dims = readDimensions(offer, offerPath).filter((d) => !(d.unit === 'Quantity' && d.price.isZero()));
      const wrongUnit = dims.find((d) => d.unit !== rule.sourceUnit);
      if (wrongUnit) collector.skip(offerPath, `${sku} ${region}: ${term} price is per ${JSON.stringify(wrongUnit.unit)}, the rule expects ${JSON.stringify(rule.sourceUnit)}`);
      else add(term, offerPath, dims.map((d) => ({ from: d.from, price: d.price })), dims[0]?.description ?? sku);
    }
  }
  return { ...collector.result(), unmatched };
}

interface Dimension {
  unit: string;
  from: Decimal;
  price: Decimal;
  description: string;
}

function readDimensions(offer: unknown, offerPath: string): Dimension[] {
  const dimensions = objectAt(objectAt(offer, offerPath).priceDimensions, `${offerPath}.priceDimensions`);
  return Object.entries(dimensions).map(([rateCode, value]) => {
    const path = prop(`${offerPath}.priceDimensions`, rateCode);
    const dimension = objectAt(value, path);
    const pricePerUnit = objectAt(dimension.pricePerUnit, `${path}.pricePerUnit`);
    return {
      unit: stringAt(dimension.unit, `${path}.unit`),
      // offer files write beginRange; AWS's format description calls it startingRange
      from: rangeStart(dimension, path),
      price: decimalAt(pricePerUnit.USD, `${path}.pricePerUnit.USD`),
      description: typeof dimension.description === 'string' ? dimension.description : '',
    };
  });
}

function rangeStart(dimension: Record<string, unknown>, path: string): Decimal {
  if (dimension.beginRange !== undefined) return decimalAt(dimension.beginRange, `${path}.beginRange`);
  if (dimension.startingRange !== undefined) return decimalAt(dimension.startingRange, `${path}.startingRange`);
  return decimalAt('0', path);
}
