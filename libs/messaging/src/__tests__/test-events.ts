import { EventContract } from '@cloudwright/contracts';
import { IsInt, IsString, Min } from 'class-validator';

/** A test-only event whose CloudEvent subject (and outbox ordering key) is the gadget id. */
@EventContract({ domain: 'test', entity: 'gadget', verb: 'changed', version: 1, producer: 'test', description: 'test event', subjectField: 'gadgetId' })
export class GadgetChangedV1 {
  @IsString()
  gadgetId!: string;

  @IsInt()
  @Min(0)
  n!: number;
}

export const GADGET_CHANGED_SUBJECT = 'cw.evt.test.gadget.changed.v1';
