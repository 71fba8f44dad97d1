import { DEMO } from '../../support/test-app.js';
import { BUREAU, MANAGERS, STAFF, type MatrixEntries } from './types.js';

export default {
  'POST /api/attendance/punches': { allow: STAFF },
  'GET /api/attendance/today': { allow: STAFF },
  'GET /api/attendance/people/:id/month': { allow: STAFF, path: `/api/attendance/people/${DEMO.staffZf1}/month` },
  'GET /api/attendance/sections/:id/day': { allow: MANAGERS, path: '/api/attendance/sections/zf1/day' },
  'GET /api/attendance/sections/:id/month': { allow: MANAGERS, path: '/api/attendance/sections/zf1/month' },
  'GET /api/attendance/sites': { allow: STAFF },
  'POST /api/attendance/sites': { allow: ['office'] },
  'PATCH /api/attendance/sites/:id': { allow: ['office'], path: '/api/attendance/sites/site-jiguan' },
  'GET /api/attendance/schedules': { allow: STAFF },
  'PUT /api/attendance/schedules/:id': { allow: ['office'], path: '/api/attendance/schedules/zf1' },
  'GET /api/attendance/calendar': { allow: STAFF },
  'PUT /api/attendance/calendar': { allow: ['office'] },
  'DELETE /api/attendance/calendar/:id': { allow: ['office'], path: '/api/attendance/calendar/1999-01-01' },
  'POST /api/attendance/leaves': { allow: STAFF },
  'GET /api/attendance/leaves': { allow: STAFF },
  'POST /api/attendance/leaves/:id/decision': { allow: MANAGERS, path: '/api/attendance/leaves/none/decision' },
  'POST /api/attendance/leaves/:id/cancel': { allow: STAFF, path: '/api/attendance/leaves/none/cancel' },
  'GET /api/attendance/reports/status': { allow: BUREAU },
  'GET /api/attendance/reports/current': { allow: MANAGERS, path: '/api/attendance/reports/current?sectionId=zf1' },
  'POST /api/attendance/reports': { allow: MANAGERS },
  'POST /api/attendance/reports/:id/sign': { allow: MANAGERS, path: '/api/attendance/reports/none/sign' },
  'GET /api/attendance/reports/export': { allow: MANAGERS },
  'POST /api/attendance/reports/export': { allow: MANAGERS },
} satisfies MatrixEntries;
