import { connect, createServer, type AddressInfo, type Socket } from 'node:net';

/** A TCP relay on 127.0.0.1 that counts every connection made to it and keeps every byte sent. */
export interface TcpTap {
  readonly port: number;
  /** Connections accepted so far: zero means nothing, not even a handshake, was sent. */
  readonly connections: number;
  /** Everything clients sent through the tap, as text (to look for a key in it). */
  sent(): string;
  /** Cuts every relayed connection, as a network change or a server restart would. */
  dropAll(): void;
  close(): Promise<void>;
}

/** Relays to `target` (host:port), so a test sees whether a client connected at all and what it sent. */
export async function startTcpTap(target: { host: string; port: number }): Promise<TcpTap> {
  const sockets = new Set<Socket>();
  const chunks: Buffer[] = [];
  let connections = 0;
  const server = createServer((client) => {
    connections++;
    const upstream = connect(target.port, target.host);
    const end = (): void => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    sockets.add(client);
    sockets.add(upstream);
    client.on('data', (d: Buffer) => chunks.push(d));
    client.pipe(upstream).pipe(client);
    for (const s of [client, upstream]) {
      s.on('error', end);
      s.on('close', end);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    get connections() {
      return connections;
    },
    sent: () => Buffer.concat(chunks).toString('latin1'),
    dropAll: () => {
      for (const s of [...sockets]) s.destroy();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of [...sockets]) s.destroy();
        server.close(() => resolve());
      }),
  };
}
