import { Controller, Get, Header, Res } from '@nestjs/common';
import { MessagingRuntime, ApiAccess } from '@cloudwright/messaging';

interface ReplyLike {
  status(code: number): ReplyLike;
  send(body: unknown): void;
}

/** `/health` (one indicator per dependency; 503 when one is down) and `/metrics` (Prometheus text format). */
@ApiAccess('public')
@Controller()
export class HealthController {
  constructor(private readonly messaging: MessagingRuntime) {}

  @Get('health')
  async health(@Res() reply: ReplyLike): Promise<void> {
    const report = await this.messaging.health();
    reply.status(report.status === 'up' ? 200 : 503).send(report);
  }

  @Get('metrics')
  @Header('content-type', 'text/plain; version=0.0.4')
  metrics(): Promise<string> {
    return this.messaging.metrics.registry.metrics();
  }
}
