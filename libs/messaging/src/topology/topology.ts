import { Streams, Subjects } from '@cloudwright/contracts';

/**
 * Where the backbone lives. Production uses the plain names (`CW_EVENTS`, `cw.evt.>`); tests and side-by-side
 * environments prepend prefixes so several can share one nats-server without overlapping subjects.
 */
export interface TopologyOptions {
  /** Prepended to stream names: `T_AB12_` → `T_AB12_CW_EVENTS`. */
  streamPrefix?: string;
  /** Prepended to every subject: `tab12.` → `tab12.cw.evt.>`. Must end with a dot when set. */
  subjectPrefix?: string;
  /** Stream replicas (1 locally, 3 in the chart). */
  replicas?: number;
  /** How long events are kept (default 7 days). */
  eventsMaxAgeMs?: number;
  /** How long dead letters are kept (default 28 days). */
  deadLettersMaxAgeMs?: number;
  /** Deduplication window on `Nats-Msg-Id` (default 2 minutes). */
  duplicateWindowMs?: number;
}

export interface Topology {
  streams: { events: string; commands: string; deadLetters: string };
  subjectPrefix: string;
  streamPrefix: string;
  /** Canonical subject (`cw.evt.x.v1`) → wire subject (with prefix). */
  wire(subject: string): string;
  /** Wire subject → canonical subject. */
  canonical(wireSubject: string): string;
  /** Dead-letter subject for a wire subject: `<prefix>cw.dlq.<canonical subject>`. */
  deadLetterSubject(wireSubject: string): string;
  options: Required<Omit<TopologyOptions, 'streamPrefix' | 'subjectPrefix'>>;
}

const DAY = 24 * 60 * 60 * 1000;

export function createTopology(options: TopologyOptions = {}): Topology {
  const streamPrefix = options.streamPrefix ?? '';
  const subjectPrefix = options.subjectPrefix ?? '';
  if (streamPrefix && !/^[A-Za-z0-9_-]+$/.test(streamPrefix)) {
    throw new Error(`streamPrefix "${streamPrefix}" may only hold letters, digits, "_" and "-"`);
  }
  if (subjectPrefix && !/^([A-Za-z0-9_-]+\.)+$/.test(subjectPrefix)) {
    throw new Error(`subjectPrefix "${subjectPrefix}" must be dot-separated tokens ending with "."`);
  }
  const wire = (subject: string) => `${subjectPrefix}${subject}`;
  const canonical = (wireSubject: string) =>
    subjectPrefix && wireSubject.startsWith(subjectPrefix) ? wireSubject.slice(subjectPrefix.length) : wireSubject;
  return {
    streams: {
      events: `${streamPrefix}${Streams.Events}`,
      commands: `${streamPrefix}${Streams.Commands}`,
      deadLetters: `${streamPrefix}${Streams.DeadLetters}`,
    },
    streamPrefix,
    subjectPrefix,
    wire,
    canonical,
    deadLetterSubject: (wireSubject: string) => wire(`${Subjects.DeadLetterPrefix}${canonical(wireSubject)}`),
    options: {
      replicas: options.replicas ?? 1,
      eventsMaxAgeMs: options.eventsMaxAgeMs ?? 7 * DAY,
      deadLettersMaxAgeMs: options.deadLettersMaxAgeMs ?? 28 * DAY,
      duplicateWindowMs: options.duplicateWindowMs ?? 2 * 60 * 1000,
    },
  };
}
