/** Page paths, in one place (absolute, as Taro navigation APIs want them). */
export const ROUTES = {
  home: '/pages/index/index',
  login: '/pages/login/index',
  mine: '/pages/mine/index',
  officerSection: '/subpackages/officer/pages/section/index',
  officerRules: '/subpackages/officer/pages/rules/index',
  adminPeople: '/subpackages/admin/pages/people/index',
  officerDiary: '/subpackages/officer/pages/diary/index',
  officerDiaryReview: '/subpackages/officer/pages/diary-review/index',
  officerMeetings: '/subpackages/officer/pages/meetings/index',
  officerResearch: '/subpackages/officer/pages/research/index',
  officerIntegrity: '/subpackages/officer/pages/integrity/index',
  officerIncidents: '/subpackages/officer/pages/incidents/index',
  officerScores: '/subpackages/officer/pages/scores/index',
  officerLeaderboard: '/subpackages/officer/pages/leaderboard/index',
  officerRatings: '/subpackages/officer/pages/ratings/index',
  adminAudit: '/subpackages/admin/pages/audit/index',
  officerNotices: '/subpackages/officer/pages/notices/index',
  adminInspections: '/subpackages/admin/pages/inspections/index',
  adminCommendations: '/subpackages/admin/pages/commendations/index',
  adminVetoes: '/subpackages/admin/pages/vetoes/index',
  adminIncidentImport: '/subpackages/admin/pages/incident-import/index',
  citizenHome: '/subpackages/citizen/pages/home/index',
  representativeHome: '/subpackages/representative/pages/home/index',
} as const;

export type RoutePath = (typeof ROUTES)[keyof typeof ROUTES];
