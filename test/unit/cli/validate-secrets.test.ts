// Secrets are never printed: schema messages about a Secret's data quote the
// value, and every output format of `kubegate validate` masks it.
import { runCli } from '../../../src/cli/run-cli.js';
import { FIXTURES } from '../validate/helpers.js';
import { recordingIo } from '../validate/recording-io.js';

// Not base64, so each data value fails the schema's "byte" format, whose message quotes it.
const MANIFESTS = `apiVersion: v1
kind: Secret
metadata:
  name: db
data:
  password: not-base64!!topsecretvalue
  pin: "Zq!"
  quote: "it's-a-secret!"
`;
const SHOWN = [/topsecretvalue/, /Zq!/, /a-secret!/];

async function validate(format: string): Promise<string> {
  const io = recordingIo(FIXTURES, MANIFESTS);
  expect(await runCli(['validate', '-output', format, '-verbose', '-summary', '-'], io)).toBe(1);
  return io.out.join('') + io.err.join('');
}

describe('kubegate validate and Secret values', () => {
  it.each(['text', 'json', 'tap', 'junit', 'pretty'])('-output %s masks every one of them', async (format) => {
    const out = await validate(format);
    for (const shown of SHOWN) expect(out).not.toMatch(shown);
    // Still the messages, with the values masked in place.
    expect(out.match(/\/data\/(password|pin|quote)/g)?.length).toBeGreaterThanOrEqual(3);
    expect(out.replace(/&#39;/g, "'")).toMatch(/'\*\*\*' is not valid byte/);
  });
});
