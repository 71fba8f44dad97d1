import { MANAGERS, STAFF, type MatrixEntries } from './types.js';

/** Review meetings (月度总结会、季度监察考评会、半年考评打分、工作创新), the chiefs' extras and the extras weights. */
export default {
  'GET /api/reviews/monthly': { allow: MANAGERS },
  'PUT /api/reviews/monthly/meeting': { allow: ['office'] },
  'PUT /api/reviews/monthly/comments': { allow: ['leader', 'office'] },
  'GET /api/reviews/quarterly': { allow: STAFF },
  'POST /api/reviews/quarterly': { allow: ['office'] },
  'PUT /api/reviews/quarterly/:id/sections': { allow: ['office'], path: '/api/reviews/quarterly/no-such-review/sections' },
  'POST /api/reviews/quarterly/:id/tasks': { allow: ['office'], path: '/api/reviews/quarterly/no-such-review/tasks' },
  'GET /api/reviews/tasks': { allow: STAFF },
  'POST /api/reviews/tasks/:id/done': { allow: STAFF, path: '/api/reviews/tasks/no-such-task/done' },
  'GET /api/reviews/half-year': { allow: MANAGERS },
  'POST /api/reviews/half-year': { allow: ['office'] },
  'GET /api/reviews/innovations': { allow: STAFF },
  'POST /api/reviews/innovations': { allow: ['chief', 'office'] },
  'POST /api/reviews/innovations/:id/assess': { allow: ['office'], path: '/api/reviews/innovations/no-such-entry/assess' },
  'GET /api/reviews/extras': { allow: MANAGERS },
  'GET /api/scores/extras-weights': { allow: MANAGERS },
  'PUT /api/scores/extras-weights': { allow: ['office'] },
} satisfies MatrixEntries;
