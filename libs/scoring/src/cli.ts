#!/usr/bin/env node
/**
 * kaoping-score: `--input case.json|-` [`--scheme scheme.json`] → result JSON on stdout.
 * Invalid input → exit 2 with one line on stderr, never a stack trace.
 */
import { readFileSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import { SchemeError, ScoringInputError } from './errors';
import { loadScheme } from './scheme/load-scheme';
import { score } from './engine/score';
import type { Scheme } from './scheme/scheme-types';
import type { ScoringInput } from './types';

const REPO_ROOT = path.resolve(__dirname, '../../..');
const USAGE = 'usage: kaoping-score --input <case.json|-> [--scheme <scheme.json>]';

class CliError extends Error {}

function parseArgs(argv: string[]): { input: string; scheme?: string } {
  let input: string | undefined;
  let scheme: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.indexOf('=');
    const [flag, inline] = a.startsWith('--') && eq > 0 ? [a.slice(0, eq), a.slice(eq + 1)] : [a, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new CliError(`${flag} needs a value; ${USAGE}`);
      return v;
    };
    if (flag === '--input' || flag === '-i') input = value();
    else if (flag === '--scheme' || flag === '-s') scheme = value();
    else if (flag === '--help' || flag === '-h') throw new CliError(USAGE);
    else throw new CliError(`unknown argument "${a}"; ${USAGE}`);
  }
  if (!input) throw new CliError(`missing --input; ${USAGE}`);
  return { input, scheme };
}

function readText(file: string): string {
  try {
    return file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8');
  } catch (e) {
    throw new CliError(`cannot read ${file === '-' ? 'stdin' : file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new CliError(`malformed JSON in ${what}: ${(e as Error).message}`);
  }
}

function builtInScheme(id: string): Scheme {
  if (!/^[a-z0-9][a-z0-9_-]*$/.test(id)) throw new CliError(`unknown scheme "${id}"`);
  const file = path.join(REPO_ROOT, 'seeds', 'schemes', `${id}.json`);
  if (!existsSync(file)) throw new CliError(`unknown scheme "${id}" (no ${path.relative(REPO_ROOT, file)})`);
  return loadScheme(parseJson(readText(file), file));
}

function run(argv: string[]): string {
  const args = parseArgs(argv);
  const raw = parseJson(readText(args.input), args.input === '-' ? 'stdin' : args.input);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new CliError('the input must be a JSON object');
  const input = raw as ScoringInput;
  let scheme: Scheme;
  if (args.scheme) scheme = loadScheme(parseJson(readText(args.scheme), args.scheme));
  else if (typeof input.scheme === 'string') scheme = builtInScheme(input.scheme);
  else if (typeof input.scheme === 'object' && input.scheme !== null) scheme = loadScheme(input.scheme);
  else throw new CliError('missing "scheme": give a scheme id ("jiguan" | "wubi"), a scheme object, or --scheme <file>');
  return JSON.stringify(score(input, scheme), null, 2);
}

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ').trim();
}

try {
  process.stdout.write(`${run(process.argv.slice(2))}\n`);
} catch (e) {
  if (e instanceof CliError || e instanceof SchemeError || e instanceof ScoringInputError) {
    const code = e instanceof CliError ? 'invalid-input' : e.code;
    process.stderr.write(`error [${code}]: ${oneLine(e.message)}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`internal error: ${oneLine(e instanceof Error ? e.message : String(e))}\n`);
    process.exitCode = 1;
  }
}
