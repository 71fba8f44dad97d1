export default defineAppConfig({
  // Main package: only what the first screen needs. Everything per persona lives in a subpackage.
  pages: ['pages/index/index', 'pages/login/index', 'pages/mine/index'],
  subPackages: [
    { root: 'subpackages/officer', pages: ['pages/section/index', 'pages/rules/index', 'pages/diary/index', 'pages/diary-review/index', 'pages/meetings/index', 'pages/research/index', 'pages/integrity/index', 'pages/att-clock/index', 'pages/att-month/index', 'pages/att-leave/index', 'pages/att-approvals/index', 'pages/att-section/index', 'pages/my-complaints/index', 'pages/incident-new/index', 'pages/incidents/index', 'pages/incident-detail/index', 'pages/scores/index', 'pages/leaderboard/index', 'pages/ratings/index', 'pages/democratic/index', 'pages/notices/index', 'pages/branch/index', 'pages/branch-dues/index', 'pages/order-checks/index', 'pages/leader-comment/index', 'pages/review-tasks/index', 'pages/innovations/index', 'pages/review-extras/index', 'pages/gov-duties/index', 'pages/gov-systems/index', 'pages/gov-system/index', 'pages/gov-applications/index', 'pages/gov-application-new/index', 'pages/gov-coordination/index', 'pages/gov-coordination-new/index', 'pages/gov-coordination-detail/index', 'pages/progress-edit/index', 'pages/reminders/index'] },
    { root: 'subpackages/citizen', pages: ['pages/home/index', 'pages/complaint/index', 'pages/track/index', 'pages/survey/index', 'pages/thanks/index', 'pages/progress/index', 'pages/progress-section/index', 'pages/open-day/index', 'pages/my-registration/index'] },
    { root: 'subpackages/representative', pages: ['pages/home/index', 'pages/form/index'] },
    { root: 'subpackages/admin', pages: ['pages/people/index', 'pages/complaints/index', 'pages/complaints-detail/index', 'pages/complaints-import/index', 'pages/complaints-summary/index', 'pages/problems/index', 'pages/att-admin/index', 'pages/audit/index', 'pages/surveys/index', 'pages/inspections/index', 'pages/commendations/index', 'pages/vetoes/index', 'pages/incident-import/index', 'pages/diary-check/index', 'pages/integrity-review/index', 'pages/ledger-check/index', 'pages/gatherings/index', 'pages/wubi-cycle/index', 'pages/order-checks/index', 'pages/order-check-round/index', 'pages/order-check-sheet/index', 'pages/review-monthly/index', 'pages/review-quarterly/index', 'pages/review-half-year/index', 'pages/extras-weights/index', 'pages/gov-ledgers/index', 'pages/gov-approvals/index', 'pages/gov-coordination-review/index', 'pages/progress-review/index', 'pages/open-days/index', 'pages/open-day-checkin/index', 'pages/reminder-log/index'] },
  ],
  window: {
    navigationBarBackgroundColor: '#0b3d91',
    navigationBarTextStyle: 'white',
    navigationBarTitleText: '考评',
    backgroundColor: '#f2f3f5',
    backgroundTextStyle: 'dark',
  },
  lazyCodeLoading: 'requiredComponents',
});
