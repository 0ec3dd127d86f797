// The Kubernetes CEL libraries kubegate adds to cel-js, checked against the
// results Kubernetes documents for them.
import { valueOf } from './helpers.js';

const cases: Array<[string, string, unknown]> = [
  // lists
  ['lists', '[1, 2, 3].isSorted()', true],
  ['lists', '["b", "a"].isSorted()', false],
  ['lists', '[1, 2, 3].sum()', 6n],
  ['lists', '[1.5, 2.5].sum()', 4],
  ['lists', '[].sum()', 0n],
  ['lists', '[3, 1, 2].min()', 1n],
  ['lists', '["a", "c", "b"].max()', 'c'],
  ['lists', '[1, 2, 3, 2].indexOf(2)', 1n],
  ['lists', '[1, 2, 3, 2].lastIndexOf(2)', 3n],
  ['lists', '[1, 2].indexOf(5)', -1n],
  ['sets', 'sets.contains([1, 2, 3], [3, 1])', true],
  ['sets', 'sets.equivalent([1, 2], [2, 1, 1])', true],
  ['sets', 'sets.intersects([1], [2])', false],
  // regex
  ['regex', '"abc 123 def 456".find("[0-9]+")', '123'],
  ['regex', '"abc".find("[0-9]+")', ''],
  ['regex', '"abc 123 def 456".findAll("[0-9]+")', ['123', '456']],
  ['regex', '"abc 123 def 456".findAll("[0-9]+", 1)', ['123']],
  ['regex', '"Hello".find("(?i)h")', 'H'],
  // strings
  ['strings', '"hello".charAt(1)', 'e'],
  ['strings', '"hello".charAt(5)', ''],
  ['strings', '"hello".indexOf("l")', 2n],
  ['strings', '"hello".lastIndexOf("l")', 3n],
  ['strings', '"HeLLo".lowerAscii()', 'hello'],
  ['strings', '"hello".upperAscii()', 'HELLO'],
  ['strings', '"a-b-c".replace("-", "+")', 'a+b+c'],
  ['strings', '"a-b-c".replace("-", "+", 1)', 'a+b-c'],
  ['strings', '"a,b,c".split(",")', ['a', 'b', 'c']],
  ['strings', '"a,b,c".split(",", 2)', ['a', 'b,c']],
  ['strings', '"hello".substring(1, 3)', 'el'],
  ['strings', '"  x ".trim()', 'x'],
  ['strings', '["a", "b"].join("/")', 'a/b'],
  ['strings', '"abc".reverse()', 'cba'],
  ['strings', 'strings.quote("say \\"hi\\"")', '"say \\"hi\\""'],
  ['format', '"%s has %d pods (%.1f%%)".format([dyn("web"), dyn(3), dyn(42.25)])', 'web has 3 pods (42.3%)'],
  ['format', '"%x %X %o %b".format([255, 255, 8, 5])', 'ff FF 10 101'],
  ['format', '"%s".format([[dyn("a"), dyn(1)]])', '["a", 1]'],
  ['format', '"%e".format([1234.5])', '1.234500e+03'],
  // quantity
  ['quantity', 'quantity("1.5Gi").isGreaterThan(quantity("1Gi"))', true],
  ['quantity', 'quantity("500m").isLessThan(quantity("1"))', true],
  ['quantity', 'quantity("500m").compareTo(quantity("0.5"))', 0n],
  ['quantity', 'quantity("2Ki").asInteger()', 2048n],
  ['quantity', 'quantity("1e3").asInteger()', 1000n],
  ['quantity', 'quantity("1M").asInteger()', 1000000n],
  ['quantity', 'quantity("1.5").asApproximateFloat()', 1.5],
  ['quantity', 'quantity("1").add(quantity("500m")).isInteger()', false],
  ['quantity', 'quantity("1").add(2).asInteger()', 3n],
  ['quantity', 'quantity("5").sub(quantity("2")).asInteger()', 3n],
  ['quantity', 'quantity("-1").sign()', -1n],
  ['quantity', 'quantity("1") == quantity("1000m")', true],
  ['quantity', 'isQuantity("1Gi")', true],
  ['quantity', 'isQuantity("1GB")', false],
  // urls
  ['urls', 'url("https://user@example.com:8443/a%20b?x=1").getScheme()', 'https'],
  ['urls', 'url("https://example.com:8443/a").getHost()', 'example.com:8443'],
  ['urls', 'url("https://example.com:8443/a").getHostname()', 'example.com'],
  ['urls', 'url("https://example.com:8443/a").getPort()', '8443'],
  ['urls', 'url("https://[::1]:80/a").getHostname()', '::1'],
  ['urls', 'url("https://example.com/a%20b").getEscapedPath()', '/a%20b'],
  ['urls', 'url("/path/only").getHost()', ''],
  ['urls', 'isURL("https://example.com")', true],
  ['urls', 'isURL("example.com")', false],
  ['urls', 'isURL("https://example.com/%zz")', false],
  // ip and cidr
  ['ip', 'ip("192.168.0.1").family()', 4n],
  ['ip', 'ip("::1").family()', 6n],
  ['ip', 'isIP("192.168.0.1")', true],
  ['ip', 'isIP("192.168.00.1")', false],
  ['ip', 'isIP("::ffff:1.2.3.4")', false],
  ['ip', 'isIP("fe80::1%eth0")', false],
  ['ip', 'ip("127.0.0.1").isLoopback()', true],
  ['ip', 'ip("0.0.0.0").isUnspecified()', true],
  ['ip', 'ip("fe80::1").isLinkLocalUnicast()', true],
  ['ip', 'ip("224.0.0.1").isLinkLocalMulticast()', true],
  ['ip', 'ip("10.0.0.1").isGlobalUnicast()', true],
  ['ip', 'string(ip("2001:db8:0:0:0:0:2:1"))', '2001:db8::2:1'],
  ['ip', 'ip("10.0.0.1") == ip("10.0.0.1")', true],
  ['cidr', 'cidr("10.0.0.0/8").containsIP(ip("10.1.2.3"))', true],
  ['cidr', 'cidr("10.0.0.0/8").containsIP("11.0.0.1")', false],
  ['cidr', 'cidr("10.0.0.0/8").containsCIDR("10.1.0.0/16")', true],
  ['cidr', 'cidr("10.1.0.0/16").containsCIDR(cidr("10.0.0.0/8"))', false],
  ['cidr', 'cidr("192.168.1.5/24").prefixLength()', 24n],
  ['cidr', 'string(cidr("192.168.1.5/24").masked())', '192.168.1.0/24'],
  ['cidr', 'string(cidr("192.168.1.5/24").ip())', '192.168.1.5'],
  ['cidr', 'isCIDR("10.0.0.0/33")', false],
  // optional types, has() and macros
  ['optionals', 'object.?spec.?replicas.orValue(1)', 1n],
  ['optionals', 'object.?metadata.?name.hasValue()', false],
  ['macros', 'has(object.spec)', false],
  ['macros', '[1, 2, 3].all(x, x > 0)', true],
  ['macros', '[1, 2, 3].exists_one(x, x == 2)', true],
  ['macros', '[1, 2, 3].filter(x, x > 1).map(x, x * 10)', [20n, 30n]],
];

describe('Kubernetes CEL libraries', () => {
  it.each(cases)('%s: %s', (_library, expression, expected) => {
    expect(valueOf(expression)).toEqual(expected);
  });

  it.each([
    ['lists', '[].min()', /empty list/],
    ['strings', '"abc".charAt(9)', /out of range/],
    ['quantity', 'quantity("12 apples")', /quantities must match/],
    ['quantity', 'quantity("1.5").asInteger()', /cannot convert value to integer/],
    ['urls', 'url("not a url")', /URL parse error/],
    ['ip', 'ip("300.1.1.1")', /parse error/],
    ['cidr', 'cidr("10.0.0.0")', /not a valid CIDR/],
    ['regex', '"x".find("(")', /invalid regular expression/],
  ])('%s: %s is an evaluation error', (_library, expression, message) => {
    expect(valueOf(expression)).toEqual({ error: expect.stringMatching(message) });
  });

  it('reads manifest integers as CEL ints', () => {
    expect(valueOf('object.spec.replicas + 1', { spec: { replicas: 2n } })).toBe(3n);
  });
});
