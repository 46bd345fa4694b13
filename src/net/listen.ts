import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Starts listening and answers the origin it listens on, e.g. http://127.0.0.1:4780. */
export async function listen(server: Server, port: number, host: string, scheme: 'http' | 'https' = 'http'): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `${scheme}://${shownHost}:${address.port}`;
}

/** Stops accepting, drops idle keep-alive connections, and resolves once closed. */
export function closeServer(server: Server): Promise<void> {
  return new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
