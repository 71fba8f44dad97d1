import type { MigrationInterface } from 'typeorm';
import { BureauOperations1795549748187 } from './1795549748187-BureauOperations.js';
import { Init1795542487066 } from './1795542487066-Init.js';

/** Every MySQL migration, in order, listed explicitly (`npm run migration:generate -- Name` appends). */
export const MIGRATIONS: (new () => MigrationInterface)[] = [
  Init1795542487066,
  BureauOperations1795549748187,
];
