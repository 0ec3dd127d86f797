// Loopback ports: pick free ones (held open together so they differ), or check
// a fixed one from the environment.
import { createServer } from 'node:net';
import { ClusterError } from './errors.mjs';

export const HOST = '127.0.0.1';

function listen(port) {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ port, host: HOST, exclusive: true }, () => resolvePort(server));
  });
}

function close(server) {
  return new Promise((done) => server.close(() => done()));
}

export async function isPortFree(port) {
  try {
    await close(await listen(port));
    return true;
  } catch {
    return false;
  }
}

async function fixedPort(name, value) {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new ClusterError(`${name}=${value} is not a port number (1-65535); fix or unset it.`);
  }
  if (!(await isPortFree(port))) {
    throw new ClusterError(
      `port ${port} on ${HOST} (from ${name}) is taken by another process; ` +
        `stop that process or choose another port (or unset ${name} to pick a free one).`,
    );
  }
  return port;
}

/** Returns { apiserver, etcdClient, etcdPeer, fixed } where fixed lists env-pinned names. */
export async function choosePorts(env = process.env) {
  const pinned = {
    apiserver: env.KUBEGATE_APISERVER_PORT,
    etcdClient: env.KUBEGATE_ETCD_PORT,
  };
  const envName = { apiserver: 'KUBEGATE_APISERVER_PORT', etcdClient: 'KUBEGATE_ETCD_PORT' };
  const held = [];
  const ports = { fixed: [] };
  try {
    for (const name of ['apiserver', 'etcdClient', 'etcdPeer']) {
      if (pinned[name]) {
        ports[name] = await fixedPort(envName[name], pinned[name]);
        ports.fixed.push(name);
      } else {
        const server = await listen(0);
        held.push(server);
        ports[name] = server.address().port;
      }
    }
  } finally {
    await Promise.all(held.map(close));
  }
  return ports;
}
