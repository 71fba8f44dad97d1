import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** apps/api/{src,dist}/config → repo root. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
