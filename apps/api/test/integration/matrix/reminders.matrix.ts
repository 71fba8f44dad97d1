import { STAFF, type MatrixEntries } from './types.js';

/** Reminders (issue 10 part 6): settings and WeChat consent per person; sweep and delivery log for the office. */
export default {
  'GET /api/reminders/settings': { allow: STAFF },
  'POST /api/reminders/settings': { allow: STAFF },
  'POST /api/reminders/consent': { allow: STAFF },
  'POST /api/reminders/sweep': { allow: ['office'] },
  'GET /api/reminders': { allow: ['office'] },
} satisfies MatrixEntries;
