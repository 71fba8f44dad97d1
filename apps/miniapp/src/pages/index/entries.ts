import type { Me } from '@kaoping/contracts';
import type { Entry } from '../../components/entry-list/groups';
import { ROUTES } from '../../services/routes';
import { ATTENDANCE_ROUTES } from '../../services/attendance.api';
import { LEDGER_ROUTES } from '../../services/ledgers.api';
import { PUBLICITY_ROUTES } from '../../services/publicity.api';
import { GOVERNANCE_ROUTES } from '../../services/governance.api';
import { CYCLE_ROUTES } from '../../services/cycle.api';
import { ORDER_CHECK_ROUTES } from '../../services/order-checks.api';
import { REVIEW_ROUTES } from '../../services/reviews.api';

/** The home page entries for a persona. */
export function entriesFor(me: Me): Entry[] {
  switch (me.role) {
    case 'citizen':
      return [
        { key: 'citizen', group: 'service', title: '市民服务', description: '满意度评价、效能投诉等服务说明', url: ROUTES.citizenHome },
        { key: 'complaint', group: 'service', title: '效能投诉', description: '反映执法人员作风、效率、廉洁问题，可附照片', url: '/subpackages/citizen/pages/complaint/index' },
        { key: 'complaint-track', group: 'service', title: '查询投诉进度', description: '凭查询码查看办理进度和答复', url: '/subpackages/citizen/pages/track/index' },
        { key: 'progress', group: 'service', title: '进度公示', description: '参评科室的年度重点工作进展、为群众解决的问题，公众开放日报名', url: PUBLICITY_ROUTES.list },
        { key: 'my-registration', group: 'service', title: '我的开放日报名', description: '查看报名码（签到用）和签到情况', url: PUBLICITY_ROUTES.mine },
      ];
    case 'representative':
      return [
        { key: 'representative', group: 'service', title: '代表委员测评', description: '待评价的单位（通过邀请链接进入）', url: ROUTES.representativeHome },
      ];
    default: {
      const entries: Entry[] = [
        me.sectionId
          ? {
              key: 'section', group: 'daily',
              title: '我的处室',
              description: `${me.sectionName ?? '本处室'}的人员与任职`,
              url: ROUTES.officerSection,
            }
          : { key: 'section', group: 'daily', title: '处室人员', description: '按处室查看人员与任职', url: ROUTES.officerSection },
        { key: 'rules', group: 'appraisal', title: '考评细则', description: '机关考评（德、能、勤、绩、廉）规则与扣分预览', url: ROUTES.officerRules },
      ];
      entries.unshift({ key: 'notices', group: 'daily', title: '消息通知', description: '考评事件、申诉结果等提醒', url: ROUTES.officerNotices });
      entries.unshift({ key: 'att-clock', group: 'attendance', title: '考勤打卡', description: '上下班打卡、外勤打卡（离线也能先保存）', url: ATTENDANCE_ROUTES.clock });
      entries.push(
        { key: 'att-month', group: 'attendance', title: '我的考勤', description: '本月每日考勤与统计', url: ATTENDANCE_ROUTES.month },
        { key: 'att-leave', group: 'attendance', title: '请假 / 外勤 / 出差', description: '提交申请，查看审批结果', url: ATTENDANCE_ROUTES.leave },
      );
      if (me.role === 'chief' || me.role === 'office') {
        entries.push({ key: 'att-approvals', group: 'attendance', title: '请假审批', description: me.role === 'office' ? '处长（主任）本人的请假申请' : '本处室人员的请假、外勤、出差申请', url: ATTENDANCE_ROUTES.approvals });
      }
      if (me.role === 'chief') {
        entries.push({ key: 'att-section', group: 'attendance', title: '本处考勤', description: '每日考勤、异常提示、月报签字', url: ATTENDANCE_ROUTES.section });
      }
      if (me.role === 'office' || me.role === 'leader') {
        entries.push({ key: 'att-admin', group: 'attendance', title: '考勤管理', description: '月报上报情况、Excel 导出、节假日与考勤点', url: ATTENDANCE_ROUTES.admin });
      }
      entries.push({ key: 'diary', group: 'daily', title: '工作日记', description: '每天记：做了什么、为谁、结果如何', url: ROUTES.officerDiary });
      if (me.role === 'chief') {
        entries.push({ key: 'diary-review', group: 'daily', title: '日记审阅', description: '本处室本月日记完成情况与审阅', url: ROUTES.officerDiaryReview });
      }
      if (me.sectionId) {
        entries.push({ key: 'meetings', group: 'ledger', title: '处务会台账', description: '全年不少于 24 次，出勤与会议记录', url: ROUTES.officerMeetings });
        entries.push({ key: 'research', group: 'ledger', title: '下基层调研', description: '处室全年累计不少于 30 天', url: ROUTES.officerResearch });
      }
      if (me.role !== 'leader') {
        entries.push({ key: 'integrity', group: 'ledger', title: '述廉报告', description: '年度述廉，审核后存入个人廉政档案', url: ROUTES.officerIntegrity });
      }
      entries.push({ key: 'my-complaints', group: 'appraisal', title: '涉及我的投诉', description: '投诉记录与查实后的扣分事项', url: '/subpackages/officer/pages/my-complaints/index' });
      if (me.role !== 'staff') {
        entries.push({ key: 'complaints', group: 'admin', title: me.role === 'office' ? '投诉工作台' : '投诉与热线工单', description: me.role === 'office' ? '效能投诉、12319/12345 工单：交办、核实、答复、月度汇总、问题清单' : '本处室的投诉与热线工单办理情况', url: '/subpackages/admin/pages/complaints/index' });
      }
      entries.push({ key: 'democratic', group: 'appraisal', title: '民主测评', description: '年底为干部德、能、勤、绩、廉匿名打分', url: '/subpackages/officer/pages/democratic/index' });
      if (me.role === 'office' || me.role === 'leader') {
        entries.push({ key: 'surveys', group: 'admin', title: '满意度与测评', description: '问卷、扫码二维码、代表委员邀请、结果与待审核答卷', url: '/subpackages/admin/pages/surveys/index' });
      }
      entries.push({ key: 'my-score', group: 'appraisal', title: '我的成绩', description: '总分、等次、六项得分与每一项扣分的依据', url: ROUTES.officerScores });
      entries.push({ key: 'incidents', group: 'appraisal', title: me.role === 'office' ? '考评事件' : '我的考评事件', description: me.role === 'office' ? '记录、待核实、申诉处理' : '被记录的考评事件，可在申诉期内申诉', url: ROUTES.officerIncidents });
      if (me.role === 'office') entries.push({ key: 'incident-import', group: 'appraisal', title: '考评事件导入', description: '下载模板，Excel 批量导入考评事件（有错整份不导入）', url: ROUTES.adminIncidentImport });
      if (me.role === 'office' || me.role === 'leader') {
        entries.push(
          { key: 'inspections', group: 'appraisal', title: '督查记录', description: '五比五评：日常督查、专项督查、随机暗访（每类全年不少于 2 轮）', url: ROUTES.adminInspections },
          { key: 'commendations', group: 'appraisal', title: '表彰加分', description: '五比五评：表彰表扬加分（同一事项就高计一次）', url: ROUTES.adminCommendations },
        );
      }
      if (me.role === 'office') entries.push({ key: 'vetoes', group: 'appraisal', title: '一票否决', description: '五比五评：否决情形记录（该科室负责人年度不称职）', url: ROUTES.adminVetoes });
      if (me.role !== 'staff') entries.push({ key: 'leaderboard', group: 'appraisal', title: '成绩排行', description: me.role === 'chief' ? '本处室成绩排行' : '全局与处室排行、年度等次名单', url: ROUTES.officerLeaderboard });
      if (me.role === 'chief' || me.role === 'office') entries.push({ key: 'ratings', group: 'appraisal', title: '绩评定', description: '年度优秀、良好、一般、差（6 人以上处室优秀限 1 名）', url: ROUTES.officerRatings });
      if (me.role === 'office') entries.push({ key: 'audit', group: 'admin', title: '审计日志', description: '每一次写入的记录，防篡改', url: ROUTES.adminAudit });
      if (me.role === 'office') entries.push({ key: 'reminder-log', group: 'admin', title: '提醒发送记录', description: '到期提醒的站内通知与微信发送结果，可立即检查', url: ROUTES.adminReminderLog });
      if (me.role === 'office') {
        entries.push({ key: 'people', group: 'admin', title: '人员与邀请码', description: '为干部职工生成微信绑定邀请码', url: ROUTES.adminPeople });
      }
      if (me.branchSecretary) entries.push({ key: 'branch', group: 'ledger', title: '支部活动', description: '全年不少于 12 次：出勤、支部工作记录本、党费催缴', url: LEDGER_ROUTES.branch });
      if (me.role === 'office' || me.role === 'leader') {
        entries.push(
          { key: 'diary-check', group: 'ledger', title: '日记抽查', description: '按月随机抽查各处室工作日记，登记抽查发现', url: LEDGER_ROUTES.diaryCheck },
          { key: 'ledger-check', group: 'ledger', title: '台账季度抽查', description: '处务会记录、支部工作记录本每季度抽查', url: LEDGER_ROUTES.ledgerCheck },
          { key: 'gatherings', group: 'ledger', title: '全局大会 / 集体活动', description: '全局干部职工大会、集体活动的出勤登记', url: LEDGER_ROUTES.gatherings },
        );
      }
      if (me.role === 'office') entries.push({ key: 'integrity-review', group: 'ledger', title: '述廉审核', description: '审核述廉报告，存入廉政档案；处级干部登记党委会决定', url: LEDGER_ROUTES.integrityReview });
      if (me.role === 'office' || me.role === 'leader') {
        entries.push(
          { key: 'wubi-cycle', group: 'appraisal', title: '五比五评三年周期', description: '各参评科室安排在哪一年参评，三年全覆盖', url: CYCLE_ROUTES.planner },
          { key: 'order-checks', group: 'ledger', title: '卫生秩序检查', description: '定期检查各处室卫生和办公秩序，量化评比、排名、登记备案', url: ORDER_CHECK_ROUTES.office },
        );
      } else if (me.sectionId) {
        entries.push({ key: 'my-order-checks', group: 'ledger', title: '卫生秩序检查', description: me.role === 'chief' ? '本处室检查得分、扣分原因与名次' : '本处室检查得分与扣分原因', url: ORDER_CHECK_ROUTES.mine });
      }
      // review meetings (seed 000 五.(十)) and the chiefs' extra components (七.(一))
      if (me.role === 'leader') {
        entries.push({ key: 'leader-comment', group: 'appraisal', title: '局领导点评', description: '月度总结会：对机关各处室本月工作点评、评等次', url: REVIEW_ROUTES.leaderComment });
      }
      if (me.role === 'office' || me.role === 'leader') {
        entries.push(
          { key: 'review-monthly', group: 'appraisal', title: '月度总结会', description: me.role === 'office' ? '会议记录、局领导点评（可代录）、各处室当月均分' : '会议记录与各位局领导的点评', url: REVIEW_ROUTES.monthly },
          { key: 'review-quarterly', group: 'appraisal', title: '季度监察考评会', description: '各处室问题与得分、整改任务及落实情况', url: REVIEW_ROUTES.quarterly },
          { key: 'review-half-year', group: 'appraisal', title: '半年考评打分', description: '局属各单位为机关各处室的作风、效能打分', url: REVIEW_ROUTES.halfYear },
        );
      } else {
        entries.push({ key: 'review-tasks', group: 'appraisal', title: '整改任务', description: me.role === 'chief' ? '季度监察考评会交办本处室的整改任务' : '交给我的整改任务，完成后填写整改情况', url: REVIEW_ROUTES.tasks });
      }
      if (me.role !== 'staff') {
        entries.push(
          { key: 'innovations', group: 'appraisal', title: '工作创新', description: me.role === 'chief' ? '申报本处室的工作创新，查看评定结果' : me.role === 'office' ? '评定各处室申报的工作创新' : '各处室申报的工作创新与评定', url: REVIEW_ROUTES.innovations },
          { key: 'review-extras', group: 'appraisal', title: '附加项得分', description: '计入处长、副处长成绩的点评、季度考评、半年打分、工作创新', url: REVIEW_ROUTES.extras },
        );
      }
      if (me.role === 'office') entries.push({ key: 'extras-weights', group: 'admin', title: '附加项权重', description: '四个附加项在处长、副处长总分中的权重', url: REVIEW_ROUTES.weights });
      // duty and system ledgers (seed 000 五.(二), 五.(六), 五.(八))
      entries.push(
        { key: 'gov-duties', group: 'ledger', title: '三定职责', description: me.role === 'chief' ? '本处室职能、机构、编制，修订报考评办审核' : '各处室职能、机构、编制（含历次版本）', url: GOVERNANCE_ROUTES.duties },
        { key: 'gov-systems', group: 'ledger', title: '效能制度', description: '首问负责、限时办结、服务承诺等七项制度', url: GOVERNANCE_ROUTES.systems },
      );
      if (me.role === 'chief') entries.push({ key: 'gov-applications', group: 'ledger', title: '会议检查报批', description: '以局属单位为对象的会议、检查、评比，提前报批', url: GOVERNANCE_ROUTES.applications });
      if (me.role !== 'leader') entries.push({ key: 'gov-coordination', group: 'daily', title: '处室衔接', description: me.role === 'staff' ? '交给我经办的衔接事项' : '发起衔接、签收办结其他处室交办的事项', url: GOVERNANCE_ROUTES.coordination });
      if (me.role === 'office' || me.role === 'leader') entries.push({ key: 'gov-ledgers', group: 'admin', title: '三定与制度审核', description: '待审核的三定、效能制度，各处室建立情况', url: GOVERNANCE_ROUTES.ledgersReview });
      if (me.role === 'office') {
        entries.push(
          { key: 'gov-approvals', group: 'admin', title: '会议检查评比审批', description: '审批各处室报批，重叠的合并进行', url: GOVERNANCE_ROUTES.approvals },
          { key: 'gov-coordination-review', group: 'appraisal', title: '处室衔接核查', description: '逾期衔接事项待确认，认定脱节断档计入 JI-2', url: GOVERNANCE_ROUTES.coordinationReview },
        );
      }
      // 进度公示 and 公众开放日 (seed 002 五.(二), 五.(七))
      if (me.role === 'chief') entries.push({ key: 'progress-edit', group: 'admin', title: '进度公示填报', description: '“五比五评”参评科室：年度重点工作进展、为群众解决的问题，报考评办审核后公开', url: PUBLICITY_ROUTES.edit });
      if (me.role === 'office' || me.role === 'leader') {
        entries.push(
          { key: 'progress-review', group: 'admin', title: me.role === 'office' ? '进度公示审核' : '进度公示', description: me.role === 'office' ? '审核参评科室提交的进度公示，通过后向公众公开' : '各参评科室进度公示及审核情况', url: PUBLICITY_ROUTES.review },
          { key: 'open-days', group: 'admin', title: '公众开放日', description: me.role === 'office' ? '发布开放日、报名名单、现场签到' : '开放日报名与签到情况', url: PUBLICITY_ROUTES.openDays },
        );
      }
      return entries;
    }
  }
}
