import { CONTROL_FOUND, HOSTILE_ADDRESS, HOSTILE_FOUND, makeReport } from './__tests__/report-factory';
import { elements, parseXml } from './__tests__/parsers';
import { toJunit } from './junit';

describe('toJunit', () => {
  const report = makeReport();
  const xml = toJunit(report);
  const root = parseXml(xml);
  const cases = elements(root, 'testcase');

  it('is well-formed XML 1.0 with a testsuites root', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')).toBe(true);
    expect(root.name).toBe('testsuites');
    expect(root.attrs).toMatchObject({ tests: '11', failures: '6', errors: '0', skipped: '4', time: '1.234' });
  });

  it('has one testsuite per category and one testcase per finding', () => {
    expect(cases).toHaveLength(report.findings.length);
    const suites = elements(root, 'testsuite');
    expect(suites.map((s) => s.attrs.name)).toEqual([...new Set(report.findings.map((f) => f.category))].sort((a, b) => order(a) - order(b)));
    for (const suite of suites) {
      const inSuite = report.findings.filter((f) => f.category === suite.attrs.name);
      expect(suite.attrs.tests).toBe(String(inSuite.length));
      expect(suite.attrs.failures).toBe(String(inSuite.filter((f) => f.status === 'fail').length));
      expect(suite.attrs.skipped).toBe(String(inSuite.filter((f) => !['fail', 'pass'].includes(f.status)).length));
      expect(elements(suite, 'testcase')).toHaveLength(inSuite.length);
    }
    for (const f of report.findings) expect(cases.some((c) => c.attrs.classname === f.ruleId && c.attrs.name === f.address)).toBe(true);
  });

  it('reports failures with the severity as type and found/expected/remediation in the body', () => {
    const hostile = cases.find((c) => c.attrs.name === HOSTILE_ADDRESS);
    expect(hostile).toBeDefined();
    const [failure] = elements(hostile ?? root, 'failure');
    expect(failure.attrs.type).toBe('high');
    expect(failure.attrs.message).toContain(HOSTILE_ADDRESS);
    expect(failure.text).toContain('Found: storage_encrypted = false');
    expect(failure.text).toContain('Expected: storage_encrypted = true');
    expect(failure.text).toContain('Remediation (effort medium): Set storage_encrypted = true.');
    const azure = cases.find((c) => c.attrs.classname === 'CW-AZ-0001');
    expect(elements(azure ?? root, 'failure')[0].text).toContain(`Found: ${HOSTILE_FOUND}`);
    expect(elements(root, 'failure')).toHaveLength(report.findings.filter((f) => f.status === 'fail').length);
  });

  it('skips unknown, manual, muted and not-applicable findings with a message', () => {
    const skipped = (classname: string) => elements(cases.find((c) => c.attrs.classname === classname) ?? root, 'skipped')[0]?.attrs.message;
    expect(skipped('CW-GCP-0001')).toMatch(/^unknown until apply: .*to pass: logging\.log_bucket set$/);
    expect(skipped('CW-EV-0001')).toMatch(/^manual: .*Do runbooks exist\?$/);
    expect(skipped('CW-AWS-0003')).toBe('muted by waiver W-7 (owner web-team@example.com, expires 2099-12-31): Public website bucket, approved by "security" & <legal>');
    const lb = cases.filter((c) => c.attrs.classname === 'CW-AWS-0004');
    expect(lb.map((c) => elements(c, 'skipped').length)).toEqual([0, 1]);
    expect(elements(root, 'skipped')).toHaveLength(4);
  });

  it('escapes control characters XML 1.0 cannot carry', () => {
    // eslint-disable-next-line no-control-regex
    expect(xml).not.toMatch(/[\u0000\u001b]/);
    const web = cases.find((c) => c.attrs.classname === 'CW-GEN-0001');
    expect(elements(web ?? root, 'failure')[0].text).toContain(CONTROL_FOUND.replace('\u001b', '\\u001B').replace('\u0000', '\\u0000'));
  });

  it('keeps line breaks in attribute values', () => {
    const report2 = makeReport({ findings: [{ ...report.findings[0], address: 'a\r\nb\tc', message: 'line 1\nline 2' }] });
    const parsed = parseXml(toJunit(report2));
    const [testcase] = elements(parsed, 'testcase');
    expect(testcase.attrs.name).toBe('a\r\nb\tc');
    expect(elements(testcase, 'failure')[0].attrs.message).toBe('line 1\nline 2');
  });

  it('writes a well-formed document for an empty scan', () => {
    const empty = parseXml(toJunit(makeReport({ findings: [] })));
    expect(empty.attrs.tests).toBe('0');
    expect(elements(empty, 'testsuite')).toHaveLength(1);
  });
});

function order(category: string): number {
  return [
    'encryption-at-rest',
    'encryption-in-transit',
    'public-access',
    'network-exposure',
    'identity-access',
    'key-management',
    'backup-recovery',
    'logging-monitoring',
    'kubernetes-security',
    'tagging',
    'cost',
    'performance',
    'reliability',
    'best-practice',
  ].indexOf(category);
}
