import { parseCommands } from '../../../src/chatops/parse-commands.js';

describe('parseCommands', () => {
  test('one command per line, at the start of a line, with its arguments', () => {
    const body = 'Looks good.\n/sync production\n/rollback staging abc1234\n/diff\nplease /validate';
    expect(parseCommands(body)).toEqual([
      { kind: 'command', name: 'sync', environment: 'production', line: '/sync production' },
      { kind: 'command', name: 'rollback', environment: 'staging', sha: 'abc1234', line: '/rollback staging abc1234' },
      { kind: 'command', name: 'diff', line: '/diff' },
    ]);
  });

  test('quoted lines, fenced and indented code are not commands', () => {
    const body = ['> /sync production', '```', '/sync production', '```', '~~~sh', '/validate', '~~~', '    /help', '\t/help', '/help'].join('\n');
    expect(parseCommands(body)).toEqual([{ kind: 'command', name: 'help', line: '/help' }]);
  });

  test('an unknown word or wrong arguments are reported; paths are not commands', () => {
    expect(parseCommands('/deploy prod')).toEqual([{ kind: 'unknown', line: '/deploy prod', reason: '"deploy" is not a kubegate command' }]);
    expect(parseCommands('/validate now')[0]).toMatchObject({ kind: 'unknown', reason: 'validate takes no arguments, not "now"' });
    expect(parseCommands('/rollback prod main')[0]).toMatchObject({ kind: 'unknown', reason: '"main" is not a commit SHA' });
    expect(parseCommands('/usr/bin/env\n/ whatever')).toEqual([]);
  });

  test('a configured prefix: "/kubegate sync prod"; the bare prefix asks for help; plain "/sync" is left to other bots', () => {
    expect(parseCommands('/kubegate sync prod\n/sync prod\n/kubegate', '/kubegate ')).toEqual([
      { kind: 'command', name: 'sync', environment: 'prod', line: '/kubegate sync prod' },
      { kind: 'command', name: 'help', line: '/kubegate' },
    ]);
  });

  test('Windows line endings', () => {
    expect(parseCommands('hi\r\n/validate\r\n')).toEqual([{ kind: 'command', name: 'validate', line: '/validate' }]);
  });
});
