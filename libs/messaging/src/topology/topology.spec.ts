import { createTopology } from './topology';
import { streamConfigs } from './stream-provisioner';

describe(createTopology.name, () => {
  it('uses the plain stream names and subjects without prefixes', () => {
    const topology = createTopology();
    expect(topology.streams).toEqual({ events: 'CW_EVENTS', commands: 'CW_COMMANDS', deadLetters: 'CW_DLQ' });
    expect(topology.wire('cw.evt.a.b.v1')).toBe('cw.evt.a.b.v1');
    expect(topology.canonical('cw.evt.a.b.v1')).toBe('cw.evt.a.b.v1');
    expect(topology.deadLetterSubject('cw.evt.a.b.v1')).toBe('cw.dlq.cw.evt.a.b.v1');
    expect(topology.options).toEqual({ replicas: 1, eventsMaxAgeMs: 7 * 86_400_000, deadLettersMaxAgeMs: 28 * 86_400_000, duplicateWindowMs: 120_000 });
  });

  it('prepends the stream and subject prefixes and strips the subject prefix again', () => {
    const topology = createTopology({ streamPrefix: 'T_AB12_', subjectPrefix: 'tab12.' });
    expect(topology.streams).toEqual({ events: 'T_AB12_CW_EVENTS', commands: 'T_AB12_CW_COMMANDS', deadLetters: 'T_AB12_CW_DLQ' });
    expect(topology.wire('cw.evt.a.b.v1')).toBe('tab12.cw.evt.a.b.v1');
    expect(topology.canonical('tab12.cw.evt.a.b.v1')).toBe('cw.evt.a.b.v1');
    expect(topology.canonical('other.cw.evt.a.b.v1')).toBe('other.cw.evt.a.b.v1');
    expect(topology.deadLetterSubject('tab12.cw.evt.a.b.v1')).toBe('tab12.cw.dlq.cw.evt.a.b.v1');
  });

  it.each(['T.1', 'T 1', 'T>', 'T*'])('rejects the stream prefix %p', (streamPrefix) => {
    expect(() => createTopology({ streamPrefix })).toThrow(/streamPrefix/);
  });

  it.each(['tab12', '.tab12.', 'tab12..', 't*.', 't>.', 'a b.'])('rejects the subject prefix %p', (subjectPrefix) => {
    expect(() => createTopology({ subjectPrefix })).toThrow(/subjectPrefix/);
  });

  it('accepts a multi-token subject prefix', () => {
    expect(createTopology({ subjectPrefix: 'env.blue.' }).wire('cw.evt.x.v1')).toBe('env.blue.cw.evt.x.v1');
  });
});

describe(streamConfigs.name, () => {
  it('configures events (limits), commands (work queue) and dead letters (limits, longer) with the topology settings', () => {
    const topology = createTopology({ streamPrefix: 'P_', subjectPrefix: 'p.', replicas: 3, duplicateWindowMs: 1000, eventsMaxAgeMs: 60_000, deadLettersMaxAgeMs: 120_000 });
    const [events, commands, deadLetters] = streamConfigs(topology);
    expect(events).toMatchObject({
      name: 'P_CW_EVENTS',
      subjects: ['p.cw.evt.>'],
      retention: 'limits',
      num_replicas: 3,
      duplicate_window: 1_000_000_000,
      max_age: 60_000_000_000,
      storage: 'file',
      discard: 'old',
    });
    expect(commands).toMatchObject({ name: 'P_CW_COMMANDS', subjects: ['p.cw.cmd.>'], retention: 'workqueue', max_age: 60_000_000_000 });
    expect(deadLetters).toMatchObject({ name: 'P_CW_DLQ', subjects: ['p.cw.dlq.>'], retention: 'limits', max_age: 120_000_000_000 });
  });
});
