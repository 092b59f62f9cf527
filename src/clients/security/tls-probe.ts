import { connect, type ConnectionOptions } from 'node:tls';

/** An ApiVersions v0 request (correlation id 1, no client id): any Kafka listener answers it, even before SASL. */
const API_VERSIONS_V0 = Buffer.from([0, 0, 0, 10, 0, 18, 0, 0, 0, 0, 0, 1, 0xff, 0xff]);

/**
 * Why a TLS listener closed the connection, found by asking it again: a broker that refuses the client's
 * certificate (mutual TLS) sends its alert after the client's side of the handshake is done, and
 * @platformatic/kafka reports only "Connection closed" then. This handshake and one request read the alert.
 * Resolves to the TLS error (with Node's code), or undefined if the listener answered or said nothing.
 */
export function probeTls(server: string, options: ConnectionOptions, timeoutMs = 3000): Promise<Error | undefined> {
  const colon = server.lastIndexOf(':');
  const host = server.slice(0, colon).replace(/^\[(.*)\]$/, '$1');
  const port = Number(server.slice(colon + 1));
  return new Promise((resolve) => {
    const socket = connect({ ...options, host, port });
    const done = (e: Error | undefined) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(e);
    };
    const timer = setTimeout(() => done(undefined), timeoutMs);
    socket.once('secureConnect', () => socket.write(API_VERSIONS_V0));
    socket.once('data', () => done(undefined));
    socket.once('error', (e) => done(e));
    socket.once('close', () => done(undefined));
  });
}
