import { commandSubject } from '../topology';

/**
 * Declares a versioned event payload class. The class is the contract: its class-validator decorators validate
 * incoming data, the JSON Schema and AsyncAPI documents are generated from it, and publishers/handlers use the
 * class as the typed key (`publish(DeploymentRequestedV1, data)`).
 *
 * A published version is frozen: only optional fields may be added. Anything else is a new class `...V<N+1>`
 * in its own file, published beside the old one, with an upcaster (see `upcasters.ts`).
 */
export interface EventContractOptions {
  domain: string;
  /** Omitted when the entity is the domain itself: `deployment.requested`, `alert.raised`. */
  entity?: string;
  /** past-tense verb, kebab-case: `requested`, `rolled-back` */
  verb: string;
  version: number;
  /** One or two sentences for the generated docs. */
  description: string;
  /** Which service publishes it (for the AsyncAPI document). */
  producer: string;
  /** Field of the payload that names the aggregate; used as the CloudEvent `subject` and the outbox ordering key. */
  subjectField?: string;
}

/**
 * `event`: a fact, published on `cw.evt.<name>` (stream CW_EVENTS, any number of consumers).
 * `command`: a request addressed to one agent, published on `cw.cmd.<agent>.<verb>.v<N>` (stream CW_COMMANDS,
 * work-queue retention: one durable consumer per command, shared by the agent's replicas).
 */
export type ContractKind = 'event' | 'command';

export interface EventDefinition<T extends object = object> extends EventContractOptions {
  kind: ContractKind;
  /** `io.cloudwright.deployment.requested.v1` */
  type: string;
  /** NATS subject without any deployment prefix: `cw.evt.deployment.requested.v1`, `cw.cmd.cost-optimizer.estimate.v1` */
  subject: string;
  /** `deployment.requested` — the name shared by every version of this event. */
  family: string;
  /** `deployment.requested.v1` — the key of the event map. */
  name: string;
  payload: EventClass<T>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type EventClass<T extends object = any> = new (...args: any[]) => T;

const SEGMENT = /^[a-z][a-z0-9-]*$/;
const definitions = new Map<EventClass, EventDefinition>();
const byType = new Map<string, EventDefinition>();

export const EVENT_TYPE_PREFIX = 'io.cloudwright.';
export const EVENT_SUBJECT_PREFIX = 'cw.evt.';

export const COMMAND_SUBJECT_PREFIX = 'cw.cmd.';

function checkSegments(decorator: string, target: EventClass, segments: [string, string | undefined][], version: number): void {
  for (const [key, value] of segments) {
    if (value !== undefined && !SEGMENT.test(value)) throw new Error(`${decorator} on ${target.name}: ${key} "${value}" must be kebab-case`);
  }
  if (!Number.isInteger(version) || version < 1) throw new Error(`${decorator} on ${target.name}: version must be a positive integer`);
}

function register(target: EventClass, definition: EventDefinition): void {
  const clash = byType.get(definition.type);
  if (clash && clash.payload !== target) {
    throw new Error(`${definition.kind} type ${definition.type} is declared twice (${clash.payload.name} and ${target.name})`);
  }
  definitions.set(target, definition);
  byType.set(definition.type, definition);
}

export function EventContract(options: EventContractOptions) {
  return <C extends EventClass>(target: C): C => {
    checkSegments('@EventContract', target, [['domain', options.domain], ['entity', options.entity], ['verb', options.verb]], options.version);
    const family = [options.domain, options.entity, options.verb].filter(Boolean).join('.');
    const name = `${family}.v${options.version}`;
    register(target, {
      ...options,
      kind: 'event',
      family,
      name,
      type: `${EVENT_TYPE_PREFIX}${name}`,
      subject: `${EVENT_SUBJECT_PREFIX}${name}`,
      payload: target,
    });
    return target;
  };
}

export interface CommandContractOptions {
  /** The agent the command is addressed to (kebab-case): `cost-optimizer`. */
  agent: string;
  /** Imperative verb, kebab-case: `estimate`, `run-drill`. */
  verb: string;
  version: number;
  /** One or two sentences for the generated docs. */
  description: string;
  /** Who sends it (for the AsyncAPI document). */
  producer: string;
  /** Field of the payload used as the CloudEvent `subject` and the outbox ordering key. */
  subjectField?: string;
}

/**
 * Declares a versioned command payload class, addressed to one agent: subject `cw.cmd.<agent>.<verb>.v<N>`
 * (stream CW_COMMANDS, work queue), CloudEvent type `io.cloudwright.<agent>.<verb>.v<N>`. Publishers, the outbox,
 * `@OnEvent` consumers, validation, upcasters and the generated documents treat it as they treat an event; only
 * the stream and subject differ. Versioning rules are those of events.
 */
export function CommandContract(options: CommandContractOptions) {
  return <C extends EventClass>(target: C): C => {
    checkSegments('@CommandContract', target, [['agent', options.agent], ['verb', options.verb]], options.version);
    const family = `${options.agent}.${options.verb}`;
    const name = `${family}.v${options.version}`;
    register(target, {
      domain: options.agent,
      verb: options.verb,
      version: options.version,
      description: options.description,
      producer: options.producer,
      ...(options.subjectField === undefined ? {} : { subjectField: options.subjectField }),
      kind: 'command',
      family,
      name,
      type: `${EVENT_TYPE_PREFIX}${name}`,
      subject: commandSubject(options.agent, options.verb, options.version),
      payload: target,
    });
    return target;
  };
}

export function eventDefinitionOf<T extends object>(payload: EventClass<T>): EventDefinition<T> {
  const definition = definitions.get(payload);
  if (!definition) throw new Error(`${payload.name} is not an event contract (missing @EventContract)`);
  return definition as EventDefinition<T>;
}

export function findEventDefinition(type: string): EventDefinition | undefined {
  return byType.get(type);
}

/** Subject matching every version of a contract's family: `cw.evt.deployment.requested.*`, `cw.cmd.cost-optimizer.estimate.*`. */
export function familySubjectPattern(definition: Pick<EventDefinition, 'subject'>): string {
  return definition.subject.replace(/\.v\d+$/, '.*');
}

/** Every event contract loaded so far (import `EVENT_MAP` from the package entry to load them all). */
export function allEventDefinitions(): EventDefinition[] {
  // Ordinal, not localeCompare: generated documents must not depend on the machine's ICU collation.
  return [...byType.values()].sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
}

/** Parses `io.cloudwright.<family>.v<N>` into its family and version. */
export function parseEventType(type: string): { family: string; version: number } | undefined {
  const match = /^io\.cloudwright\.([a-z0-9.-]+)\.v(\d+)$/.exec(type);
  return match ? { family: match[1], version: Number(match[2]) } : undefined;
}
