import { spawnSync } from 'node:child_process';

/** Tests that need the real `kubectl kustomize` skip cleanly when kubectl is not installed. */
export const kubectlAvailable = spawnSync('kubectl', ['version', '--client'], { stdio: 'ignore' }).status === 0;
export const itWithKubectl = kubectlAvailable ? it : it.skip;
