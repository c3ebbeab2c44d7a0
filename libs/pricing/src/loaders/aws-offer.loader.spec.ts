import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadAwsOffer } from './aws-offer.loader';
import { AWS_DEFAULT_RULES } from './default-rules';
import { PriceListError } from './price-list';

const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(resolve(__dirname, '__fixtures__', name), 'utf8')) as Record<string, unknown>;

const EC2_SOURCE = 'AWS Price List Bulk API, AmazonEC2 offer, publicationDate 2025-03-14T19:22:41Z';

describe(loadAwsOffer.name, () => {
  describe('the EC2 offer fixture with the default rules', () => {
    const result = loadAwsOffer(fixture('aws-ec2-offer.json'), AWS_DEFAULT_RULES);

    it('merges on-demand and standard no-upfront 1y/3y reserved prices into one entry', () => {
      expect(result.entries.find((e) => e.sku === 'ec2:instance:t3.medium:linux')).toEqual({
        sku: 'ec2:instance:t3.medium:linux',
        region: 'us-east-1',
        unit: 'hours',
        description: 't3.medium Linux/UNIX, shared tenancy',
        onDemand: '0.0416',
        commit1y: '0.026',
        commit3y: '0.018',
        source: EC2_SOURCE,
        asOf: '2025-03-14',
      });
    });

    it('loads every matched product with its region and unit, sorted by sku and region', () => {
      expect(result.entries.map((e) => [e.sku, e.region, e.unit, e.onDemand, e.commit1y ?? '-', e.commit3y ?? '-'])).toEqual([
        ['ebs:gp3:storage', 'us-east-1', 'GB', '0.08', '-', '-'],
        ['ec2:instance:m5.large:linux', 'eu-west-1', 'hours', '0.107', '-', '-'],
        ['ec2:instance:t3.medium:linux', 'us-east-1', 'hours', '0.0416', '0.026', '0.018'],
        ['ec2:instance:t3.medium:windows', 'us-east-1', 'hours', '0.06', '-', '-'],
      ]);
      expect(result.entries.every((e) => e.source === EC2_SOURCE && e.asOf === '2025-03-14')).toBe(true);
    });

    it('reports what it skipped and why, by JSON path, and counts products no rule wanted', () => {
      expect(result.skipped).toEqual([
        { path: '$.products.XK6VBTEYFKFB5GDG', reason: 'ec2:instance:t3.small:linux: product has no regionCode attribute' },
        {
          path: '$.terms.OnDemand.QG5G45WKDWDDHTFV["QG5G45WKDWDDHTFV.JRTCKXETXF"]',
          reason: 'ec2:instance:t3.micro:linux us-east-1: on-demand price is per "Quantity", the rule expects "Hrs"',
        },
        {
          path: '$.terms.Reserved.ZA47RH8PF27SDZKP["ZA47RH8PF27SDZKP.4NA7Y494T4"]',
          reason: 'ec2:instance:c5.large:linux us-east-1: no on-demand price (only commit1y), so no catalog entry',
        },
      ]);
      expect(result.unmatched).toBe(1); // the dedicated-tenancy t3.medium
    });
  });

  it('keeps volume tiers from beginRange/endRange, in order, whatever the order of the dimensions', () => {
    const result = loadAwsOffer(fixture('aws-s3-offer.json'), AWS_DEFAULT_RULES);
    expect(result.entries).toEqual([
      {
        sku: 's3:standard:storage',
        region: 'us-east-1',
        unit: 'GB',
        description: 'S3 Standard storage per GB-month',
        onDemand: '0.023',
        tiers: [
          { upTo: '51200', price: '0.023' },
          { upTo: '512000', price: '0.022' },
          { upTo: null, price: '0.021' },
        ],
        source: 'AWS Price List Bulk API, AmazonS3 offer, publicationDate 2025-03-01T00:12:08Z',
        asOf: '2025-03-01',
      },
    ]);
    expect(result.unmatched).toBe(1);
  });

  it('scales per-unit prices into the catalog unit (per request → per 1M requests)', () => {
    const offer = {
      offerCode: 'AWSLambda',
      publicationDate: '2025-02-01T00:00:00Z',
      products: { R1: { sku: 'R1', productFamily: 'Serverless', attributes: { regionCode: 'us-east-1', group: 'AWS-Lambda-Requests' } } },
      terms: { OnDemand: { R1: { 'R1.T': { priceDimensions: { 'R1.T.D': { unit: 'Requests', beginRange: '0', endRange: 'Inf', pricePerUnit: { USD: '0.0000002000' } } } } } } },
    };
    expect(loadAwsOffer(offer, AWS_DEFAULT_RULES).entries).toMatchObject([{ sku: 'lambda:requests', unit: '1M requests', onDemand: '0.2' }]);
  });

  it('reports a matched product that has no terms at all', () => {
    const offer = fixture('aws-ec2-offer.json') as { terms: { OnDemand: Record<string, unknown> } };
    delete offer.terms.OnDemand['8VCNEHQMSCQS4P39'];
    expect(loadAwsOffer(offer, AWS_DEFAULT_RULES).skipped).toContainEqual({
      path: '$.products["8VCNEHQMSCQS4P39"]',
      reason: 'ec2:instance:t3.medium:windows us-east-1: no OnDemand or Reserved terms for this product',
    });
  });

  describe('errors name the JSON path', () => {
    it('a missing publication date', () => {
      const { publicationDate: _, ...offer } = fixture('aws-ec2-offer.json');
      expect(() => loadAwsOffer(offer, AWS_DEFAULT_RULES)).toThrow(new PriceListError('$.publicationDate', 'expected a non-empty string, got undefined'));
    });

    it('a price that is not a number', () => {
      const offer = fixture('aws-ec2-offer.json');
      const text = JSON.stringify(offer).replace('"USD":"0.0416000000"', '"USD":"abc"');
      expect(() => loadAwsOffer(JSON.parse(text), AWS_DEFAULT_RULES)).toThrow(
        '$.terms.OnDemand.DQ578CGN99KG6ECF["DQ578CGN99KG6ECF.JRTCKXETXF"].priceDimensions["DQ578CGN99KG6ECF.JRTCKXETXF.6YS6EN2CT7"].pricePerUnit.USD: expected a decimal number, got "abc"',
      );
    });

    it('products that are not an object, and a document that is not one', () => {
      expect(() => loadAwsOffer({ ...fixture('aws-ec2-offer.json'), products: [] }, AWS_DEFAULT_RULES)).toThrow('$.products: expected an object, got an array');
      expect(() => loadAwsOffer('{}', AWS_DEFAULT_RULES)).toThrow('$: expected an object, got "{}"');
    });
  });
});
