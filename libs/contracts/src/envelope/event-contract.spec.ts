import { IsString } from 'class-validator';
import {
  COMMAND_SUBJECT_PREFIX,
  CommandContract,
  EVENT_SUBJECT_PREFIX,
  EVENT_TYPE_PREFIX,
  EventContract,
  allEventDefinitions,
  eventDefinitionOf,
  familySubjectPattern,
  findEventDefinition,
  parseEventType,
} from './event-contract';

@EventContract({ domain: 'test', entity: 'gadget', verb: 'rolled-back', version: 2, description: 'test only', producer: 'tests', subjectField: 'id' })
class GadgetRolledBackV2 {
  @IsString()
  id!: string;
}

@EventContract({ domain: 'alert', verb: 'raised', version: 1, description: 'test only', producer: 'tests' })
class AlertRaisedV1 {
  @IsString()
  id!: string;
}

describe(EventContract.name, () => {
  it('derives type, subject, family and name from domain, entity, verb and version', () => {
    expect(eventDefinitionOf(GadgetRolledBackV2)).toEqual(
      expect.objectContaining({
        type: 'io.cloudwright.test.gadget.rolled-back.v2',
        subject: 'cw.evt.test.gadget.rolled-back.v2',
        family: 'test.gadget.rolled-back',
        name: 'test.gadget.rolled-back.v2',
        payload: GadgetRolledBackV2,
        producer: 'tests',
        subjectField: 'id',
      }),
    );
    expect(EVENT_TYPE_PREFIX).toBe('io.cloudwright.');
    expect(EVENT_SUBJECT_PREFIX).toBe('cw.evt.');
  });

  it('leaves the entity out when the entity is the domain itself', () => {
    const definition = eventDefinitionOf(AlertRaisedV1);
    expect([definition.type, definition.subject, definition.name]).toEqual(['io.cloudwright.alert.raised.v1', 'cw.evt.alert.raised.v1', 'alert.raised.v1']);
  });

  it('finds a definition by type and lists every loaded one in type order', () => {
    expect(findEventDefinition('io.cloudwright.alert.raised.v1')?.payload).toBe(AlertRaisedV1);
    expect(findEventDefinition('io.cloudwright.alert.raised.v9')).toBeUndefined();
    const types = allEventDefinitions().map((d) => d.type);
    expect(types).toEqual(expect.arrayContaining(['io.cloudwright.alert.raised.v1', 'io.cloudwright.test.gadget.rolled-back.v2']));
    expect(types).toEqual([...types].sort());
  });

  it('throws when two classes declare the same type', () => {
    expect(() => {
      @EventContract({ domain: 'alert', verb: 'raised', version: 1, description: 'clash', producer: 'tests' })
      class OtherAlertRaisedV1 {}
      return OtherAlertRaisedV1;
    }).toThrow('event type io.cloudwright.alert.raised.v1 is declared twice (AlertRaisedV1 and OtherAlertRaisedV1)');
  });

  it('rejects segments that are not kebab-case and versions that are not positive integers', () => {
    const declare = (options: Parameters<typeof EventContract>[0]) => () => EventContract(options)(class Bad {});
    expect(declare({ domain: 'Test', verb: 'done', version: 1, description: '', producer: 'x' })).toThrow('domain "Test" must be kebab-case');
    expect(declare({ domain: 'test', verb: 'rolled_back', version: 1, description: '', producer: 'x' })).toThrow('verb "rolled_back" must be kebab-case');
    expect(declare({ domain: 'test', verb: 'done', version: 0, description: '', producer: 'x' })).toThrow('version must be a positive integer');
  });

  it('throws for a class without @EventContract', () => {
    class NotAContract {}
    expect(() => eventDefinitionOf(NotAContract)).toThrow('NotAContract is not an event contract (missing @EventContract)');
  });
});

describe(parseEventType.name, () => {
  it.each<[string, ReturnType<typeof parseEventType>]>([
    ['io.cloudwright.deployment.requested.v1', { family: 'deployment.requested', version: 1 }],
    ['io.cloudwright.test.gadget.rolled-back.v12', { family: 'test.gadget.rolled-back', version: 12 }],
    ['io.cloudwright.deployment.requested', undefined],
    ['com.example.deployment.requested.v1', undefined],
  ])('parses %s', (type, expected) => {
    expect(parseEventType(type)).toEqual(expected);
  });
});

@CommandContract({ agent: 'test-agent', verb: 'do-thing', version: 3, description: 'test only', producer: 'tests', subjectField: 'id' })
class TestAgentDoThingV3 {
  @IsString()
  id!: string;
}

describe(CommandContract.name, () => {
  it('addresses the command to its agent on cw.cmd.<agent>.<verb>.v<N>, with a Cloudwright type', () => {
    expect(eventDefinitionOf(TestAgentDoThingV3)).toEqual(
      expect.objectContaining({
        kind: 'command',
        type: 'io.cloudwright.test-agent.do-thing.v3',
        subject: 'cw.cmd.test-agent.do-thing.v3',
        family: 'test-agent.do-thing',
        name: 'test-agent.do-thing.v3',
        subjectField: 'id',
        payload: TestAgentDoThingV3,
      }),
    );
    expect(COMMAND_SUBJECT_PREFIX).toBe('cw.cmd.');
    expect(parseEventType('io.cloudwright.test-agent.do-thing.v3')).toEqual({ family: 'test-agent.do-thing', version: 3 });
  });

  it('marks events as events, and gives both a subject pattern matching every version of the family', () => {
    expect(eventDefinitionOf(GadgetRolledBackV2).kind).toBe('event');
    expect(familySubjectPattern(eventDefinitionOf(GadgetRolledBackV2))).toBe('cw.evt.test.gadget.rolled-back.*');
    expect(familySubjectPattern(eventDefinitionOf(TestAgentDoThingV3))).toBe('cw.cmd.test-agent.do-thing.*');
  });

  it('rejects an agent or verb that is not kebab-case, a bad version, and a type already taken', () => {
    const declare = (options: Parameters<typeof CommandContract>[0]) => () => CommandContract(options)(class Bad {});
    expect(declare({ agent: 'CostOptimizer', verb: 'estimate', version: 1, description: '', producer: 'x' })).toThrow('agent "CostOptimizer" must be kebab-case');
    expect(declare({ agent: 'cost-optimizer', verb: 'estimate', version: 1.5, description: '', producer: 'x' })).toThrow('version must be a positive integer');
    expect(declare({ agent: 'test-agent', verb: 'do-thing', version: 3, description: '', producer: 'x' })).toThrow(
      'command type io.cloudwright.test-agent.do-thing.v3 is declared twice (TestAgentDoThingV3 and Bad)',
    );
  });
});
