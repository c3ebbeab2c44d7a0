import { Injectable } from '@nestjs/common';
import { ComplianceOrchestratorScanV1, type CloudEvent } from '@cloudwright/contracts';
import { OnEvent, type HandlerContext } from '@cloudwright/messaging';
import { ComplianceScansService } from './compliance-scans.service';

/** JetStream adapter: `compliance-orchestrator.scan.v1` (CW_COMMANDS) → ComplianceScansService.scanForDeployment, in the handler's transaction. */
@Injectable()
export class ScanCommandConsumer {
  constructor(private readonly scans: ComplianceScansService) {}

  // scanning is CPU work: small batches keep the ack timer of the batch's last command well inside ackWait
  @OnEvent(ComplianceOrchestratorScanV1, { name: 'compliance-orchestrator-scan', batchSize: 8 })
  async handle(event: CloudEvent<ComplianceOrchestratorScanV1>, ctx: HandlerContext): Promise<void> {
    await this.scans.scanForDeployment(event, ctx);
  }
}
