import type { KafkaConfig, SASLOptions } from 'kafkajs';
import type { SaslSettings, SecuritySettings } from '../../config/security.js';
import { UsageError } from '../../errors.js';
import { oauthTokenProvider } from '../security/oauth-token.js';
import { nodeTlsOptions } from '../security/tls-options.js';

/** kafkajs' `ssl` and `sasl` options for the resolved security settings. */
export function kafkajsSecurity(s: SecuritySettings): Pick<KafkaConfig, 'ssl' | 'sasl'> {
  return { ssl: s.tls ? nodeTlsOptions(s.tls) : undefined, sasl: s.sasl ? saslOptions(s.sasl) : undefined };
}

function saslOptions(sasl: SaslSettings): SASLOptions {
  if (sasl.mechanism === 'OAUTHBEARER') {
    // kafkajs writes the client's first message itself, without SASL extensions.
    if (Object.keys(sasl.extensions).length > 0) {
      throw new UsageError('--client kafkajs cannot send OAUTHBEARER SASL extensions (unsecuredLoginExtension_* or extension_* options)', 'use the default client (--client platformatic)');
    }
    const token = oauthTokenProvider(sasl.token);
    return { mechanism: 'oauthbearer', oauthBearerProvider: async () => ({ value: await token() }) };
  }
  const credentials = { username: sasl.username, password: sasl.password };
  switch (sasl.mechanism) {
    case 'PLAIN':
      return { mechanism: 'plain', ...credentials };
    case 'SCRAM-SHA-256':
      return { mechanism: 'scram-sha-256', ...credentials };
    case 'SCRAM-SHA-512':
      return { mechanism: 'scram-sha-512', ...credentials };
  }
}
