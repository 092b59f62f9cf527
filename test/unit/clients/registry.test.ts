import { describe, expect, it } from 'vitest';
import { clientFactory } from '../../../src/clients/registry.js';
import { kafkajsClient } from '../../../src/clients/kafkajs/index.js';
import { platformaticClient } from '../../../src/clients/platformatic/index.js';
import { resolveClient } from '../../../src/config/resolve-produce.js';

describe('--client', () => {
  it('names kafkajs (the default) and platformatic', () => {
    expect(resolveClient(undefined)).toBe('kafkajs');
    expect(resolveClient('platformatic')).toBe('platformatic');
    expect(clientFactory('kafkajs')).toBe(kafkajsClient);
    expect(clientFactory('platformatic')).toBe(platformaticClient);
  });

  it('rejects other names, listing the choices', () => {
    expect(() => resolveClient('rdkafka')).toThrow("--client: 'rdkafka' is not a supported client (kafkajs, platformatic)");
  });
});
