import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { IsInt, IsString, ValidateNested } from 'class-validator';
import { DeploymentRequestedV1, MAX_INLINE_PLAN_BYTES } from '../deployment/deployment-requested.v1';
import { EventContract, eventDefinitionOf } from '../envelope/event-contract';
import { UUID_PATTERN, validateEnvelope, validatePayload } from '../envelope/validation';
import { aCiMetadata, aCloudEventOf, aDeploymentRequest, aDeploymentRequestWithPlanRef, aPlanOfAtLeast, aPlanReference } from '../testing';
import { UUID_SCHEMA_PATTERN, eventJsonSchema } from './json-schema';

const definition = eventDefinitionOf(DeploymentRequestedV1);
const schema = eventJsonSchema(definition);
// strictRequired off: the inline/ref oneOf sits beside the $ref that defines those properties, which ajv cannot see.
const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true });
addFormats(ajv);
const validateSchema = ajv.compile(schema);

function schemaAccepts(event: unknown): boolean {
  return validateSchema(event);
}

/** What a consumer accepts: a valid envelope of this type and a valid payload. */
function codeAccepts(event: unknown): boolean {
  const envelope = validateEnvelope(event);
  return envelope.ok && envelope.value.type === definition.type && validatePayload(DeploymentRequestedV1, envelope.value.data).ok;
}

const event = (data: unknown) => aCloudEventOf(DeploymentRequestedV1, data as DeploymentRequestedV1);

describe(eventJsonSchema.name, () => {
  it('is a draft 2020-12 schema of the whole CloudEvent of one type', () => {
    expect(schema).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'urn:cloudwright:schema:io.cloudwright.deployment.requested.v1',
      properties: {
        specversion: { const: '1.0' },
        id: { format: 'uuid' },
        type: { const: 'io.cloudwright.deployment.requested.v1' },
        time: { format: 'date-time' },
        datacontenttype: { const: 'application/json' },
        data: { $ref: '#/$defs/DeploymentRequestedV1' },
      },
      required: ['specversion', 'id', 'source', 'type', 'time', 'correlationid', 'data'],
    });
  });

  it('derives the payload from the class-validator metadata', () => {
    const defs = schema.$defs as Record<string, { properties: Record<string, unknown>; required?: string[]; additionalProperties?: unknown }>;
    expect(Object.keys(defs)).toEqual(['CiMetadataV1', 'DeploymentPlanV1', 'DeploymentRequestedV1', 'PlanReferenceV1']);
    const payload = defs.DeploymentRequestedV1;
    expect(payload.additionalProperties).toBe(false);
    expect(payload.required).toEqual(['requestKey', 'stack', 'environment', 'targetClouds', 'plan', 'ci']);
    expect(payload.properties.stack).toMatchObject({ type: 'string', pattern: '^[a-z0-9][a-z0-9._-]{0,62}$' });
    expect(payload.properties.targetClouds).toMatchObject({
      type: 'array',
      items: { type: 'string', enum: ['aws', 'azure', 'gcp', 'auto'] },
      minItems: 1,
      maxItems: 3,
      uniqueItems: true,
    });
    expect(payload.properties.plan).toMatchObject({
      allOf: [{ $ref: '#/$defs/DeploymentPlanV1' }, { oneOf: [{ required: ['inline'] }, { required: ['ref'] }] }],
    });
    expect(defs.CiMetadataV1.required).toEqual(['provider', 'runId', 'commit', 'actor', 'repository']);
    expect(defs.CiMetadataV1.properties.runAttempt).toEqual({ type: ['integer', 'null'], minimum: 1 });
    expect(defs.PlanReferenceV1.properties.uri).toMatchObject({ maxLength: 2048 });
    expect(JSON.stringify(defs.DeploymentPlanV1.properties.inline)).toContain(String(MAX_INLINE_PLAN_BYTES));
  });

  it('is deterministic', () => {
    expect(JSON.stringify(eventJsonSchema(definition))).toBe(JSON.stringify(schema));
  });

  it('uses the same UUID rule as the envelope validation', () => {
    const uuidSchema = new RegExp(UUID_SCHEMA_PATTERN);
    for (const id of ['0b9a3c1e-9f6d-4c1b-8a2e-5d7f3e1b2c4d', '0B9A3C1E-9F6D-4C1B-8A2E-5D7F3E1B2C4D', '0b9a3c1e-9f6d-0c1b-8a2e-5d7f3e1b2c4d', 'x']) {
      expect(uuidSchema.test(id)).toBe(UUID_PATTERN.test(id));
    }
  });

  describe('agrees with validateEnvelope and validatePayload', () => {
    const { id: _id, ...withoutId } = event(aDeploymentRequest());
    const cases: Array<[string, unknown, boolean]> = [
      ['an inline-plan request', event(aDeploymentRequest()), true],
      ['a plan-reference request', event(aDeploymentRequestWithPlanRef()), true],
      ['["auto"] and no optional fields', event(aDeploymentRequest({ targetClouds: ['auto'], labels: undefined })), true],
      ['null optional fields (@IsOptional accepts null)', event(aDeploymentRequest({ ci: { ...aCiMetadata(), branch: null as never } })), true],
      ['a bad commit', event(aDeploymentRequest({ ci: aCiMetadata({ commit: 'zzz' }) })), false],
      ['neither inline nor ref', event({ ...aDeploymentRequest(), plan: { format: 'terraform-plan-json' } }), false],
      ['both inline and ref', event({ ...aDeploymentRequest(), plan: { format: 'terraform-plan-json', inline: {}, ref: aPlanReference() } }), false],
      ['["auto","aws"]', event(aDeploymentRequest({ targetClouds: ['auto', 'aws'] })), false],
      ['an unknown cloud', event({ ...aDeploymentRequest(), targetClouds: ['oracle'] }), false],
      ['no target clouds', event(aDeploymentRequest({ targetClouds: [] })), false],
      ['an unknown property', event({ ...aDeploymentRequest(), extra: true }), false],
      ['an unknown nested property', event({ ...aDeploymentRequest(), ci: { ...aCiMetadata(), extra: true } }), false],
      ['a bad stack name', event(aDeploymentRequest({ stack: 'Bad Stack' })), false],
      ['ci as an array', event({ ...aDeploymentRequest(), ci: [aCiMetadata()] }), false],
      ['a non-string label', event({ ...aDeploymentRequest(), labels: { team: 1 } }), false],
      ['a bad plan reference', event(aDeploymentRequest({ plan: { format: 'terraform-plan-json', ref: aPlanReference({ sizeBytes: 0 }) } })), false],
      ['a missing id', withoutId, false],
      ['another event type', { ...event(aDeploymentRequest()), type: 'io.cloudwright.deployment.requested.v2' }, false],
      ['a bad time', { ...event(aDeploymentRequest()), time: 'yesterday' }, false],
    ];

    it.each(cases)('%s', (_case, candidate, valid) => {
      expect(schemaAccepts(candidate)).toBe(valid);
      expect(codeAccepts(candidate)).toBe(valid);
    });

    it('documents the inline size limit it cannot check (only validatePayload rejects a plan that is too large)', () => {
      const big = event(aDeploymentRequest({ plan: { format: 'terraform-plan-json', inline: aPlanOfAtLeast(MAX_INLINE_PLAN_BYTES) } }));
      expect(codeAccepts(big)).toBe(false);
      expect(schemaAccepts(big)).toBe(true);
    });
  });

  it('refuses a validator it cannot express rather than emit a laxer schema', () => {
    @EventContract({ domain: 'test', entity: 'schema', verb: 'probed', version: 1, description: 'test only', producer: 'tests' })
    class SchemaProbedV1 {
      @IsString()
      @IsInt()
      @ValidateNested()
      untyped!: object;
    }
    expect(() => eventJsonSchema(eventDefinitionOf(SchemaProbedV1))).toThrow(
      'SchemaProbedV1.untyped: @ValidateNested needs @Type(() => Class) to document the nested contract',
    );
  });
});
