import { type CloudEvent } from './cloud-event';
import { eventDefinitionOf, parseEventType, type EventClass } from './event-contract';

/**
 * An upcaster turns the data of version N of an event into version N+1. Chains are applied on read, so a handler
 * written for the newest version can replay a stream that still holds old events (and a dead letter from before an
 * upgrade can be replayed after it).
 */
export interface Upcaster<From = unknown, To = unknown> {
  from: EventClass;
  to: EventClass;
  upcast(data: From, event: CloudEvent<From>): To;
}

const upcasters = new Map<string, Upcaster>();

export function registerUpcaster<From extends object, To extends object>(upcaster: Upcaster<From, To>): void {
  const from = eventDefinitionOf(upcaster.from);
  const to = eventDefinitionOf(upcaster.to);
  if (from.family !== to.family || to.version !== from.version + 1) {
    throw new Error(`upcaster ${from.name} -> ${to.name} must go from one version of an event to the next`);
  }
  if (upcasters.has(from.type)) throw new Error(`an upcaster from ${from.name} is already registered`);
  upcasters.set(from.type, upcaster);
}

export class UpcastError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UpcastError';
  }
}

/** Returns the event as `target`'s version, applying every upcaster between; the id and extensions are kept. */
export function upcastTo<T extends object>(event: CloudEvent<unknown>, target: EventClass<T>): CloudEvent<unknown> {
  const want = eventDefinitionOf(target);
  const have = parseEventType(event.type);
  if (!have || have.family !== want.family) {
    throw new UpcastError(`${event.type} is not a version of ${want.family}`);
  }
  if (have.version > want.version) {
    throw new UpcastError(`${event.type} is newer than ${want.type}: this consumer must be upgraded`);
  }
  let current = event;
  while (current.type !== want.type) {
    const step = upcasters.get(current.type);
    if (!step) throw new UpcastError(`no upcaster from ${current.type} towards ${want.type}`);
    const next = eventDefinitionOf(step.to);
    // `dataschema` described the stored version's data, not the upcast one: drop it rather than lie.
    const { dataschema: _stale, ...rest } = current;
    current = { ...rest, type: next.type, data: step.upcast(current.data, current) };
  }
  return current;
}
