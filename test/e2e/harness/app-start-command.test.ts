// The app-process test runs what package.json "start" says, without a shell,
// and says to build when the built app is missing.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appStartCommand, assertBuilt, staleBuildNote } from '../../harness/github/index.js';

describe('appStartCommand', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'kubegate-start-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const withStart = (start: unknown): void => writeFileSync(join(root, 'package.json'), JSON.stringify({ scripts: { start } }));

  test("this repository's start script: probot's bin run by this Node, the app path made absolute", () => {
    const command = appStartCommand(process.cwd());
    expect(command.command).toBe(process.execPath);
    expect(command.args).toEqual([join(process.cwd(), 'node_modules/probot/bin/probot.js'), 'run', join(process.cwd(), 'dist/app/index.js')]);
    expect(command.files).toEqual([join(process.cwd(), 'dist/app/index.js')]);
  });

  test('refuses what would need a shell, another program, or no script', () => {
    withStart('probot run ./dist/app/index.js && echo done');
    expect(() => appStartCommand(root)).toThrow(/more than a command with plain arguments/);
    withStart('node ./dist/app/index.js');
    expect(() => appStartCommand(root)).toThrow(/runs "node", not probot/);
    withStart(undefined);
    expect(() => appStartCommand(root)).toThrow(/has no "start" script/);
  });

  test('a missing build fails, saying to run npm run build; an older one than its sources is noted', () => {
    withStart('probot run ./dist/app/index.js');
    const command = appStartCommand(root);
    expect(() => assertBuilt(root, command)).toThrow('dist/app/index.js, which package.json "start" runs, does not exist: run `npm run build` first');

    mkdirSync(join(root, 'dist/app'), { recursive: true });
    mkdirSync(join(root, 'src/app'), { recursive: true });
    mkdirSync(join(root, 'src/cli'), { recursive: true });
    writeFileSync(join(root, 'dist/app/index.js'), "import { createApp } from './create-app.js';\n");
    writeFileSync(join(root, 'dist/app/create-app.js'), 'export const createApp = 1;\n');
    for (const file of ['src/app/index.ts', 'src/app/create-app.ts', 'src/cli/main.ts']) writeFileSync(join(root, file), '');
    const age = (file: string, seconds: number): void => utimesSync(join(root, file), new Date(Date.now() - seconds * 1000), new Date(Date.now() - seconds * 1000));
    age('src/app/index.ts', 60);
    age('src/app/create-app.ts', 60);
    expect(() => assertBuilt(root, command)).not.toThrow();
    expect(staleBuildNote(root, command)).toBeUndefined(); // src/cli/main.ts is newer, but the app does not import it

    age('dist/app/create-app.js', 120);
    expect(staleBuildNote(root, command)).toBe('dist/app/create-app.js is older than src/app/create-app.ts: the test runs the app as last built; run `npm run build` first (`npm test` builds dist/ before jest)');
  });
});
