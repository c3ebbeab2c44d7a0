import type { Rule } from '../../model';
import { API_PLAN_RULES, API_RULES } from './api';
import { ARCHITECTURE_PLAN_RULES } from './architecture';
import { COST_RULES } from './cost';
import { COST_PLAN_RULES } from './cost-plan';
import { CREDENTIAL_RULES } from './credentials';
import { EFFICIENCY_RULES } from './efficiency';
import { EVIDENCE_RULES } from './evidence';
import { IMAGE_RULES } from './images';
import { RESIDENCY_RULES } from './residency';
import { SCALING_RULES } from './scaling';
import { SECRET_RULES } from './secrets';
import { TAG_RULES } from './tags';

/**
 * Cross-cloud rules: generic resource rules (CW-GEN, `*` or multi-cloud resource types), plan-level rules (CW-GEN,
 * scope plan) and evidence rules (CW-EV). Per-cloud rules live in rules/aws, rules/azure, rules/gcp.
 *
 * US3.12 "validation rules" (phase-3 plan) → control topics, and what covers them
 * (R = resource rule, P = plan rule, E = evidence rule; "per-cloud" = rules in rules/aws|azure|gcp; GEN/EV ids here):
 *
 * Security
 *  1 Databases encrypted .................. ear.database                         R per-cloud
 *  2 Storage private ...................... pub.object-storage                   R per-cloud
 *  3 Connections use TLS .................. eit.https-only, eit.min-tls, eit.*    R per-cloud
 *  4 VMs have antimalware ................. bp.antimalware                       E CW-EV-0026
 *  5 Approved container images ............ k8s.approved-images                  R CW-GEN-0015
 *  6 No hard-coded secrets ................ bp.hardcoded-secrets                 R CW-GEN-0006
 *  7 APIs authenticated ................... iam.api-authentication               R CW-GEN-0009..0011 (+ per-cloud)
 *  8 APIs rate-limited .................... bp.api-rate-limiting                 R CW-GEN-0012, 0013; P CW-GEN-0014
 *  9 Databases backed up .................. bkp.enabled, bkp.retention           R per-cloud
 * 10 Network ACLs least privilege ......... net.least-privilege, net.*           R per-cloud
 * 11 Ports justified ...................... ev.port-justification (+ net.admin-ports, net.all-ports per-cloud)  E CW-EV-0002
 * 12 MFA for admin access ................. iam.mfa, ev.mfa-admin                E CW-EV-0014
 * 13 No default credentials ............... iam.default-credentials              R CW-GEN-0007, 0008 (and 0006)
 * 14 Logs retained per policy ............. log.retention                        R per-cloud
 * 15 Regular security assessments ......... ev.security-assessment               E CW-EV-0001
 * Compliance
 * 16 GDPR data residency .................. bp.data-residency                    R CW-GEN-0005 (needs stack allowedRegions)
 * 17 HIPAA audit logging .................. log.audit-trail, log.database-audit  R per-cloud
 * 18 PCI-DSS encryption in transit ........ eit.*                                R per-cloud
 * 19 PCI-DSS encryption at rest ........... ear.*                                R per-cloud
 * 20 SOC2 access logging .................. log.storage-access, log.load-balancer R per-cloud
 * 21 SOC2 availability monitoring ......... rel.availability-monitoring          E CW-EV-0024
 * 22 CIS benchmark met .................... framework mapping (frameworks/*: CIS AWS/Azure/GCP → controls)
 * 23 NIST controls implemented ............ framework mapping (frameworks/*: NIST 800-53 → controls)
 * 24 Tag: cost center ..................... tag.cost-center                      R CW-GEN-0002
 * 25 Tag: owner ........................... tag.owner                            R CW-GEN-0001
 * 26 Tag: compliance ...................... tag.compliance                       R CW-GEN-0004
 * 27 Tag: environment ..................... tag.environment                      R CW-GEN-0003
 * Cost
 * 28 No oversized SKUs .................... cost.right-size                      R CW-GEN-0023 (non-production only)
 * 29 Reserved instances for 30+ days ...... cost.commitment                      R CW-GEN-0025 (production, advice)
 * 30 Spot where appropriate ............... cost.spot                            R CW-GEN-0024 (non-production)
 * 31 Autoscaling for variable loads ....... perf.autoscaling                     P CW-GEN-0020; R CW-GEN-0021, 0022
 * 32 Unused resources detected ............ cost.unused                          P CW-GEN-0026
 * 33 Data transfer costs minimised ........ cost.data-transfer                   P CW-GEN-0027
 * 34 Storage lifecycle policies ........... cost.lifecycle                       R per-cloud
 * 35 Database size fits workload .......... cost.right-size                      R CW-GEN-0023 (aws_db_instance / cluster instances)
 * 36 Network bandwidth optimised .......... cost.data-transfer, perf.network     P CW-GEN-0027; R CW-GEN-0031
 * 37 Monitoring configured efficiently .... cost.log-volume                      R CW-GEN-0028, 0029
 * Performance
 * 38 Load balancers configured ............ rel.load-balancing                   P CW-GEN-0017
 * 39 Caching implemented .................. perf.caching                         P CW-GEN-0018
 * 40 CDN for static content ............... perf.cdn                             P CW-GEN-0019
 * 41 Database connection pooling .......... perf.connection-pooling              E CW-EV-0022
 * 42 Async processing ..................... bp.async-processing                  E CW-EV-0021
 * 43 Autoscaling configured ............... perf.autoscaling                     P CW-GEN-0020; R CW-GEN-0021, 0022
 * 44 Resource quotas set .................. perf.quotas                          E CW-EV-0023
 * 45 Network latency minimised ............ perf.network, perf.cdn               R CW-GEN-0031; P CW-GEN-0019
 * 46 Storage IOPS fit workload ............ perf.storage-iops                    R CW-GEN-0030
 * 47 Compute matches workload ............. cost.right-size, perf.autoscaling    R CW-GEN-0023, 0021
 * Best practices
 * 48 Infrastructure as code ............... bp.infrastructure-as-code            P CW-GEN-0016
 * 49 Version control ...................... ev.version-control                   E CW-EV-0003
 * 50 Automated testing .................... ev.automated-testing                 E CW-EV-0004
 * 51 Blue-green deployment ................ ev.blue-green                        E CW-EV-0005
 * 52 Rollback procedures .................. ev.rollback-procedure                E CW-EV-0006
 * 53 Documentation complete ............... ev.documentation                     E CW-EV-0007
 * 54 DR plan exists ....................... ev.dr-plan                           E CW-EV-0008
 * 55 Monitoring dashboards ................ ev.dashboards                        E CW-EV-0009
 * 56 Alerting rules ....................... log.alerting                         E CW-EV-0025
 * 57 Runbooks ............................. ev.runbooks                          E CW-EV-0010
 * 58 Security scanning .................... ev.security-scanning                 E CW-EV-0011
 * 59 Dependency tracking .................. ev.dependency-tracking               E CW-EV-0012
 * 60 Change management .................... ev.change-management                 E CW-EV-0013
 * Other ev.* topics with evidence rules: ev.incident-response (CW-EV-0015), ev.training (0016), ev.risk-assessment
 * (0017), ev.vendor-management (0018), ev.access-review (0019), ev.data-classification (0020).
 */
export const GENERIC_RULES: readonly Rule[] = [
  ...TAG_RULES,
  ...RESIDENCY_RULES,
  ...SECRET_RULES,
  ...CREDENTIAL_RULES,
  ...API_RULES,
  ...API_PLAN_RULES,
  ...IMAGE_RULES,
  ...ARCHITECTURE_PLAN_RULES,
  ...SCALING_RULES,
  ...COST_RULES,
  ...COST_PLAN_RULES,
  ...EFFICIENCY_RULES,
  ...EVIDENCE_RULES,
];
