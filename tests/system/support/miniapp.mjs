// Loads the mini-program's own service modules (apps/miniapp/src/services/*.ts) into Node: each file and the
// relative imports it needs are transpiled with TypeScript (types erased, nothing else changed) into a temp folder,
// with `@tarojs/taro` pointing at ./taro-node.mjs. What runs is the app's code: the offline queue, the HTTP
// wrapper and its error classes, the attendance and survey API modules.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO } from './harness.mjs';

const require = createRequire(join(REPO, 'package.json'));
const ts = require('typescript');
const SRC = join(REPO, 'apps/miniapp/src');
const TARO = pathToFileURL(join(dirname(new URL(import.meta.url).pathname), 'taro-node.mjs')).href;

/** The Taro stand-in of one phone (a module instance of its own). */
export const taroFor = (phone) => `${TARO}?phone=${encodeURIComponent(phone)}`;

function resolveSource(from, spec) {
  const base = resolve(dirname(from), spec);
  for (const candidate of [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`cannot resolve ${spec} from ${from}`);
}

/**
 * Compiles `entries` (paths under apps/miniapp/src) and what they import; returns their modules. Each `phone` gets
 * its own copy of the modules and of the Taro stand-in (its own storage, its own queues).
 */
export async function loadMiniappModules(entries, phone = 'phone') {
  const taro = taroFor(phone);
  const out = mkdtempSync(join(tmpdir(), `kaoping-miniapp-${phone}-`));
  const done = new Map();
  const nameOf = (file) => relative(SRC, file).replace(/[\\/]/g, '__').replace(/\.tsx?$/, '.mjs');

  const compileSource = (file) => {
    compile(file);
    return file;
  };
  const compile = (file) => {
    if (done.has(file)) return done.get(file);
    const target = join(out, nameOf(file));
    done.set(file, target);
    const source = readFileSync(file, 'utf8');
    let js = ts.transpileModule(source, {
      fileName: file,
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, jsx: ts.JsxEmit.ReactJSX, isolatedModules: true, useDefineForClassFields: true },
    }).outputText;
    js = js.replace(/(from\s+|import\s*\(\s*|import\s+)(['"])([^'"]+)\2/g, (m, lead, q, spec) => {
      if (spec === '@tarojs/taro') return `${lead}${q}${taro}${q}`;
      if (spec.startsWith('.')) return `${lead}${q}./${nameOf(compileSource(resolveSource(file, spec)))}${q}`;
      throw new Error(`${relative(REPO, file)} imports ${spec}: not available to the Node loader`);
    });
    writeFileSync(target, js);
    return target;
  };

  const modules = {};
  for (const entry of entries) modules[entry] = await import(pathToFileURL(compile(join(SRC, entry))).href);
  return { modules, cleanup: () => rmSync(out, { recursive: true, force: true }) };
}
