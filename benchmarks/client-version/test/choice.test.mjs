import { describe, expect, it } from 'vitest';
import { choose, formatClientVersionMarkdown, scenarioVerdict } from '../markdown.mjs';

const range = (min, max) => ({ minRecordsPerSec: min, maxRecordsPerSec: max });

describe('scenarioVerdict', () => {
  it('favours a version only when its slowest round beats the other one\'s fastest', () => {
    expect(scenarioVerdict(range(100, 120), range(121, 130))).toBe('candidate');
    expect(scenarioVerdict(range(131, 140), range(121, 130))).toBe('current');
    expect(scenarioVerdict(range(100, 125), range(121, 130))).toBe('tie');
    expect(scenarioVerdict(range(100, 121), range(121, 130))).toBe('tie');
  });
});

describe('choose', () => {
  it('takes the candidate when some scenario favours it and none favours the current version', () => {
    expect(choose(['tie', 'candidate', 'tie'])).toBe('candidate');
    expect(choose(['candidate', 'current'])).toBe('current');
    expect(choose(['tie', 'tie'])).toBe('current');
  });
});

describe('formatClientVersionMarkdown', () => {
  it('names the choice and marks each row', () => {
    const summary = (scenario, version, min, max) => ({ scenario, version, rounds: 3, recordsPerSec: (min + max) / 2, minRecordsPerSec: min, maxRecordsPerSec: max, cpuSecondsPerMillion: 1.5, peakRssMiB: 150 });
    const md = formatClientVersionMarkdown({
      startedAt: 'T', failures: [],
      machine: { cores: 2, cpu: 'cpu', memoryGiB: 24, os: 'Linux', node: 'v22.23.5', kafka: '4.1.1' },
      settings: { current: '1.35.0', candidate: '2.12.1', repeats: 3, partitions: 3, producerProps: 'acks=1' },
      summaries: [summary('produce 100 B', '1.35.0', 100, 110), summary('produce 100 B', '2.12.1', 120, 130)],
    });
    expect(md).toContain('| produce 100 B | 1.35.0 | 105 | 100–110 | 1.50 | 150 | slower |');
    expect(md).toContain('| produce 100 B | 2.12.1 | 125 | 120–130 | 1.50 | 150 | faster |');
    expect(md).toContain('Choice: **2.12.1**');
  });
});
