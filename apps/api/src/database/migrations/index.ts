import type { MigrationInterface } from 'typeorm';
import { GovernanceLedgers1795549748187 } from './1795549748187-GovernanceLedgers.js';
import { Init1795542487066 } from './1795542487066-Init.js';

/** Every MySQL migration, in order, listed explicitly (`npm run migration:generate -- Name` appends). */
export const MIGRATIONS: (new () => MigrationInterface)[] = [
  Init1795542487066,
  GovernanceLedgers1795549748187,
];
