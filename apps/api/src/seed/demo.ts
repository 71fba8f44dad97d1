import type { DataSource } from 'typeorm';
import { seedDemoPunches } from '../attendance/demo-punches.js';
import { seedDemoSurveys } from '../surveys/surveys.seed.js';
import { isEmpty, seedDemoBureau } from './demo-seeder.js';
import { seedDemoLedgers } from '../ledgers/demo-ledgers.js';
import { seedDemoAttendance } from '../attendance/attendance.seed.js';
import { seedDemoComplaints } from '../complaints/complaints.seed.js';
import { seedDemoRecords } from '../records/records.seed.js';
import { seedDemoPublicity } from '../publicity/publicity.seed.js';
import { seedDemoCycle } from '../cycle/cycle.seed.js';
import { seedDemoOrderChecks } from '../order-checks/order-checks.seed.js';
import { seedDemoGovernance } from '../governance/governance.seed.js';
import { seedDemoReviews } from '../reviews/reviews.seed.js';

/** A step of the demo data; each must be idempotent. Feature modules append theirs after the bureau. */
export type DemoSeeder = (ds: DataSource) => Promise<unknown>;

export const DEMO_SEEDERS: DemoSeeder[] = [seedDemoBureau, seedDemoAttendance, seedDemoPunches, seedDemoLedgers, seedDemoComplaints, seedDemoSurveys, seedDemoRecords, seedDemoCycle, seedDemoOrderChecks, seedDemoGovernance, seedDemoReviews, seedDemoPublicity];

/** Loads every demo step (idempotent). */
export async function seedDemo(ds: DataSource): Promise<void> {
  for (const step of DEMO_SEEDERS) await step(ds);
}

/** Loads the demo into an empty database only (first start). */
export async function seedDemoIfEmpty(ds: DataSource): Promise<boolean> {
  if (!(await isEmpty(ds))) return false;
  await seedDemo(ds);
  return true;
}
