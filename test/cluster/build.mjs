#!/usr/bin/env node
// Builds kube-apiserver and etcd from Go modules (the wrapper modules beside
// this file) into a cache outside the repository, keyed by version. A cached
// binary is reused; a missing one is built. Prints the binaries' paths.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ETCD_VERSION, KUBERNETES_VERSION } from './versions.mjs';

const here = dirname(fileURLToPath(import.meta.url));

export function cacheDir(env = process.env) {
  if (env.KUBEGATE_CACHE_DIR) return env.KUBEGATE_CACHE_DIR;
  const base = env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'kubegate');
}

export function binaryPaths(env = process.env) {
  const bin = join(cacheDir(env), 'bin');
  return {
    apiserver: join(bin, `kube-apiserver-${KUBERNETES_VERSION}`),
    etcd: join(bin, `etcd-${ETCD_VERSION}`),
  };
}

export class BuildError extends Error {}

function versionLdflags(version) {
  const [major, minor] = version.replace(/^v/, '').split('.');
  const pkg = 'k8s.io/component-base/version';
  return [
    '-s', '-w',
    `-X ${pkg}.gitVersion=${version}`,
    `-X ${pkg}.gitMajor=${major}`,
    `-X ${pkg}.gitMinor=${minor}`,
    `-X ${pkg}.gitTreeState=clean`,
    `-X ${pkg}.buildDate=1970-01-01T00:00:00Z`,
  ].join(' ');
}

function checkGo() {
  const r = spawnSync('go', ['version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    throw new BuildError(
      'kubegate cluster build: the Go toolchain was not found on PATH. ' +
        'Install Go 1.26 or newer (https://go.dev/doc/install; etcd 3.6.16 needs it) and run again.',
    );
  }
  return r.stdout.trim();
}

function goBuild({ moduleDir, pkg, out, ldflags }) {
  const tmp = `${out}.tmp-${process.pid}`;
  const args = ['build', '-trimpath', '-mod=readonly', '-o', tmp];
  if (ldflags) args.push(`-ldflags=${ldflags}`);
  args.push(pkg);
  process.stderr.write(`kubegate cluster build: go ${args.join(' ')} (in ${moduleDir})\n`);
  const started = Date.now();
  const r = spawnSync('go', args, {
    cwd: moduleDir,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, CGO_ENABLED: '0', GOFLAGS: '-buildvcs=false' },
  });
  if (r.error || r.status !== 0) {
    rmSync(tmp, { force: true });
    throw new BuildError(
      `kubegate cluster build: building ${pkg} failed (exit ${r.status ?? r.error?.message}). ` +
        'The Go module proxy must be reachable on a first build (GOPROXY); ' +
        'the downloads are verified against the committed go.sum in ' +
        `${moduleDir}. See the go output above for the cause.`,
    );
  }
  renameSync(tmp, out);
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  const mb = (statSync(out).size / 1e6).toFixed(1);
  process.stderr.write(`kubegate cluster build: built ${out} in ${secs}s (${mb} MB)\n`);
}

export function ensureBinaries(env = process.env) {
  const paths = binaryPaths(env);
  const missing = [];
  if (!existsSync(paths.apiserver)) missing.push('apiserver');
  if (!existsSync(paths.etcd)) missing.push('etcd');
  if (missing.length === 0) return paths;
  checkGo();
  mkdirSync(dirname(paths.apiserver), { recursive: true });
  if (missing.includes('etcd')) {
    goBuild({ moduleDir: join(here, 'etcd'), pkg: 'go.etcd.io/etcd/server/v3', out: paths.etcd });
  }
  if (missing.includes('apiserver')) {
    goBuild({
      moduleDir: join(here, 'apiserver'),
      pkg: 'k8s.io/kubernetes/cmd/kube-apiserver',
      out: paths.apiserver,
      ldflags: versionLdflags(KUBERNETES_VERSION),
    });
  }
  return paths;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const paths = ensureBinaries();
    process.stdout.write(`${paths.etcd}\n${paths.apiserver}\n`);
  } catch (err) {
    if (err instanceof BuildError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
}
