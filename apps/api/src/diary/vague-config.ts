import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { REPO_ROOT } from '../config/paths.js';
import type { VagueCheckConfig } from './vague-check.js';

/** Reads the vague-diary configuration file (env DIARY_RULES_FILE); fails start-up when it is malformed. */
export function loadVagueConfig(file: string): VagueCheckConfig {
  const path = isAbsolute(file) ? file : resolve(REPO_ROOT, file);
  const raw = JSON.parse(readFileSync(path, 'utf8')) as Partial<VagueCheckConfig>;
  const lists = ['placeholders', 'phrases', 'fillers'] as const;
  for (const key of lists) {
    if (!Array.isArray(raw[key]) || raw[key]!.some((x) => typeof x !== 'string')) throw new Error(`${path}: ${key} 必须是文本数组`);
  }
  for (const key of ['minSubstance', 'minDistinct', 'maxLength'] as const) {
    if (typeof raw[key] !== 'number' || raw[key]! < 0) throw new Error(`${path}: ${key} 必须是非负数`);
  }
  if (typeof raw.message !== 'string' || !raw.message) throw new Error(`${path}: message 必须填写`);
  return raw as VagueCheckConfig;
}
