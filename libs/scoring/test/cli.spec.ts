/**
 * The CLI, spawned as a real process on the built `dist/cli.js`: a valid case, malformed JSON, unknown rule id,
 * quota breach, unknown person, unknown scheme, invalid scheme file (path of the bad field).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from './helpers';

const LIB = path.resolve(__dirname, '..');
const CLI = path.join(LIB, 'dist', 'cli.js');
const FIXTURE = path.join(__dirname, 'fixtures', 'contract-example.json');
let dir = '';

beforeAll(() => {
  const tsc = require.resolve('typescript/bin/tsc', { paths: [REPO_ROOT] });
  const b = spawnSync(process.execPath, [tsc, '-b', LIB], { encoding: 'utf8' });
  if (b.status !== 0) throw new Error(`build failed: ${b.stdout}${b.stderr}`);
  dir = mkdtempSync(path.join(tmpdir(), 'kaoping-cli-'));
}, 120_000);

function cli(args: string[], stdin?: string) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', input: stdin });
}

function caseFile(name: string, mutate: (c: { [k: string]: unknown }) => void): string {
  const c = JSON.parse(readFileSync(FIXTURE, 'utf8')) as { [k: string]: unknown };
  mutate(c);
  const f = path.join(dir, `${name}.json`);
  writeFileSync(f, JSON.stringify(c));
  return f;
}

function expectInputError(r: ReturnType<typeof cli>, pattern: RegExp): void {
  expect(r.status).toBe(2);
  expect(r.stdout).toBe('');
  const lines = r.stderr.split('\n').filter((l) => l !== '');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

describe('kaoping-score CLI', () => {
  it('scores the contract example: pretty JSON on stdout, exit 0', () => {
    const r = cli(['--input', FIXTURE]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^\{\n {2}"scheme": "jiguan",\n {2}"schemeVersion": "jiguan-2022.1",/);
    const out = JSON.parse(r.stdout);
    const p2 = out.people.find((p: { personId: string }) => p.personId === 'p2');
    expect(p2.dimensions.de).toEqual({ base: 100, score: 98, items: [{ rule: 'DE-1', points: -2, source: 'e1' }] });
    // p2: de 98, neng 100 − 2 (NB-5) − 5 (NP-4: 1 activity < 12) = 93, qin 100 − 1 (QIN-1 22 min late) − 2 (QIN-3: 5 days in May) = 97,
    // ji 100, lian 100, minzhu (90+85+95+88+100)/5 = 91.6 → total 579.6 / 6 = 96.6 优秀.
    expect(p2.total).toBe(96.6);
    expect(p2.grade).toBe('优秀');
  });

  it('reads the case from stdin with --input -', () => {
    const r = cli(['--input', '-'], readFileSync(FIXTURE, 'utf8'));
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).people).toHaveLength(3);
  });

  it('malformed JSON → exit 2, one line', () => {
    const f = path.join(dir, 'bad.json');
    writeFileSync(f, '{"scheme": "jiguan", ');
    expectInputError(cli(['--input', f]), /malformed JSON/);
  });

  it('unknown rule id → exit 2, one line naming it', () => {
    const f = caseFile('rule', (c) => (c.events = [{ id: 'e1', rule: 'NB-99', personId: 'p2', date: '2024-03-05' }]));
    expectInputError(cli(['--input', f]), /unknown rule id "NB-99".*\$\.events\[0\]\.rule/);
  });

  it('quota breach → exit 2, one line naming the section', () => {
    const f = caseFile('quota', (c) => {
      const people = c.people as unknown[];
      for (let i = 0; i < 3; i++) people.push({ id: `x${i}`, sectionId: 'zf1', position: 'staff' });
      c.ratings = [{ personId: 'p2', rating: '优秀' }, { personId: 'x0', rating: '优秀' }];
    });
    expectInputError(cli(['--input', f]), /quota-breach.*zf1/);
  });

  it('event for an unknown person → exit 2', () => {
    const f = caseFile('person', (c) => (c.events = [{ id: 'e1', rule: 'NB-1', personId: 'nobody', date: '2024-03-05' }]));
    expectInputError(cli(['--input', f]), /unknown person "nobody"/);
  });

  it('person in no section, bad date, unknown scheme → exit 2', () => {
    expectInputError(cli(['--input', caseFile('nosec', (c) => (c.people as unknown[]).push({ id: 'z', sectionId: 'none', position: 'staff' }))]), /no known section/);
    expectInputError(cli(['--input', caseFile('date', (c) => (c.events = [{ id: 'e1', rule: 'NB-1', personId: 'p2', date: '2024-13-01' }]))]), /bad date/);
    expectInputError(cli(['--input', caseFile('scheme', (c) => (c.scheme = 'nope'))]), /unknown scheme "nope"/);
  });

  it('an invalid scheme file → exit 2 with the JSON path of the bad field', () => {
    const scheme = JSON.parse(readFileSync(path.join(REPO_ROOT, 'seeds/schemes/jiguan.json'), 'utf8'));
    scheme.rules[5].points.chief = 'two';
    const f = path.join(dir, 'scheme.json');
    writeFileSync(f, JSON.stringify(scheme));
    expectInputError(cli(['--input', FIXTURE, '--scheme', f]), /invalid scheme at \$\.rules\[5\]\.points\.chief/);
  });

  it('missing --input → exit 2 with usage', () => {
    expectInputError(cli([]), /missing --input/);
  });
});
