import { ComplianceAlertEntity } from '../../alerts/compliance-alert.entity';
import { EvidenceEntity } from '../../evidence/evidence.entity';
import { PolicyEntity } from '../../policies/policy.entity';
import { ComplianceScanEntity, FrameworkScoreEntity, ScanFindingEntity } from '../../scans/compliance-scan.entity';
import { WaiverEntity } from '../../waivers/waiver.entity';

/** Every TypeORM entity of the compliance service (private to this service). */
export const COMPLIANCE_ENTITIES = [ComplianceScanEntity, FrameworkScoreEntity, ScanFindingEntity, WaiverEntity, EvidenceEntity, PolicyEntity, ComplianceAlertEntity];
