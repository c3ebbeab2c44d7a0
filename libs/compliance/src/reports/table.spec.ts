import { CONTROL_FOUND, HOSTILE_ADDRESS, makeReport } from './__tests__/report-factory';
import { toTable } from './table';

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[/;

describe('toTable', () => {
  const report = makeReport();
  const text = toTable(report);
  const lines = text.split('\n');

  it('has no colour unless asked', () => {
    expect(text).not.toMatch(ANSI);
    const coloured = toTable(report, { color: true });
    expect(coloured).toMatch(ANSI);
    // colour changes nothing but the escapes
    // eslint-disable-next-line no-control-regex
    expect(coloured.replace(/\u001b\[[0-9;]*m/g, '')).toBe(text);
  });

  it('shows scores per framework with every count', () => {
    const header = lines.find((l) => l.startsWith('Framework'));
    expect(header?.split(/\s+/)).toEqual(['Framework', 'Score', 'Passed', 'Failed', 'Unknown', 'Manual', 'Muted', 'N/A']);
    const cis = lines.find((l) => l.startsWith('cis-aws-foundations'));
    expect(cis?.split(/\s+/)).toEqual(['cis-aws-foundations', '3.0.0', '62.5', '5', '3', '1', '2', '1', '4']);
    const pci = lines.find((l) => l.startsWith('pci-dss-4.0'));
    expect(pci?.split(/\s+/)).toEqual(['pci-dss-4.0', '4.0.1', 'n/a', '0', '0', '1', '3', '0', '0']);
    expect(text).toContain('Overall score: 58.3');
  });

  it('groups findings by severity with status, rule, address, message and remediation hint', () => {
    const headings = lines.filter((l) => /^(CRITICAL|HIGH|MEDIUM|LOW|INFO) \(\d+\)$/.test(l));
    expect(headings).toEqual(['CRITICAL (1)', 'HIGH (3)', 'MEDIUM (2)', 'LOW (3)', 'INFO (1)']);
    const at = lines.findIndex((l) => l.includes('CW-AWS-0002'));
    expect(lines[at]).toMatch(/^ {2}FAIL +CW-AWS-0002 +aws_security_group\.admin$/);
    expect(lines[at + 1].trim()).toBe('aws_security_group.admin fail "Security groups do not open SSH to the internet"');
    expect(lines[at + 2].trim()).toBe('fix: Restrict SSH to a bastion CIDR.');
    expect(text).toContain(`FAIL     CW-AWS-0001  ${HOSTILE_ADDRESS}`);
    expect(text).toContain('waived by W-7 (web-team@example.com, until 2099-12-31)');
    expect(text).toContain('known after apply; to pass: logging.log_bucket set');
    expect(text).toMatch(/MANUAL +CW-EV-0001 +\(stack\)/);
    expect(text).not.toContain('aws_lb.internal_nlb');
  });

  it('ends with a summary line of counts by status and not-applicable resources', () => {
    expect(lines[lines.length - 2]).toBe(
      'Summary: 6 fail, 1 unknown, 1 manual, 1 muted, 1 pass, 1 not applicable · 14 resources, 1 not applicable (no rule covers their type)',
    );
    expect(text.endsWith('\n')).toBe(true);
  });

  it('keeps plan values from driving the terminal', () => {
    const hostile = makeReport({ findings: [{ ...report.findings[0], address: 'a\u001b[2Jb', message: `two\nlines ${CONTROL_FOUND}` }] });
    const out = toTable(hostile);
    // eslint-disable-next-line no-control-regex
    expect(out).not.toMatch(/[\u0000\u001b\u009b]/);
    expect(out).toContain('a\\u001B[2Jb');
    expect(out).toContain('two lines tags');
  });

  it('says so when there is nothing to list', () => {
    expect(toTable(makeReport({ findings: [] }))).toContain('No findings to show.');
  });
});
