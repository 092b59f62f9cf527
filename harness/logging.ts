// Kafka's jars bring no logging backend: the harness adds one (fetch.ts) and writes its config here.
// Kafka 4.x logs through log4j 2, 3.x through reload4j (log4j 1).
import { pathToFileURL } from 'node:url';
import { propertyValue } from './properties.js';
import { parseKafkaVersion } from './version.js';

/** A logging config file: its conventional name and its text. */
export interface LoggingConfig {
  readonly fileName: string;
  readonly content: string;
}

/**
 * With `logFile` everything at INFO goes to that file (a broker); without, WARN and above go to stderr
 * (Kafka's tools, whose stdout carries their results).
 */
export function loggingConfig({ version, logFile }: { version: string; logFile?: string }): LoggingConfig {
  const pattern = '[%d] %p %m (%c)%n';
  if (parseKafkaVersion(version).major >= 4) {
    const appender = logFile
      ? ['appender.out.type = File', `appender.out.fileName = ${propertyValue(logFile)}`]
      : ['appender.out.type = Console', 'appender.out.target = SYSTEM_ERR'];
    return {
      fileName: logFile ? 'log4j2.properties' : 'tools-log4j2.properties',
      content: [
        'status = warn',
        ...appender,
        'appender.out.name = out',
        'appender.out.layout.type = PatternLayout',
        `appender.out.layout.pattern = ${pattern}`,
        `rootLogger.level = ${logFile ? 'info' : 'warn'}`,
        'rootLogger.appenderRef.out.ref = out',
        'logger.request.name = kafka.request.logger',
        'logger.request.level = warn',
        '',
      ].join('\n'),
    };
  }
  const appender = logFile
    ? ['log4j.appender.out=org.apache.log4j.FileAppender', `log4j.appender.out.File=${propertyValue(logFile)}`]
    : ['log4j.appender.out=org.apache.log4j.ConsoleAppender', 'log4j.appender.out.Target=System.err'];
  return {
    fileName: logFile ? 'log4j.properties' : 'tools-log4j.properties',
    content: [
      `log4j.rootLogger=${logFile ? 'INFO' : 'WARN'}, out`,
      ...appender,
      'log4j.appender.out.layout=org.apache.log4j.PatternLayout',
      `log4j.appender.out.layout.ConversionPattern=${pattern}`,
      'log4j.logger.kafka.request.logger=WARN',
      '',
    ].join('\n'),
  };
}

/** The JVM flag that points the logging backend of this Kafka version at a config file. */
export function loggingJvmFlag({ version, configFile }: { version: string; configFile: string }): string {
  return parseKafkaVersion(version).major >= 4
    ? `-Dlog4j2.configurationFile=${configFile}`
    : `-Dlog4j.configuration=${pathToFileURL(configFile).href}`;
}
