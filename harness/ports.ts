// Ports on 127.0.0.1: is one open, and which ones to give the nodes.
import net from 'node:net';
import { HOST } from './properties.js';

/** Whether something accepts TCP connections on 127.0.0.1:`port` (within a second). */
export function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: HOST, port, timeout: 1000 });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => done(true));
    socket.once('timeout', () => done(false));
    socket.once('error', () => done(false));
  });
}

/**
 * Checks that each wanted port is free and picks a free one for each 0, all distinct (every one is held
 * until all are found). A taken wanted port throws, naming it.
 */
export async function reservePorts(wanted: readonly number[]): Promise<number[]> {
  const servers: net.Server[] = [];
  try {
    for (const port of wanted) {
      servers.push(
        await listen(port).catch((error: NodeJS.ErrnoException) => {
          if (error.code !== 'EADDRINUSE') throw error;
          throw new Error(`port ${port} on ${HOST} is already in use by another process: stop it, or pick another with --port or KAFKA_PORT`);
        }),
      );
    }
    return servers.map((server) => (server.address() as net.AddressInfo).port);
  } finally {
    await Promise.all(servers.map(close));
  }
}

function listen(port: number): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen({ host: HOST, port, exclusive: true }, () => resolve(server));
  });
}

function close(server: net.Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}
