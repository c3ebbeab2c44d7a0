import { Type } from 'class-transformer';
import { IsInt, IsObject, IsOptional, Matches, Min, ValidateNested } from 'class-validator';
import { aCloudEventOf } from '../testing';
import { type CloudEvent } from './cloud-event';
import { EventContract, eventDefinitionOf } from './event-contract';
import { UpcastError, registerUpcaster, upcastTo } from './upcasters';
import { validateEnvelope, validatePayload } from './validation';

// Test-only contracts: one event family with three versions, as they would sit in three files.
const widget = { domain: 'test', entity: 'widget', verb: 'priced', producer: 'tests', subjectField: 'widgetId' } as const;

@EventContract({ ...widget, version: 1, description: 'v1: price in cents' })
class WidgetPricedV1 {
  @Matches(/^w-\d+$/)
  widgetId!: string;

  @IsInt()
  @Min(0)
  priceCents!: number;
}

class MoneyV2 {
  @Matches(/^\d+\.\d{2}$/)
  amount!: string;

  @Matches(/^[A-Z]{3}$/)
  currency!: string;
}

@EventContract({ ...widget, version: 2, description: 'v2: price as decimal money' })
class WidgetPricedV2 {
  @Matches(/^w-\d+$/)
  widgetId!: string;

  @IsObject()
  @ValidateNested()
  @Type(() => MoneyV2)
  price!: MoneyV2;
}

@EventContract({ ...widget, version: 3, description: 'v3: adds an optional discount code' })
class WidgetPricedV3 {
  @Matches(/^w-\d+$/)
  widgetId!: string;

  @IsObject()
  @ValidateNested()
  @Type(() => MoneyV2)
  price!: MoneyV2;

  @IsOptional()
  @Matches(/^[A-Z0-9]{4,16}$/)
  discountCode?: string;
}

registerUpcaster<WidgetPricedV1, WidgetPricedV2>({
  from: WidgetPricedV1,
  to: WidgetPricedV2,
  upcast: (data) => ({ widgetId: data.widgetId, price: { amount: (data.priceCents / 100).toFixed(2), currency: 'USD' } }),
});
registerUpcaster<WidgetPricedV2, WidgetPricedV3>({
  from: WidgetPricedV2,
  to: WidgetPricedV3,
  upcast: (data) => ({ ...data }),
});

// A second family with a hole in its chain: v1 -> v2 is registered, v2 -> v3 is not.
const gadget = { domain: 'test', entity: 'gadget', verb: 'counted', producer: 'tests' } as const;
@EventContract({ ...gadget, version: 1, description: 'v1' })
class GadgetCountedV1 {
  @IsInt()
  count!: number;
}
@EventContract({ ...gadget, version: 2, description: 'v2' })
class GadgetCountedV2 {
  @IsInt()
  total!: number;
}
@EventContract({ ...gadget, version: 3, description: 'v3' })
class GadgetCountedV3 {
  @IsInt()
  total!: number;
}
registerUpcaster<GadgetCountedV1, GadgetCountedV2>({ from: GadgetCountedV1, to: GadgetCountedV2, upcast: (data) => ({ total: data.count }) });

/** What a consumer does with a message read back from the stream. */
function replay(raw: string): { event: CloudEvent<unknown>; data: WidgetPricedV3 } {
  const envelope = validateEnvelope(JSON.parse(raw));
  if (!envelope.ok) throw new Error(`invalid envelope: ${JSON.stringify(envelope.errors)}`);
  const event = upcastTo(envelope.value, WidgetPricedV3);
  const payload = validatePayload(WidgetPricedV3, event.data);
  if (!payload.ok) throw new Error(`invalid payload: ${JSON.stringify(payload.errors)}`);
  return { event, data: payload.value };
}

describe(upcastTo.name, () => {
  const stored = [
    aCloudEventOf(WidgetPricedV1, { widgetId: 'w-1', priceCents: 1999 }, { dataschema: 'urn:cloudwright:schema:io.cloudwright.test.widget.priced.v1' }),
    aCloudEventOf(WidgetPricedV2, { widgetId: 'w-2', price: { amount: '5.00', currency: 'EUR' } }),
    aCloudEventOf(WidgetPricedV3, { widgetId: 'w-3', price: { amount: '0.50', currency: 'GBP' }, discountCode: 'SPRING24' }),
  ];
  const rawStream = stored.map((event) => JSON.stringify(event));

  it('replays stored v1, v2 and v3 events as valid v3 data', () => {
    const replayed = rawStream.map(replay);
    expect(replayed.map((r) => r.event.type)).toEqual(Array(3).fill(eventDefinitionOf(WidgetPricedV3).type));
    expect(replayed.map((r) => ({ ...r.data }))).toEqual([
      { widgetId: 'w-1', price: expect.objectContaining({ amount: '19.99', currency: 'USD' }) as unknown },
      { widgetId: 'w-2', price: expect.objectContaining({ amount: '5.00', currency: 'EUR' }) as unknown },
      { widgetId: 'w-3', price: expect.objectContaining({ amount: '0.50', currency: 'GBP' }) as unknown, discountCode: 'SPRING24' },
    ]);
    expect(replayed.every((r) => r.data instanceof WidgetPricedV3)).toBe(true);
  });

  it('keeps the id, the correlation and causation ids, source, time and subject', () => {
    for (const [index, raw] of rawStream.entries()) {
      const { event } = replay(raw);
      const original = stored[index];
      expect(event).toEqual(
        expect.objectContaining({
          id: original.id,
          correlationid: original.correlationid,
          source: original.source,
          time: original.time,
          subject: original.subject,
        }),
      );
    }
  });

  it('drops a dataschema that described the stored version', () => {
    expect(replay(rawStream[0]).event.dataschema).toBeUndefined();
  });

  it('returns an event already at the target version unchanged', () => {
    const event = JSON.parse(rawStream[2]) as CloudEvent<unknown>;
    expect(upcastTo(event, WidgetPricedV3)).toEqual(event);
  });

  it('refuses an event newer than the target: the consumer must be upgraded', () => {
    const v3 = JSON.parse(rawStream[2]) as CloudEvent<unknown>;
    expect(() => upcastTo(v3, WidgetPricedV2)).toThrow(UpcastError);
    expect(() => upcastTo(v3, WidgetPricedV2)).toThrow(
      'io.cloudwright.test.widget.priced.v3 is newer than io.cloudwright.test.widget.priced.v2: this consumer must be upgraded',
    );
  });

  it('names the missing step when the chain has a gap', () => {
    const v1 = aCloudEventOf(GadgetCountedV1, { count: 3 });
    expect(() => upcastTo(v1, GadgetCountedV3)).toThrow(UpcastError);
    expect(() => upcastTo(v1, GadgetCountedV3)).toThrow(
      'no upcaster from io.cloudwright.test.gadget.counted.v2 towards io.cloudwright.test.gadget.counted.v3',
    );
    expect(upcastTo(v1, GadgetCountedV2).data).toEqual({ total: 3 });
  });

  it('refuses an event of another family', () => {
    const gadgetEvent = aCloudEventOf(GadgetCountedV1, { count: 1 });
    expect(() => upcastTo(gadgetEvent, WidgetPricedV3)).toThrow(
      new UpcastError('io.cloudwright.test.gadget.counted.v1 is not a version of test.widget.priced'),
    );
  });
});

describe(registerUpcaster.name, () => {
  it('rejects an upcaster that skips a version', () => {
    expect(() => registerUpcaster({ from: GadgetCountedV1, to: GadgetCountedV3, upcast: (data) => data })).toThrow(
      'upcaster test.gadget.counted.v1 -> test.gadget.counted.v3 must go from one version of an event to the next',
    );
  });

  it('rejects an upcaster that goes backwards or across families', () => {
    expect(() => registerUpcaster({ from: GadgetCountedV3, to: GadgetCountedV2, upcast: (data) => data })).toThrow('must go from one version');
    expect(() => registerUpcaster({ from: WidgetPricedV1, to: GadgetCountedV2, upcast: (data) => data })).toThrow('must go from one version');
  });

  it('rejects a second upcaster from the same version', () => {
    expect(() => registerUpcaster({ from: WidgetPricedV1, to: WidgetPricedV2, upcast: (data) => data })).toThrow(
      'an upcaster from test.widget.priced.v1 is already registered',
    );
  });
});
