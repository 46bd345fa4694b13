import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:http';
import { request } from 'node:https';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { BridgeClient } from '../../../src/services/administration/bridge/client.js';
import { listenRefusal, parseListen } from '../../../src/services/administration/bridge/listenPolicy.js';
import { HEADER_TIMEOUT_MS, startBridgeServer } from '../../../src/services/administration/bridge/server.js';
import { connect } from 'node:net';
import type { AdministrationPort } from '../../../src/services/administration/port.js';
import { freshCompanies } from '../../helpers/administration.js';
import { adkError, portContract } from './portContract.js';

const TOKEN = 'test-bridge-token-0123456789';

portContract('bridge client → bridge server → embedded company', async () => {
  const { port, small } = await freshCompanies();
  const big = await startBridgeServer({ company: port, token: TOKEN });
  const little = await startBridgeServer({ company: small, token: TOKEN });
  return {
    port: new BridgeClient({ url: big.url, token: TOKEN }),
    small: new BridgeClient({ url: little.url, token: TOKEN }),
    async cleanup() {
      await big.close();
      await little.close();
      await port.close();
      await small.close();
    },
  };
});

/** Wraps a port so each call takes a while and records whether two calls ever ran at once. */
function watched(port: AdministrationPort) {
  const log = { active: 0, maxActive: 0, order: [] as string[] };
  const proxy = new Proxy(port, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        log.active++;
        log.maxActive = Math.max(log.maxActive, log.active);
        try {
          await new Promise((r) => setTimeout(r, 2));
          const result = await value.apply(target, args);
          if (prop === 'addCustomer') log.order.push((args[0] as { number: string }).number);
          return result;
        } finally {
          log.active--;
        }
      };
    },
  });
  return { proxy, log };
}

describe('sevadm bridge', () => {
  it('serves 50 concurrent requests one at a time, in order: none lost, none interleaved', async () => {
    const { port } = await freshCompanies();
    const { proxy, log } = watched(port);
    const server = await startBridgeServer({ company: proxy, token: TOKEN });
    try {
      const client = new BridgeClient({ url: server.url, token: TOKEN });
      const numbers = Array.from({ length: 50 }, (_, i) => String(8000 + i));
      const results = await Promise.all(numbers.map((number) => client.addCustomer({ number, name: `Samtidig ${number} AB` })));
      expect(results.map((r) => r.number)).toEqual(numbers);
      expect(log.maxActive).toBe(1);
      expect([...log.order].sort()).toEqual(numbers);
      const stored = await port.listCustomers();
      expect(stored.filter((c) => c.number.startsWith('80')).length).toBe(50);
    } finally {
      await server.close();
      await port.close();
    }
  });

  it('answers a wrong or missing token with 401 and writes nothing', async () => {
    const { port } = await freshCompanies();
    const server = await startBridgeServer({ company: port, token: TOKEN });
    try {
      const before = (await port.listCustomers()).length;
      const wrong = new BridgeClient({ url: server.url, token: 'wrong-token-wrong-token' });
      await adkError(wrong.addCustomer({ number: '8100', name: 'Obehörig AB' }), -3);
      const bare = await fetch(`${server.url}/v1/customers`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ number: '8101', name: 'Utan nyckel AB' }),
      });
      expect(bare.status).toBe(401);
      expect((await port.listCustomers()).length).toBe(before);
    } finally {
      await server.close();
      await port.close();
    }
  });

  it('answers malformed JSON with 400 and a message, and keeps serving', async () => {
    const { port } = await freshCompanies();
    const server = await startBridgeServer({ company: port, token: TOKEN });
    try {
      const res = await fetch(`${server.url}/v1/customers`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
        body: '{"number": "8200", "name": ',
      });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/not valid JSON/);
      const client = new BridgeClient({ url: server.url, token: TOKEN });
      expect((await client.companyInfo()).name).toBe('Övningsbolaget AB');
    } finally {
      await server.close();
      await port.close();
    }
  });

  it('answers a broken percent escape in a key with 400, and cuts off a client that sends no whole header', async () => {
    const { port } = await freshCompanies();
    const server = await startBridgeServer({ company: port, token: TOKEN });
    try {
      const res = await fetch(`${server.url}/v1/customers/%E0%A4%A`, { headers: { Authorization: `Bearer ${TOKEN}` } });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/not valid percent-encoding/);
      // Half a request line, then silence: the bridge closes the connection within its header timeout.
      const where = new URL(server.url);
      const socket = connect(Number(where.port), where.hostname).resume();
      socket.write('GET /v1/company HTTP/1.1\r\nHost: x\r\n');
      const started = performance.now();
      await new Promise<void>((resolve) => socket.on('close', () => resolve()).on('error', () => resolve()));
      expect(performance.now() - started).toBeLessThan(HEADER_TIMEOUT_MS + 5000);
      const client = new BridgeClient({ url: server.url, token: TOKEN });
      expect((await client.companyInfo()).name).toBe('Övningsbolaget AB');
    } finally {
      await server.close();
      await port.close();
    }
  }, 20_000);

  it('carries ADK errors with code, table, field and both languages', async () => {
    const { port } = await freshCompanies();
    const server = await startBridgeServer({ company: port, token: TOKEN });
    try {
      const res = await fetch(`${server.url}/v1/projects`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${TOKEN}` },
        body: JSON.stringify({ code: '1', name: 'x', startDate: '2026-02-01', endDate: '2026-01-01' }),
      });
      expect(res.status).toBe(422);
      expect(await res.json()).toMatchObject({
        error: {
          code: 167,
          table: 'project',
          field: 'endDate',
          message: expect.stringContaining('End date'),
          messageSv: expect.stringContaining('Slutdatum'),
        },
      });
    } finally {
      await server.close();
      await port.close();
    }
  });

  it('reports an unreachable bridge as such, and never resends a write', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', () => r()));
    const { port } = closed.address() as AddressInfo;
    await new Promise((r) => closed.close(r));
    const client = new BridgeClient({ url: `http://127.0.0.1:${port}`, token: TOKEN, readAttempts: 2 });
    await adkError(client.companyInfo(), -1);
    await adkError(client.addCustomer({ number: '1', name: 'x' }), -1);
  });

  it('reports a write whose answer was lost as possibly saved', async () => {
    const { port } = await freshCompanies();
    const slow = new Proxy(port, {
      get: (t, p, r) =>
        p === 'addCustomer'
          ? async (c: never) => (await new Promise((res) => setTimeout(res, 300)), t.addCustomer(c))
          : Reflect.get(t, p, r),
    });
    const server = await startBridgeServer({ company: slow, token: TOKEN });
    try {
      const client = new BridgeClient({ url: server.url, token: TOKEN, timeoutMs: 100 });
      const error = await adkError(client.addCustomer({ number: '8300', name: 'Långsam AB' }), -5);
      expect(error.mayHaveBeenApplied).toBe(true);
      await new Promise((r) => setTimeout(r, 400));
      expect(await port.getCustomer('8300')).not.toBeNull();
    } finally {
      await server.close();
      await port.close();
    }
  });

  it('listens on loopback only unless told otherwise, and then only with TLS', () => {
    expect(listenRefusal('127.0.0.1', {})).toBeUndefined();
    expect(listenRefusal('::1', {})).toBeUndefined();
    expect(listenRefusal('0.0.0.0', {})).toMatch(/ssh -L/);
    expect(listenRefusal('192.0.2.10', { allowRemote: true })).toMatch(/--tls-cert/);
    expect(listenRefusal('0.0.0.0', { allowRemote: true, tls: true })).toBeUndefined();
    expect(parseListen('127.0.0.1:7730')).toEqual({ host: '127.0.0.1', port: 7730 });
    expect(parseListen('[::1]:7730')).toEqual({ host: '::1', port: 7730 });
    expect(parseListen('7730')).toEqual({ host: '127.0.0.1', port: 7730 });
    expect(parseListen('host:99999')).toBeUndefined();
  });

  it('serves over TLS when given a certificate and key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sevadm-tls-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    const { port } = await freshCompanies();
    const cert = readFileSync(join(dir, 'cert.pem'));
    const server = await startBridgeServer({ company: port, token: TOKEN, tls: { cert, key: readFileSync(join(dir, 'key.pem')) } });
    try {
      expect(server.url.startsWith('https://')).toBe(true);
      // Node's fetch trusts a self-signed bridge certificate through NODE_EXTRA_CA_CERTS; here, https with the CA.
      const body = await new Promise<string>((resolve, reject) => {
        const req = request(
          `${server.url}/v1/company`,
          { ca: cert, servername: 'localhost', headers: { Authorization: `Bearer ${TOKEN}` } },
          (res) => {
            let text = '';
            res.on('data', (chunk) => (text += chunk));
            res.on('end', () => resolve(text));
          },
        );
        req.on('error', reject);
        req.end();
      });
      expect(JSON.parse(body)).toMatchObject({ result: { variant: 2000 } });
    } finally {
      await server.close();
      await port.close();
    }
  });
});
