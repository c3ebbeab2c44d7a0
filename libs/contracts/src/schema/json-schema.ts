import 'reflect-metadata';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import { type ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { type MetadataStorage as TransformerMetadataStorage } from 'class-transformer/types/MetadataStorage';
import { CLOUDEVENTS_SPEC_VERSION, JSON_CONTENT_TYPE } from '../envelope/cloud-event';
import { type EventClass, type EventDefinition } from '../envelope/event-contract';
import { RFC3339_PATTERN } from '../envelope/validation';
import { MAX_INLINE_PLAN_BYTES } from '../deployment/deployment-requested.v1';
import { compareOrdinal, sortedByKey, type JsonObject, type JsonValue } from './json-value';

/*
 * JSON Schema (draft 2020-12) generated from the class-validator metadata of the contracts, so the published schema
 * cannot drift from what `validatePayload` enforces. Written here rather than with `class-validator-jsonschema`
 * 5.2.0: that package runs with class-validator 0.15.1, but maps every `registerDecorator` validator to a `$ref` to
 * the property's reflected type (`#/$defs/Object`, `#/$defs/Array`: dangling refs that ajv refuses), does not emit
 * `additionalProperties: false` (validatePayload forbids unknown properties) nor nulls accepted by `@IsOptional`,
 * and would need the same amount of post-processing as this converter.
 *
 * A validator this converter does not know is an error, not a silently laxer schema: add it to BUILT_IN or CUSTOM.
 */

// class-transformer keeps `@Type(() => X)` in a storage its package entry does not export.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const transformerStorage = (require('class-transformer/cjs/storage') as { defaultMetadataStorage: TransformerMetadataStorage })
  .defaultMetadataStorage;

export const JSON_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

/** CloudEvent `id`, as `UUID_PATTERN` of the envelope validation (which is case-insensitive: JSON Schema has no flags). */
export const UUID_SCHEMA_PATTERN = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$';

/** The `$id` of an event's generated schema (also what a producer may put in `dataschema`). */
export function eventSchemaId(definition: Pick<EventDefinition, 'type'>): string {
  return `urn:cloudwright:schema:${definition.type}`;
}

/** File name of an event's schema under docs/events/schemas/. */
export function eventSchemaFileName(definition: Pick<EventDefinition, 'type'>): string {
  return `${definition.type}.schema.json`;
}

/** Mutable view of one schema while it is assembled; `emit` writes the keywords in a fixed order. */
interface Draft {
  description: string[];
  type: Set<string>;
  enum?: JsonValue[];
  const?: JsonValue;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  items?: Draft;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  additionalProperties?: JsonObject;
  minProperties?: number;
  not?: JsonObject;
  oneOf?: JsonObject[];
  ref?: string;
  nullable?: boolean;
}

const newDraft = (): Draft => ({ description: [], type: new Set() });

type Rule = (draft: Draft, meta: ValidationMetadata) => void;

function setType(draft: Draft, type: string): void {
  // `integer` is narrower than `number`: keep the narrowest one a validator asked for.
  if (type === 'number' && draft.type.has('integer')) return;
  if (type === 'integer') draft.type.delete('number');
  draft.type.add(type);
}

function constraint<T>(meta: ValidationMetadata, index = 0): T {
  return (meta.constraints as unknown[])[index] as T;
}

function patternOf(meta: ValidationMetadata): string {
  const pattern = constraint<RegExp | string>(meta);
  const flags = pattern instanceof RegExp ? pattern.flags : (constraint<string | undefined>(meta, 1) ?? '');
  if (flags.replace(/[gu]/g, '')) {
    throw new Error(`@Matches on ${targetName(meta)}: flags "${flags}" cannot be expressed in JSON Schema; write the pattern without them`);
  }
  return pattern instanceof RegExp ? pattern.source : pattern;
}

function enumType(values: readonly JsonValue[]): string | undefined {
  const types = new Set(values.map((v) => (v === null ? 'null' : Number.isInteger(v) ? 'integer' : typeof v)));
  return types.size === 1 ? [...types][0] : undefined;
}

/** class-validator's own decorators, by `ValidationMetadata.name`. */
const BUILT_IN: Record<string, Rule> = {
  isString: (d) => setType(d, 'string'),
  isInt: (d) => setType(d, 'integer'),
  isNumber: (d) => setType(d, 'number'),
  isBoolean: (d) => setType(d, 'boolean'),
  isObject: (d) => setType(d, 'object'),
  isArray: (d) => setType(d, 'array'),
  isDefined: () => undefined,
  isNotEmptyObject: (d) => {
    setType(d, 'object');
    d.minProperties = 1;
  },
  matches: (d, m) => {
    setType(d, 'string');
    d.pattern = patternOf(m);
  },
  minLength: (d, m) => {
    setType(d, 'string');
    d.minLength = constraint<number>(m);
  },
  maxLength: (d, m) => {
    setType(d, 'string');
    d.maxLength = constraint<number>(m);
  },
  isIn: (d, m) => {
    const values = [...constraint<JsonValue[]>(m)];
    d.enum = values;
    const type = enumType(values);
    if (type) setType(d, type);
  },
  isEnum: (d, m) => {
    const values = Object.entries(constraint<Record<string, JsonValue>>(m))
      .filter(([key]) => !/^\d+$/.test(key)) // numeric enums have reverse mappings
      .map(([, value]) => value);
    d.enum = values;
    const type = enumType(values);
    if (type) setType(d, type);
  },
  equals: (d, m) => {
    d.const = constraint<JsonValue>(m);
  },
  min: (d, m) => {
    d.minimum = constraint<number>(m);
  },
  max: (d, m) => {
    d.maximum = constraint<number>(m);
  },
  isPositive: (d) => {
    d.exclusiveMinimum = 0;
  },
  isUuid: (d) => {
    setType(d, 'string');
    d.format = 'uuid';
  },
  isDateString: (d) => {
    setType(d, 'string');
    d.format = 'date-time';
  },
  isUrl: (d) => {
    setType(d, 'string');
    d.format = 'uri';
  },
  isEmail: (d) => {
    setType(d, 'string');
    d.format = 'email';
  },
  arrayNotEmpty: (d) => {
    setType(d, 'array');
    d.minItems = 1;
  },
  arrayMinSize: (d, m) => {
    setType(d, 'array');
    d.minItems = constraint<number>(m);
  },
  arrayMaxSize: (d, m) => {
    setType(d, 'array');
    d.maxItems = constraint<number>(m);
  },
  arrayUnique: (d) => {
    setType(d, 'array');
    d.uniqueItems = true;
  },
};

/** The contracts' own `registerDecorator` validators, by the name they register. */
const CUSTOM: Record<string, Rule> = {
  inlineXorRef: (d) => {
    d.oneOf = [{ required: ['inline'] }, { required: ['ref'] }];
    d.description.push('Exactly one of `inline` (the plan JSON) and `ref` (where the publisher uploaded it).');
  },
  inlinePlanWithinLimit: (d) => {
    d.description.push(
      `At most ${MAX_INLINE_PLAN_BYTES} bytes of JSON text (UTF-8); a larger plan is uploaded by the publisher and sent as \`ref\`.`,
    );
  },
  targetCloudList: (d) => {
    d.not = { contains: { const: 'auto' }, minItems: 2 };
    d.description.push('Either `["auto"]` (the cloud analyzer chooses) or a list of clouds, not both.');
  },
  stringRecord: (d) => {
    d.additionalProperties = { type: 'string' };
  },
  pricedOrFailed: (d) => {
    d.description.push('`priced`: `totals` and `budget` are present and `error` is not; `failed`: `error` is present and `totals` is not.');
  },
  scannedOrFailed: (d) => {
    d.description.push('`scanned`: `gate`, `scores` and `counts` are present and `error` is not; `failed`: `error` is present and `gate` is not.');
  },
};

function targetName(meta: ValidationMetadata): string {
  return `${typeof meta.target === 'function' ? meta.target.name : meta.target}.${meta.propertyName}`;
}

/** A validator's own message (`{ message: 'commit must be …' }`) read as documentation: "Must be …". */
function messageAsDescription(meta: ValidationMetadata): string | undefined {
  const message = meta.message;
  if (typeof message !== 'string' || !message) return undefined;
  const text = message.startsWith(`${meta.propertyName} `) ? message.slice(meta.propertyName.length + 1) : message;
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? '' : '.'}`;
}

/** Collects the nested classes (`$defs`) while the schema of one class is built. */
class SchemaBuilder {
  readonly defs = new Map<string, { cls: EventClass; schema?: JsonObject }>();

  constructor(private readonly refPrefix: string) {}

  refTo(cls: EventClass): string {
    const known = this.defs.get(cls.name);
    if (known && known.cls !== cls) throw new Error(`two contract classes are named ${cls.name}: schema definitions need unique names`);
    if (!known) {
      this.defs.set(cls.name, { cls });
      this.defs.get(cls.name)!.schema = this.classSchema(cls);
    }
    return `${this.refPrefix}${cls.name}`;
  }

  classSchema(cls: EventClass, description?: string): JsonObject {
    const metas = getMetadataStorage().getTargetValidationMetadatas(cls, '', true, false);
    const byProperty = new Map<string, ValidationMetadata[]>();
    for (const meta of metas) {
      const list = byProperty.get(meta.propertyName) ?? [];
      list.push(meta);
      byProperty.set(meta.propertyName, list);
    }
    const properties: JsonObject = {};
    const required: string[] = [];
    for (const [property, propertyMetas] of byProperty) {
      const conditional = propertyMetas.some((m) => m.type === ValidationTypes.CONDITIONAL_VALIDATION);
      if (!conditional) required.push(property);
      properties[property] = this.propertySchema(cls, property, propertyMetas);
    }
    const schema: JsonObject = {};
    if (description) schema.description = description;
    schema.type = 'object';
    schema.properties = properties;
    if (required.length) schema.required = required;
    schema.additionalProperties = false;
    return schema;
  }

  private propertySchema(cls: EventClass, property: string, metas: ValidationMetadata[]): JsonObject {
    const draft = newDraft();
    // Decorators run bottom-up: read them top-down, as written.
    for (const meta of [...metas].reverse()) {
      if (meta.type === ValidationTypes.CONDITIONAL_VALIDATION) {
        // `@IsOptional` skips every check when the value is null or undefined; `@ValidateIf` cannot be expressed.
        if (meta.name === 'isOptional') draft.nullable = true;
        continue;
      }
      if (meta.type === ValidationTypes.WHITELIST || meta.type === ValidationTypes.PROMISE_VALIDATION) continue;
      const target = meta.each ? (draft.items ??= newDraft()) : draft;
      if (meta.type === ValidationTypes.NESTED_VALIDATION) {
        target.ref = this.refTo(nestedClass(cls, property));
        continue;
      }
      if (meta.type === ValidationTypes.IS_DEFINED) continue;
      const name = meta.name ?? constraintName(meta);
      const rule = (name && BUILT_IN[name]) ?? (name && CUSTOM[name]);
      if (!rule) {
        throw new Error(`${targetName(meta)}: validator "${name ?? meta.type}" is not known to the JSON Schema generator (libs/contracts/src/schema)`);
      }
      rule(target, meta);
      const described = messageAsDescription(meta);
      if (described) target.description.push(described);
    }
    return emit(draft);
  }

  sortedDefs(): JsonObject {
    const out: Record<string, JsonObject> = {};
    for (const [name, { schema }] of this.defs) out[name] = schema!;
    return sortedByKey(out);
  }
}

function constraintName(meta: ValidationMetadata): string | undefined {
  const constraints = getMetadataStorage().getTargetValidatorConstraints(meta.constraintCls);
  return constraints[0]?.name;
}

function nestedClass(cls: EventClass, property: string): EventClass {
  const typeMeta = transformerStorage.findTypeMetadata(cls, property);
  const fromType = typeMeta?.typeFunction() as EventClass | undefined;
  const reflected = Reflect.getMetadata('design:type', cls.prototype as object, property) as EventClass | undefined;
  const nested = fromType ?? reflected;
  if (!nested || nested === Object || nested === Array) {
    throw new Error(`${cls.name}.${property}: @ValidateNested needs @Type(() => Class) to document the nested contract`);
  }
  return nested;
}

/** Writes a draft in a fixed keyword order. */
function emit(draft: Draft): JsonObject {
  const out: JsonObject = {};
  const description = [...new Set(draft.description)].join(' ');
  if (description) out.description = description;
  let ref: JsonObject | undefined = draft.ref ? { $ref: draft.ref } : undefined;
  const types = [...draft.type].sort(compareOrdinal);
  if (draft.nullable && (types.length || draft.enum)) types.push('null');
  if (types.length === 1) out.type = types[0]!;
  else if (types.length > 1) out.type = types;
  if (draft.enum) out.enum = draft.nullable ? [...draft.enum, null] : draft.enum;
  if (draft.const !== undefined) out.const = draft.const;
  if (draft.format) out.format = draft.format;
  if (draft.pattern) out.pattern = draft.pattern;
  if (draft.minLength !== undefined) out.minLength = draft.minLength;
  if (draft.maxLength !== undefined) out.maxLength = draft.maxLength;
  if (draft.minimum !== undefined) out.minimum = draft.minimum;
  if (draft.exclusiveMinimum !== undefined) out.exclusiveMinimum = draft.exclusiveMinimum;
  if (draft.maximum !== undefined) out.maximum = draft.maximum;
  if (draft.items) out.items = emit(draft.items);
  if (draft.minItems !== undefined) out.minItems = draft.minItems;
  if (draft.maxItems !== undefined) out.maxItems = draft.maxItems;
  if (draft.uniqueItems) out.uniqueItems = true;
  if (draft.minProperties !== undefined) out.minProperties = draft.minProperties;
  if (draft.additionalProperties) out.additionalProperties = draft.additionalProperties;
  if (draft.not) out.not = draft.not;
  if (ref && draft.nullable) ref = { oneOf: [ref, { type: 'null' }] };
  // `$ref` beside other keywords is ignored by draft-07 tools (AsyncAPI's schema format): wrap it in `allOf`.
  const constraints = draft.oneOf ? [ref, { oneOf: draft.oneOf }] : [ref];
  const parts = constraints.filter((c): c is JsonObject => c !== undefined);
  if (parts.length === 1 && Object.keys(out).length === 0) return parts[0];
  if (parts.length === 1 && parts[0].oneOf) out.oneOf = parts[0].oneOf;
  else if (parts.length) out.allOf = parts;
  return out;
}

/** Parts of an event schema, for documents that hold the nested definitions elsewhere (AsyncAPI components). */
export interface EventSchemaParts {
  /** The full CloudEvent schema; `data` refers to `payloadName` through the ref prefix. */
  event: JsonObject;
  /** Name of the payload class (a key of `defs`). */
  payloadName: string;
  /** Payload class and every nested class, by class name, sorted. */
  defs: JsonObject;
}

/** Builds the CloudEvent schema of one event type with `$ref`s starting with `refPrefix`. */
export function eventSchemaParts(definition: EventDefinition, refPrefix: string): EventSchemaParts {
  const builder = new SchemaBuilder(refPrefix);
  const payloadName = definition.payload.name;
  builder.defs.set(payloadName, { cls: definition.payload });
  builder.defs.get(payloadName)!.schema = builder.classSchema(definition.payload, definition.description);
  const subjectDescription = definition.subjectField
    ? `What the event is about: the value of \`data.${definition.subjectField}\`. Also the outbox ordering key.`
    : 'What the event is about (the aggregate id). Also the outbox ordering key.';
  const event: JsonObject = {
    title: definition.name,
    description: definition.description,
    type: 'object',
    properties: {
      specversion: { description: 'CloudEvents specification version.', const: CLOUDEVENTS_SPEC_VERSION },
      id: {
        description: 'Unique id of the event (UUID); also the outbox row id, the Nats-Msg-Id header and the inbox key.',
        type: 'string',
        format: 'uuid',
        pattern: UUID_SCHEMA_PATTERN,
      },
      source: { description: 'Producer, e.g. `cloudwright/orchestrator` or `cloudwright/cli`.', type: 'string', minLength: 1 },
      type: {
        description:
          definition.kind === 'command'
            ? 'Command type: `io.cloudwright.<agent>.<verb>.v<N>`.'
            : 'Event type: `io.cloudwright.<domain>.<entity>.<past-verb>.v<N>`.',
        const: definition.type,
      },
      time: { description: 'When the event happened (RFC 3339).', type: 'string', format: 'date-time', pattern: RFC3339_PATTERN.source },
      subject: { description: subjectDescription, type: 'string' },
      datacontenttype: { description: 'Content type of `data`; absent means the same.', const: JSON_CONTENT_TYPE },
      dataschema: { description: `URI of the schema of \`data\`, when given: \`${eventSchemaId(definition)}\`.`, type: 'string' },
      correlationid: {
        description: 'Extension: id shared by every event of one business flow (one deployment across all services).',
        type: 'string',
        minLength: 1,
      },
      causationid: { description: 'Extension: id of the event or command that caused this one.', type: 'string' },
      data: { $ref: `${refPrefix}${payloadName}` },
    },
    required: ['specversion', 'id', 'source', 'type', 'time', 'correlationid', 'data'],
  };
  return { event, payloadName, defs: builder.sortedDefs() };
}

/**
 * JSON Schema (draft 2020-12) of the full CloudEvent of one event type: the envelope attributes and `data`, the
 * payload contract with its nested classes in `$defs`. Unknown envelope attributes are allowed (CloudEvents
 * extensions); unknown payload properties are not.
 */
export function eventJsonSchema(definition: EventDefinition): JsonObject {
  const { event, defs } = eventSchemaParts(definition, '#/$defs/');
  return { $schema: JSON_SCHEMA_DIALECT, $id: eventSchemaId(definition), ...event, $defs: defs };
}
