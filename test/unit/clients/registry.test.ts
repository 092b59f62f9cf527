import { describe, expect, it } from 'vitest';
import { clientModule, loadClient } from '../../../src/clients/registry.js';
import { kafkajsClient } from '../../../src/clients/kafkajs/index.js';
import { platformaticClient } from '../../../src/clients/platformatic/index.js';
import { resolveClient } from '../../../src/config/resolve-produce.js';

describe('--client', () => {
  it('names kafkajs (the default) and platformatic, each a module whose default export is its client', async () => {
    expect(resolveClient(undefined)).toBe('kafkajs');
    expect(resolveClient('platformatic')).toBe('platformatic');
    expect(await loadClient(clientModule('kafkajs'))).toBe(kafkajsClient);
    expect(await loadClient(clientModule('platformatic'))).toBe(platformaticClient);
  });

  it('rejects other names, listing the choices', () => {
    expect(() => resolveClient('rdkafka')).toThrow("--client: 'rdkafka' is not a supported client (kafkajs, platformatic)");
  });

  it('says so when a client module has no ClientFactory as its default export', async () => {
    const module = new URL('../../../src/clients/port.ts', import.meta.url).href;
    await expect(loadClient(module)).rejects.toThrow(`client module ${module} has no ClientFactory as its default export`);
  });
});
