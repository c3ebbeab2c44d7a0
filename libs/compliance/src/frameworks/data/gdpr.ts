import type { Framework } from '../model';

/**
 * GDPR (Regulation (EU) 2016/679): the articles that bear on the infrastructure holding personal data, plus the
 * process articles around them. Ids are article (paragraph, point) citations; titles are the article titles (for
 * Art. 5 and 32 the named principle or measure). Transfers (Chapter V) map to data residency.
 */
export const GDPR: Framework = {
  id: 'gdpr',
  name: 'General Data Protection Regulation',
  version: 'Regulation (EU) 2016/679',
  publisher: 'European Parliament and Council of the European Union',
  url: 'https://eur-lex.europa.eu/eli/reg/2016/679/oj',
  aliases: ['eu-gdpr'],
  requirements: [
    { id: 'Art. 5(1)(a)', title: 'Lawfulness, fairness and transparency', controls: [] },
    { id: 'Art. 5(1)(b)', title: 'Purpose limitation', controls: [] },
    { id: 'Art. 5(1)(c)', title: 'Data minimisation', controls: [] },
    { id: 'Art. 5(1)(e)', title: 'Storage limitation', controls: ['cost.lifecycle', 'log.retention'] },
    { id: 'Art. 5(1)(f)', title: "Integrity and confidentiality ('appropriate security of the personal data')", controls: ['ear.database', 'ear.object-storage', 'ear.block-storage', 'eit.https-only', 'eit.min-tls', 'pub.database', 'pub.object-storage', 'iam.least-privilege'] },
    { id: 'Art. 5(2)', title: 'Accountability', controls: ['ev.documentation'] },
    { id: 'Art. 17', title: "Right to erasure ('right to be forgotten')", controls: [] },
    { id: 'Art. 24', title: 'Responsibility of the controller', controls: [] },
    { id: 'Art. 25(1)', title: 'Data protection by design', controls: ['ear.database', 'ear.object-storage', 'ev.data-classification'] },
    { id: 'Art. 25(2)', title: 'Data protection by default', controls: ['pub.object-storage', 'pub.database', 'pub.snapshot', 'iam.least-privilege'] },
    { id: 'Art. 28', title: 'Processor', controls: ['ev.vendor-management'] },
    { id: 'Art. 30', title: 'Records of processing activities', controls: ['ev.data-classification', 'tag.compliance', 'tag.owner'] },
    { id: 'Art. 32(1)(a)', title: 'Security of processing: the pseudonymisation and encryption of personal data', controls: ['ear.database', 'ear.object-storage', 'ear.block-storage', 'ear.file-storage', 'ear.backups', 'ear.customer-managed-key', 'eit.https-only', 'eit.min-tls', 'eit.database'] },
    { id: 'Art. 32(1)(b)', title: 'Security of processing: ongoing confidentiality, integrity, availability and resilience of processing systems and services', controls: ['iam.least-privilege', 'iam.mfa', 'net.admin-ports', 'net.database-ports', 'rel.multi-az', 'log.audit-trail'] },
    { id: 'Art. 32(1)(c)', title: 'Security of processing: ability to restore availability and access to personal data in a timely manner', controls: ['bkp.enabled', 'bkp.retention', 'bkp.point-in-time', 'bkp.geo-redundancy'] },
    { id: 'Art. 32(1)(d)', title: 'Security of processing: regularly testing, assessing and evaluating the effectiveness of the measures', controls: ['ev.security-assessment', 'ev.dr-plan'] },
    { id: 'Art. 32(2)', title: 'Security of processing: assessing the risks presented by processing', controls: ['ev.risk-assessment'] },
    { id: 'Art. 33', title: 'Notification of a personal data breach to the supervisory authority', controls: ['ev.incident-response', 'log.threat-detection'] },
    { id: 'Art. 34', title: 'Communication of a personal data breach to the data subject', controls: ['ev.incident-response'] },
    { id: 'Art. 35', title: 'Data protection impact assessment', controls: ['ev.risk-assessment'] },
    { id: 'Art. 37', title: 'Designation of the data protection officer', controls: [] },
    { id: 'Art. 39', title: 'Tasks of the data protection officer (including awareness-raising and training of staff)', controls: ['ev.training'] },
    { id: 'Art. 44', title: 'General principle for transfers', controls: ['bp.data-residency'] },
    { id: 'Art. 45', title: 'Transfers on the basis of an adequacy decision', controls: ['bp.data-residency'] },
    { id: 'Art. 46', title: 'Transfers subject to appropriate safeguards', controls: ['bp.data-residency'] },
  ],
};
