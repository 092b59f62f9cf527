import { describe, expect, it } from 'vitest';
import { loggingConfig, loggingJvmFlag } from '../../../harness/logging.js';

describe('logging', () => {
  it('uses log4j 2 on 4.x and reload4j on 3.x', () => {
    expect(loggingJvmFlag({ version: '4.1.1', configFile: '/c/log4j2.properties' })).toBe(
      '-Dlog4j2.configurationFile=/c/log4j2.properties',
    );
    expect(loggingJvmFlag({ version: '3.9.1', configFile: '/c/log4j.properties' })).toBe(
      '-Dlog4j.configuration=file:///c/log4j.properties',
    );
  });

  it("writes a broker's log to its file and a tool's warnings to stderr", () => {
    expect(loggingConfig({ version: '4.1.1', logFile: '/d/server.log' }).content).toContain(
      'appender.out.fileName = /d/server.log',
    );
    expect(loggingConfig({ version: '4.1.1' }).content).toContain('appender.out.target = SYSTEM_ERR');
    expect(loggingConfig({ version: '3.9.1', logFile: '/d/server.log' }).content).toContain(
      'log4j.appender.out.File=/d/server.log',
    );
    expect(loggingConfig({ version: '3.9.1' }).content).toContain('log4j.rootLogger=WARN, out');
  });
});
