import type { Finding } from '../scan/report';
import { HOSTILE_ADDRESS, makeReport } from './__tests__/report-factory';
import { toHtml } from './html';

function section(html: string, id: string): string {
  const start = html.indexOf(`<section id="${id}">`);
  expect(start).toBeGreaterThanOrEqual(0);
  return html.slice(start, html.indexOf('</section>', start));
}

describe('toHtml', () => {
  const report = makeReport();
  const html = toHtml(report);

  it('is one self-contained document: inline CSS, no script, no external asset', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(html).toContain('<style>');
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(|\ssrc=/i);
  });

  it('escapes values from user plans', () => {
    expect(html).not.toContain('<script>');
    expect(html).toContain('aws_db_instance.db[&quot;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39;&quot;]');
    expect(html).not.toContain(HOSTILE_ADDRESS);
    expect(html).toContain('null_resource.&lt;b&gt;bold&lt;/b&gt;');
    expect(html).not.toContain('<b>bold');
    expect(html).toContain('approved by &quot;security&quot; &amp; &lt;legal&gt;');
    // eslint-disable-next-line no-control-regex
    expect(html).not.toMatch(/[\u0000\u001b]/);
  });

  it('only links http(s) references', () => {
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('<a href="https://docs.example.test/CW-AWS-0001">');
  });

  it('has every section with its content', () => {
    const summary = section(html, 'summary');
    expect(summary).toContain('Executive summary');
    expect(summary).toContain('58.3');
    expect(summary).toContain('Top risks');
    expect(summary.indexOf('CW-AWS-0002')).toBeLessThan(summary.indexOf('CW-AWS-0001'));

    const frameworks = section(html, 'frameworks');
    expect(frameworks).toContain('CIS Amazon Web Services Foundations Benchmark');
    expect(frameworks).toContain('62.5');
    expect(frameworks).toContain('style="width:62.5%"');
    expect(frameworks).toContain('Ensure that encryption is enabled for RDS instances');

    const findings = section(html, 'findings');
    for (const sev of ['Critical', 'High', 'Medium', 'Low', 'Info']) expect(findings).toContain(`${sev} (`);
    expect(findings.indexOf('Critical (')).toBeLessThan(findings.indexOf('High ('));
    expect(findings).toContain('Restrict SSH to a bastion CIDR.');
    expect(findings).toContain('Waived by <code>W-7</code>');
    expect(findings).not.toContain('aws_lb.internal_nlb');
    expect(findings).toContain('1 not-applicable result not listed');

    const plan = section(html, 'remediation');
    expect(plan).toContain('Remediation plan');
    expect(plan).toContain('<pre>storage_encrypted = true\n# ``` fence inside</pre>');
    expect(plan).toContain("<pre>minimumTlsVersion: &#39;TLS1_2&#39;</pre>");
    // muted, unknown and manual findings are not remediation steps
    expect(plan).not.toContain('CW-AWS-0003');
    expect(plan).not.toContain('CW-GCP-0001');

    const audit = section(html, 'audit');
    for (const text of ['7b0e1c52-3f0a-4d5e-9a61-1f2d3c4b5a69', '2025-03-04T10:20:30.000Z', 'alice@example.com', 'cloudwright-builtin@1.0.0+abcdef123456', 'plans/prod plan.json', 'a'.repeat(64), 'W-7', 'W-3', 'waivers.yaml']) {
      expect(audit).toContain(text);
    }
  });

  it('orders the remediation plan by severity, then effort', () => {
    const base = report.findings[0];
    const mk = (ruleId: string, severity: Finding['severity'], effort: Finding['remediation']['effort']): Finding => ({
      ...base,
      ruleId,
      severity,
      address: `x.${ruleId}`,
      remediation: { ...base.remediation, effort },
    });
    const plan = section(
      toHtml(makeReport({ findings: [mk('R-MED-HIGH', 'medium', 'high'), mk('R-HIGH-HIGH', 'high', 'high'), mk('R-MED-LOW', 'medium', 'low'), mk('R-CRIT', 'critical', 'medium')] })),
      'remediation',
    );
    const at = (id: string) => plan.indexOf(`<code>${id}</code>`);
    expect([at('R-CRIT'), at('R-HIGH-HIGH'), at('R-MED-LOW'), at('R-MED-HIGH')].every((v, i, a) => v > 0 && (i === 0 || v > a[i - 1]))).toBe(true);
  });

  it('prints sensibly: page breaks between sections, repeated table headers', () => {
    expect(html).toContain('@media print');
    expect(html).toMatch(/section \+ section \{ break-before: page; page-break-before: always; \}/);
    expect(html).toContain('thead { display: table-header-group; }');
  });

  it('balances its structural tags', () => {
    for (const tag of ['section', 'table', 'thead', 'tbody', 'tr', 'ol', 'ul', 'li', 'h2', 'h3', 'pre', 'code', 'p']) {
      const opened = html.match(new RegExp(`<${tag}[\\s>]`, 'g'))?.length ?? 0;
      const closed = html.match(new RegExp(`</${tag}>`, 'g'))?.length ?? 0;
      expect(`${tag}: ${closed}`).toBe(`${tag}: ${opened}`);
    }
  });

  it('renders an empty scan', () => {
    const empty = toHtml(makeReport({ findings: [], scores: { overall: null, frameworks: [] } }));
    expect(empty).toContain('No failing findings.');
    expect(empty).toContain('Nothing to remediate');
    expect(empty).toContain('No framework selected.');
    expect(section(empty, 'summary')).toContain('n/a');
  });
});
