import { Inject, Injectable } from '@nestjs/common';
import { Counter, Histogram, type Registry } from 'prom-client';

export const METRICS_REGISTRY = Symbol('METRICS_REGISTRY');

/** Prometheus metrics of the compliance service (beside the messaging layer's `cw_messaging_*`). */
@Injectable()
export class ComplianceMetrics {
  /** Scans by source (command, http, query), status (scanned, failed, republished) and verdict. */
  readonly scans: Counter<'source' | 'status' | 'verdict'>;
  readonly scanSeconds: Histogram<'source'>;
  readonly alerts: Counter<'kind' | 'action'>;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    this.scans = new Counter({ name: 'cw_compliance_scans_total', help: 'Plan scans by source, status and gate verdict', labelNames: ['source', 'status', 'verdict'], registers: [registry] });
    this.scanSeconds = new Histogram({
      name: 'cw_compliance_scan_duration_seconds',
      help: 'Time to scan a plan (load, rules, scores), by source',
      labelNames: ['source'],
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
    this.alerts = new Counter({ name: 'cw_compliance_alerts_total', help: 'Compliance alerts raised and resolved, by kind', labelNames: ['kind', 'action'], registers: [registry] });
  }
}
