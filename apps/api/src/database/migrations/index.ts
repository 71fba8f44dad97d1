import type { MigrationInterface } from 'typeorm';
import { Init1795539721630 } from './1795539721630-Init.js';

/** Every MySQL migration, in order, listed explicitly (`npm run migration:generate -w @kaoping/api -- Name` appends). */
export const MIGRATIONS: (new () => MigrationInterface)[] = [
  Init1795539721630,
];
