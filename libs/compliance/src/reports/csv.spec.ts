import { CONTROL_FOUND, HOSTILE_ADDRESS, HOSTILE_FOUND, makeReport } from './__tests__/report-factory';
import { parseCsv } from './__tests__/parsers';
import { CSV_COLUMNS, csvCell, toCsv } from './csv';

describe('toCsv', () => {
  const report = makeReport();
  const text = toCsv(report);
  const rows = parseCsv(text);

  it('writes a header row and one CRLF-terminated row per finding', () => {
    expect(rows[0]).toEqual([
      'ruleId',
      'title',
      'category',
      'severity',
      'status',
      'address',
      'resourceType',
      'cloud',
      'region',
      'frameworks',
      'found',
      'expected',
      'remediation',
      'waiverOwner',
      'waiverExpires',
    ]);
    expect(rows).toHaveLength(report.findings.length + 1);
    expect(rows.every((r) => r.length === CSV_COLUMNS.length)).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('round-trips every value (formula cells get their leading quote)', () => {
    const records = rows.slice(1).map((r) => Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, r[i]])));
    report.findings.forEach((f, i) => {
      expect(records[i]).toMatchObject({
        ruleId: f.ruleId,
        title: f.title,
        status: f.status,
        address: f.address,
        resourceType: f.resourceType ?? '',
        region: f.region ?? '',
        remediation: f.remediation.text,
      });
    });
    const hostile = records.find((r) => r.address === HOSTILE_ADDRESS);
    expect(hostile?.frameworks).toBe('cis-aws-foundations:2.3.1;cis-aws-foundations:5.2;pci-dss-4.0:3.5.1');
    const azure = records.find((r) => r.ruleId === 'CW-AZ-0001');
    expect(azure?.found).toBe(`'${HOSTILE_FOUND}`);
    expect(azure?.expected).toBe('min_tls_version = "TLS1_2"');
    const muted = records.find((r) => r.status === 'muted');
    expect(muted).toMatchObject({ waiverOwner: 'web-team@example.com', waiverExpires: '2099-12-31' });
    const manual = records.find((r) => r.status === 'manual');
    expect(manual).toMatchObject({ resourceType: '', cloud: '', frameworks: '', found: '' });
  });

  it('writes control characters as visible escapes', () => {
    const web = rows.find((r) => r[0] === 'CW-GEN-0001');
    expect(web?.[10]).toBe(CONTROL_FOUND.replace('\u001b', '\\u001B').replace('\u0000', '\\u0000'));
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u0000\u001b]/);
  });
});

describe('csvCell', () => {
  it('quotes fields with commas, quotes and line breaks', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\rhere')).toBe('"cr\rhere"');
    expect(csvCell('')).toBe('');
  });

  it('neutralises spreadsheet formulas', () => {
    expect(csvCell('=1+2')).toBe("'=1+2");
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=cmd')).toBe("'\t=cmd");
    expect(csvCell('=HYPERLINK("http://x", "y")')).toBe('"\'=HYPERLINK(""http://x"", ""y"")"');
    expect(csvCell('a=b')).toBe('a=b');
  });
});
