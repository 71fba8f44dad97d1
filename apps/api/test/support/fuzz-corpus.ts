/**
 * The hostile-input corpus of the fuzz test: strings, JSON values, raw bodies, content types, headers, queries and
 * path segments that have broken web APIs before (SQL injection, markup, prototype pollution, malformed JSON,
 * wrong encodings, huge and deeply nested inputs, odd Unicode). fast-check arbitraries over these.
 */
import fc from 'fast-check';

/** SQL injection attempts, in the shapes seen against MySQL and SQLite back ends. */
export const SQL_INJECTION = [
  "' OR '1'='1",
  "' OR 1=1 --",
  "'; DROP TABLE people; --",
  '"; DROP TABLE audit_log; --',
  '1 UNION SELECT openid, phone FROM people',
  "1' UNION SELECT NULL,NULL,NULL -- ",
  "admin'--",
  "' AND (SELECT COUNT(*) FROM people) > 0 --",
  "'; UPDATE people SET accessRole='office' WHERE id='p016'; --",
  "%' OR '%'='",
  '1; SELECT * FROM sqlite_master',
  "\\'; SELECT 1; --",
  '0x27204f5220313d31',
  "' OR ''='",
  '1 ORDER BY 99',
];

/** Markup and template injection. */
export const MARKUP = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  'javascript:alert(1)',
  '{{7*7}}',
  '${7*7}',
  '<!--',
  ']]><x>',
];

/** Spreadsheet formulas (Excel exports), paths, control characters. */
export const MISC = ['=HYPERLINK("http://x","y")', '@SUM(1+1)', "+cmd|' /C calc'!A0", '../../etc/passwd', '..\\..\\windows\\win.ini', '%00', '\u0000', '\r\nX-Injected: 1', '\t'];

/** Unicode that trips length checks, collation and rendering. */
export const UNICODE = ['𠜎𠜱𠝹', '👮‍♂️🚓', '\u202eevil', 'a\u200bb', '\ufeffBOM', '１２３４', 'e\u0301\u0301\u0301', '\ud800', 'İstanbul', '处理公务', '執法一處', 'ﷺ'];

/** Numbers and dates as strings, at and past every edge. */
export const EDGES = ['-1', '0', '-0', 'NaN', 'Infinity', '1e309', '9007199254740993', '0x10', '2024-02-30', '0000-00-00', '9999-12-31', '2024-13-01', '2024-1-1', '1970-01-01T00:00:00Z', 'true', 'null', '{}', '[]', ''];

/** Keys that pollute prototypes when merged naively. */
export const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf'];

export const NASTY_STRINGS = [...SQL_INJECTION, ...MARKUP, ...MISC, ...UNICODE, ...EDGES];

const huge = fc.constantFrom('x'.repeat(10_000), '中'.repeat(4_000), '9'.repeat(400), `${"' OR 1=1 -- ".repeat(500)}`);

export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40, unit: 'grapheme' }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20, unit: 'binary' }) },
  { weight: 1, arbitrary: huge },
);

const scalar: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: nastyString },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.constantFrom(Number.MAX_SAFE_INTEGER + 2, -Number.MAX_SAFE_INTEGER - 2, 1e308, -1e-308, 0.1 + 0.2, 2 ** 31, -(2 ** 31) - 1) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
);

const key = fc.oneof(fc.constantFrom(...POLLUTION_KEYS, 'id', 'personId', 'sectionId', 'year', 'date', "name' OR 1=1"), fc.string({ maxLength: 8 }));

/** Any JSON value, nasty strings at the leaves. */
export const jsonValue: fc.Arbitrary<unknown> = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('node'), { maxLength: 4 }),
    fc.dictionary(key, tie('node'), { maxKeys: 4 }),
  ),
})).node;

/** A body built on the endpoint's own field names, each with a hostile value (or left out). */
export function schemaBody(keys: string[]): fc.Arbitrary<Record<string, unknown>> {
  if (keys.length === 0) return fc.dictionary(key, jsonValue, { maxKeys: 3 });
  return fc.record(Object.fromEntries(keys.map((k) => [k, jsonValue])), { requiredKeys: [] });
}

/** Raw bodies that are not what a JSON parser hopes for, or that try prototype pollution through the parser. */
export function rawBody(keys: string[]): fc.Arbitrary<string | Buffer> {
  const k = keys[0] ?? 'id';
  return fc.oneof(
    fc.constantFrom<string | Buffer>(
      '{"__proto__":{"polluted":"yes","accessRole":"office"}}',
      `{"${k}":"x","__proto__":{"polluted":"yes"}}`,
      '{"constructor":{"prototype":{"polluted":"yes"}}}',
      `{"${k}":{"__proto__":{"polluted":"yes"}}}`,
      '{',
      '{"a":}',
      '[1,2',
      "{'a':1}",
      '{"a":1}{"b":2}',
      '{"a":1} trailing',
      'undefined',
      'NaN',
      '\u0000',
      '\ufeff{}',
      `{"${k}":1,"${k}":"dup"}`,
      `{"${k}":1e400}`,
      `{"${k}":-0}`,
      `{"${k}":"\\ud800"}`,
      `{"${k}":"\\u0000"}`,
      `${'['.repeat(5000)}${']'.repeat(5000)}`,
      `${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}`,
      `{"${k}":"${'x'.repeat(900_000)}"}`,
      `{"${k}":"${'x'.repeat(1_100_000)}"}`,
      Buffer.from([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]),
      Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]),
      `${k}=${encodeURIComponent("' OR 1=1 --")}&__proto__[polluted]=yes`,
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
    ),
    jsonValue.map((v) => JSON.stringify(v) ?? 'null'),
  );
}

export const CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=----x',
  'application/xml',
  'application/json; charset=gbk',
  'application/json; charset=utf-16',
  'application/vnd.api+json',
  'application/json, text/plain',
  '*/*',
  'application/octet-stream',
];

/** Extra request headers a hostile client might send. */
export const headerSet: fc.Arbitrary<Record<string, string>> = fc.oneof(
  fc.constant({}),
  fc.record(
    {
      'X-Request-Id': fc.constantFrom("'; DROP TABLE people; --", 'x'.repeat(4000), '../../etc', '<script>'),
      'X-Forwarded-For': fc.constantFrom("' OR 1=1 --", '999.999.999.999', '::ffff:127.0.0.1, 10.0.0.1', 'x'.repeat(2000)),
      Accept: fc.constantFrom('text/html', 'application/xml', '*/*;q=abc', ''),
      'Accept-Language': fc.constantFrom('zz', '*;q=2', 'zh-CN,zh;q=0.9'),
      'Idempotency-Key': fc.constantFrom("' OR 1=1 --", 'x'.repeat(300), '../../', '\u00ff\u00fe'),
      Cookie: fc.constantFrom('__proto__=1', 'session=' + 'a'.repeat(3000)),
      Origin: fc.constantFrom('https://evil.example', 'null'),
      Range: fc.constantFrom('bytes=0-', 'bytes=-1,-2,-3', 'bytes=abc'),
      'If-None-Match': fc.constantFrom('*', '"x"'),
    },
    { requiredKeys: [] },
  ),
);

/** Query strings: the endpoint's parameter names with hostile values, pollution keys, repeats and broken escapes. */
/** encodeURIComponent that survives lone surrogates (they become U+FFFD, as a browser would send them). */
export function enc(s: string): string {
  return encodeURIComponent(s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'));
}

export function queryString(names: string[]): fc.Arbitrary<string> {
  // values are cut to 6 KB encoded (a cut may split an escape: also worth sending) so the URL stays under Node's 16 KB header limit
  const pair = fc.tuple(fc.constantFrom(...names, 'x', "id' OR 1=1 --", '__proto__', 'constructor[prototype][polluted]', '__proto__[polluted]'), nastyString).map(([k, v]) => `${enc(k)}=${enc(v).slice(0, 6000)}`);
  return fc.oneof(
    { weight: 4, arbitrary: fc.array(pair, { minLength: 1, maxLength: 4 }).map((ps) => ps.join('&')) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        ...(names.length ? names : ['x']).flatMap((n) => [`${n}=1&${n}=2`, `${n}[]=1`, `${n}[a]=b`, `${n}=%ZZ`, `${n}=%E0%A4%A`, `${n}`, `${n}=${'a'.repeat(8000)}`]),
        '__proto__[polluted]=yes',
        'constructor[prototype][polluted]=yes',
        '%',
        '&&&=&=',
      ),
    },
  );
}

/** A value for a path parameter; `known` are ids that exist (so the handler gets past its lookup). */
export function pathValue(known: string[]): fc.Arbitrary<{ raw: boolean; value: string }> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...(known.length ? known : ['p016'])).map((value) => ({ raw: false, value })) },
    { weight: 4, arbitrary: nastyString.filter((s) => s.length > 0).map((value) => ({ raw: false, value: value.slice(0, 1500) })) },
    { weight: 1, arbitrary: fc.constantFrom('%ZZ', '%', '%2e%2e', '..', '%00', '%C0%AF', `${'a'.repeat(3000)}`).map((value) => ({ raw: true, value })) },
  );
}
