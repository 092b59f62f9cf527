import { describe, expect, it } from 'vitest';
import { resolveFormat, resolveReportConfig } from '../../../src/config/report-config.js';
import { UsageError } from '../../../src/errors.js';

describe('resolveFormat', () => {
  it('reads --format, with --json and --markdown as its shortcuts', () => {
    expect(resolveFormat({})).toBe('default');
    expect(resolveFormat({ format: 'kafka' })).toBe('kafka');
    expect(resolveFormat({ json: true })).toBe('json');
    expect(resolveFormat({ json: true, format: 'json' })).toBe('json');
    expect(resolveFormat({ markdown: true })).toBe('markdown');
  });

  it('names the flags of a format that does not exist or of two that conflict', () => {
    expect(() => resolveFormat({ format: 'xml' })).toThrow(new UsageError("--format: 'xml' is not one of default, kafka, json, markdown"));
    expect(() => resolveFormat({ json: true, format: 'kafka' })).toThrow(new UsageError('--json and --format kafka cannot be used together'));
    expect(() => resolveFormat({ json: true, markdown: true })).toThrow(new UsageError('--json and --markdown cannot be used together; give one'));
  });
});

describe('resolveReportConfig', () => {
  it('is the format, --print-metrics, the files to write and the gates, frozen', () => {
    const c = resolveReportConfig({ markdown: true, printMetrics: true, assert: ['p99 < 5ms'] });
    expect(c).toMatchObject({ format: 'markdown', printMetrics: true, hdrLogPath: undefined, htmlPath: undefined, baseline: undefined });
    expect(c.assertions.map((a) => a.expression)).toEqual(['p99 < 5ms']);
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('needs --baseline for --max-regression and --regression-metrics', () => {
    expect(() => resolveReportConfig({ maxRegression: '5%' })).toThrow(new UsageError('--max-regression needs --baseline FILE'));
    expect(() => resolveReportConfig({ regressionMetrics: 'p99' })).toThrow(new UsageError('--regression-metrics needs --baseline FILE'));
  });
});
