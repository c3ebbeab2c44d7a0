import 'reflect-metadata';
import { EventContract } from '@cloudwright/contracts';
import { IsInt, IsNumber, IsString, Min } from 'class-validator';

/** The bench's own small event (~200 bytes of data inside a ~450-byte CloudEvent). Never published outside the bench. */
@EventContract({
  domain: 'bench',
  entity: 'probe',
  verb: 'sent',
  version: 1,
  producer: 'bench',
  description: 'Benchmark probe event (tools/bench); carries its publish time for latency figures',
})
export class BenchProbeSentV1 {
  @IsInt()
  @Min(0)
  n!: number;

  /** performance.timeOrigin + performance.now() at publish, in ms (same process as the handler). */
  @IsNumber()
  sentAt!: number;

  @IsString()
  pad!: string;
}

export const PAD = 'x'.repeat(120);

/** Wall-clock milliseconds with sub-millisecond precision. */
export const nowMs = (): number => performance.timeOrigin + performance.now();
