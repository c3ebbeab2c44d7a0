import type { Framework } from '../model';

/** NIST Cybersecurity Framework 2.0: the subcategories cloud infrastructure and its operation bear on. */
export const NIST_CSF_2_0: Framework = {
  id: 'nist-csf-2.0',
  name: 'NIST Cybersecurity Framework',
  version: '2.0',
  publisher: 'National Institute of Standards and Technology',
  url: 'https://www.nist.gov/cyberframework',
  aliases: ['nist-csf'],
  requirements: [
    // GOVERN
    { id: 'GV.PO-01', title: 'Policy for managing cybersecurity risks is established, communicated, and enforced', controls: [] },
    { id: 'GV.RR-02', title: 'Roles, responsibilities, and authorities related to cybersecurity risk management are established, communicated, understood, and enforced', controls: [] },
    { id: 'GV.SC-07', title: 'The risks posed by a supplier, their products and services, and other third parties are understood, assessed, and monitored', controls: ['ev.vendor-management'] },
    // IDENTIFY
    { id: 'ID.AM-02', title: 'Inventories of software, services, and systems managed by the organization are maintained', controls: ['tag.owner', 'bp.infrastructure-as-code'] },
    {
      id: 'ID.AM-03',
      title: "Representations of the organization's authorized network communication and internal and external network data flows are maintained",
      controls: ['ev.documentation'],
    },
    { id: 'ID.AM-05', title: 'Assets are prioritized based on classification, criticality, resources, and impact on the mission', controls: ['ev.data-classification', 'tag.compliance'] },
    { id: 'ID.AM-07', title: 'Inventories of data and corresponding metadata for designated data types are maintained', controls: ['ev.data-classification'] },
    { id: 'ID.AM-08', title: 'Systems, hardware, software, services, and data are managed throughout their life cycles', controls: ['rel.maintenance', 'cost.lifecycle'] },
    { id: 'ID.RA-01', title: 'Vulnerabilities in assets are identified, validated, and recorded', controls: ['ev.security-scanning'] },
    {
      id: 'ID.RA-05',
      title: 'Threats, vulnerabilities, likelihoods, and impacts are used to understand inherent risk and inform risk response prioritization',
      controls: ['ev.risk-assessment'],
    },
    { id: 'ID.RA-07', title: 'Changes and exceptions are managed, assessed for risk impact, recorded, and tracked', controls: ['ev.change-management'] },
    {
      id: 'ID.IM-04',
      title: 'Incident response plans and other cybersecurity plans that affect operations are established, communicated, maintained, and improved',
      controls: ['ev.incident-response', 'ev.dr-plan'],
    },
    // PROTECT
    {
      id: 'PR.AA-01',
      title: 'Identities and credentials for authorized users, services, and hardware are managed by the organization',
      controls: ['iam.static-credentials', 'iam.central-auth', 'iam.default-credentials', 'bp.hardcoded-secrets'],
    },
    {
      id: 'PR.AA-03',
      title: 'Users, services, and hardware are authenticated',
      controls: ['iam.mfa', 'iam.api-authentication', 'iam.managed-identity', 'k8s.legacy-auth', 'k8s.workload-identity'],
    },
    {
      id: 'PR.AA-05',
      title:
        'Access permissions, entitlements, and authorizations are defined in a policy, managed, enforced, and reviewed, and incorporate the principles of least privilege and separation of duties',
      controls: ['iam.least-privilege', 'iam.wildcard-policy', 'iam.default-service-account', 'kms.key-access', 'k8s.rbac', 'pub.object-storage', 'pub.database', 'ev.access-review'],
    },
    {
      id: 'PR.AT-01',
      title: 'Personnel are provided with awareness and training so that they possess the knowledge and skills to perform general tasks with cybersecurity risks in mind',
      controls: ['ev.training'],
    },
    {
      id: 'PR.AT-02',
      title:
        'Individuals in specialized roles are provided with awareness and training so that they possess the knowledge and skills to perform relevant tasks with cybersecurity risks in mind',
      controls: ['ev.training'],
    },
    {
      id: 'PR.DS-01',
      title: 'The confidentiality, integrity, and availability of data-at-rest are protected',
      controls: [
        'ear.object-storage',
        'ear.block-storage',
        'ear.file-storage',
        'ear.database',
        'ear.cache',
        'ear.messaging',
        'ear.logs',
        'ear.backups',
        'ear.secrets',
        'ear.customer-managed-key',
        'pub.object-storage',
        'pub.snapshot',
      ],
    },
    {
      id: 'PR.DS-02',
      title: 'The confidentiality, integrity, and availability of data-in-transit are protected',
      controls: ['eit.https-only', 'eit.min-tls', 'eit.database', 'eit.cache', 'eit.load-balancer', 'eit.internal'],
    },
    {
      id: 'PR.DS-11',
      title: 'Backups of data are created, protected, maintained, and tested',
      controls: ['bkp.enabled', 'bkp.retention', 'bkp.versioning', 'bkp.point-in-time', 'bkp.geo-redundancy', 'ear.backups'],
    },
    { id: 'PR.PS-01', title: 'Configuration management practices are established and applied', controls: ['bp.infrastructure-as-code', 'ev.version-control', 'ev.change-management'] },
    { id: 'PR.PS-02', title: 'Software is maintained, replaced, and removed commensurate with risk', controls: ['rel.maintenance', 'k8s.upgrades'] },
    {
      id: 'PR.PS-04',
      title: 'Log records are generated and made available for continuous monitoring',
      controls: ['log.audit-trail', 'log.database-audit', 'log.storage-access', 'log.network-flow', 'log.load-balancer', 'log.kubernetes', 'log.retention'],
    },
    { id: 'PR.PS-05', title: 'Installation and execution of unauthorized software are prevented', controls: ['k8s.approved-images'] },
    {
      id: 'PR.PS-06',
      title: 'Secure software development practices are integrated, and their performance is monitored throughout the software development life cycle',
      controls: ['ev.security-scanning', 'ev.automated-testing'],
    },
    {
      id: 'PR.IR-01',
      title: 'Networks and environments are protected from unauthorized logical access and usage',
      controls: [
        'net.admin-ports',
        'net.database-ports',
        'net.all-ports',
        'net.default-network',
        'net.private-endpoint',
        'net.least-privilege',
        'net.egress',
        'pub.compute',
        'pub.authorized-networks',
        'k8s.private-endpoint',
        'k8s.network-policy',
      ],
    },
    {
      id: 'PR.IR-03',
      title: 'Mechanisms are implemented to achieve resilience requirements in normal and adverse situations',
      controls: ['rel.multi-az', 'rel.load-balancing', 'rel.health-checks', 'bkp.geo-redundancy'],
    },
    { id: 'PR.IR-04', title: 'Adequate resource capacity to ensure availability is maintained', controls: ['perf.autoscaling', 'perf.quotas'] },
    // DETECT
    { id: 'DE.CM-01', title: 'Networks and network services are monitored to find potentially adverse events', controls: ['log.network-flow', 'log.threat-detection'] },
    { id: 'DE.CM-03', title: 'Personnel activity and technology usage are monitored to find potentially adverse events', controls: ['log.audit-trail'] },
    {
      id: 'DE.CM-09',
      title: 'Computing hardware and software, runtime environments, and their data are monitored to find potentially adverse events',
      controls: ['log.monitoring', 'log.threat-detection', 'log.kubernetes', 'log.database-audit', 'bp.antimalware'],
    },
    { id: 'DE.AE-02', title: 'Potentially adverse events are analyzed to better understand associated activities', controls: ['log.threat-detection'] },
    { id: 'DE.AE-06', title: 'Information on adverse events is provided to authorized staff and tools', controls: ['log.alerting'] },
    // RESPOND
    { id: 'RS.MA-01', title: 'The incident response plan is executed in coordination with relevant third parties once an incident is declared', controls: ['ev.incident-response'] },
    { id: 'RS.MA-02', title: 'Incident reports are triaged and validated', controls: ['ev.incident-response'] },
    { id: 'RS.AN-03', title: 'Analysis is performed to establish what has taken place during an incident and the root cause of the incident', controls: ['ev.incident-response'] },
    { id: 'RS.CO-02', title: 'Internal and external stakeholders are notified of incidents', controls: ['ev.incident-response'] },
    { id: 'RS.MI-01', title: 'Incidents are contained', controls: ['ev.incident-response', 'ev.runbooks'] },
    // RECOVER
    {
      id: 'RC.RP-01',
      title: 'The recovery portion of the incident response plan is executed once initiated from the incident response process',
      controls: ['ev.dr-plan'],
    },
    { id: 'RC.RP-02', title: 'Recovery actions are selected, scoped, prioritized, and performed', controls: ['ev.dr-plan', 'ev.runbooks'] },
    { id: 'RC.RP-03', title: 'The integrity of backups and other restoration assets is verified before using them for restoration', controls: ['ev.dr-plan'] },
    {
      id: 'RC.RP-05',
      title: 'The integrity of restored assets is verified, systems and services are restored, and normal operating status is confirmed',
      controls: ['ev.dr-plan', 'ev.rollback-procedure'],
    },
  ],
};
