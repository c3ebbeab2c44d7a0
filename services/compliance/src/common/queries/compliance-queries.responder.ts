import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { ComplianceQuerySubjects, DomainError, ErrorCode } from '@cloudwright/contracts';
import { MessagingRuntime } from '@cloudwright/messaging';
import { HistoryService, type FindingsFilter, type ScoresFilter, type TrendFilter } from '../../history/history.service';
import { ComplianceScansService } from '../../scans/compliance-scans.service';
import { WaiversService, type WaiverFilter } from '../../waivers/waivers.service';
import { compareCloudsForPlan } from './compare-clouds.query';

const asObject = (q: unknown): Record<string, unknown> => (typeof q === 'object' && q !== null && !Array.isArray(q) ? (q as Record<string, unknown>) : {});

/** Request/reply adapter: serves ComplianceQuerySubjects with the same service methods as HTTP. */
@Injectable()
export class ComplianceQueriesResponder implements OnApplicationBootstrap {
  constructor(
    private readonly runtime: MessagingRuntime,
    private readonly scans: ComplianceScansService,
    private readonly history: HistoryService,
    private readonly waivers: WaiversService,
  ) {}

  onApplicationBootstrap(): void {
    // the query scans and answers; only HTTP stores on-demand scans
    this.runtime.serveQuery(ComplianceQuerySubjects.Scan, (q: unknown) => this.scans.scan(q, { store: false }));
    this.runtime.serveQuery(ComplianceQuerySubjects.Scores, (q: ScoresFilter) => this.history.latestScores(asObject(q)));
    this.runtime.serveQuery(ComplianceQuerySubjects.ScanById, (q: { scanId?: string; deploymentId?: string }) => {
      const query = asObject(q);
      if (typeof query.scanId === 'string') return this.scans.get(query.scanId);
      if (typeof query.deploymentId === 'string') return this.scans.getByDeployment(query.deploymentId);
      return Promise.reject(new DomainError(ErrorCode.ValidationFailed, 'send { "scanId" } or { "deploymentId" }'));
    });
    this.runtime.serveQuery(ComplianceQuerySubjects.Findings, (q: FindingsFilter) => this.history.findings(asObject(q)));
    this.runtime.serveQuery(ComplianceQuerySubjects.Trends, (q: TrendFilter) => this.history.trends(asObject(q)));
    this.runtime.serveQuery(ComplianceQuerySubjects.Waivers, (q: WaiverFilter) => this.waivers.list(asObject(q)));
    this.runtime.serveQuery(ComplianceQuerySubjects.CompareClouds, (q: unknown) => compareCloudsForPlan(q));
  }
}
