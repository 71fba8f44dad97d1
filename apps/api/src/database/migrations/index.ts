import type { MigrationInterface } from 'typeorm';
import { Files1795540398775 } from './1795540398775-Files.js';
import { Init1795539721630 } from './1795539721630-Init.js';

/** Every MySQL migration, in order, listed explicitly (`npm run migration:generate -w @kaoping/api -- Name` appends). */
export const MIGRATIONS: (new () => MigrationInterface)[] = [
  Init1795539721630,
  Files1795540398775,
];
