import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { ALL_UNITS, EFFICIENCY_SYSTEM_LABELS, type EfficiencySystemKind, type SystemItemDto } from '@kaoping/contracts';
import { addDays, localDate } from '../common/time.js';
import { ActivityApplication, CoordinationRecord, DutyVersion, EfficiencySystem, EfficiencySystemVersion } from './governance.entities.js';

const DAY = 86_400_000;
const OFFICE = 'p039';

async function insertOnce<T extends ObjectLiteral>(em: EntityManager, entity: EntityTarget<T>, row: T & { id: string }): Promise<void> {
  const repo = em.getRepository(entity);
  if (await repo.createQueryBuilder('x').where('x.id = :id', { id: row.id }).getExists()) return;
  await repo.insert(repo.create(row));
}

const ZF1_DUTIES = [
  '负责全市市容秩序、占道经营、流动摊点的日常执法巡查',
  '负责夜市、早市等重点区域的执法管理和秩序维护',
  '负责查处违反市容环境卫生管理规定的行为',
  '负责重大活动期间的市容保障和应急处置',
  '承办局领导交办的其他事项',
];

/**
 * Demo duty and system ledgers (idempotent, fixed ids): 三定 versions for 执法一处 (two, history kept), 法规处 and a
 * pending one for 执法二处; 执法一处's efficiency systems (首问负责、限时办结、服务承诺 in force, 同岗替代 awaiting
 * review); applications (two overlapping ones pending, one merged pair, one refused); coordination records (one
 * overdue awaiting the office's confirmation, one in time, one just sent).
 */
export async function seedDemoGovernance(ds: DataSource, nowMs = Date.now()): Promise<void> {
  const now = new Date(nowMs);
  const today = localDate(now, 'Asia/Shanghai');
  const day = (n: number) => addDays(today, n);
  const at = (n: number) => new Date(nowMs + n * DAY);
  const decided = { decidedBy: OFFICE, decisionNote: null };
  await ds.transaction(async (em) => {
    // ── 三定 ──
    const duty = (id: string, sectionId: string, seq: number, effectiveFrom: string, duties: string[], staffing: { chief: number; deputy: number; staff: number }, by: string, status: 'approved' | 'pending', note: string | null) =>
      insertOnce(em, DutyVersion, {
        id,
        sectionId,
        seq,
        effectiveFrom,
        duties,
        structure: '内设综合组、巡查一组、巡查二组',
        staffing,
        note,
        status,
        submittedBy: by,
        submittedAt: at(-400 + seq),
        ...(status === 'approved' ? { ...decided, decidedAt: at(-399 + seq) } : { decidedBy: null, decidedAt: null, decisionNote: null }),
      });
    await duty('demo-duty-zf1-1', 'zf1', 1, '2019-01-01', ZF1_DUTIES.slice(0, 3).concat(ZF1_DUTIES[4]!), { chief: 1, deputy: 1, staff: 5 }, OFFICE, 'approved', '依据2019年机构改革三定方案');
    await duty('demo-duty-zf1-2', 'zf1', 2, '2024-03-01', ZF1_DUTIES, { chief: 1, deputy: 1, staff: 6 }, 'p015', 'approved', '增加重大活动保障职责');
    await duty(
      'demo-duty-fgc-1',
      'fgc',
      1,
      '2019-01-01',
      ['负责行政处罚案件的法制审核', '负责规范性文件的起草和合法性审查', '负责行政复议、行政诉讼的应诉工作', '负责执法人员的法律培训'],
      { chief: 1, deputy: 1, staff: 4 },
      OFFICE,
      'approved',
      null,
    );
    await duty('demo-duty-zf2-1', 'zf2', 1, day(14), ['负责违法建设的查处和拆除', '负责户外广告设置的执法监管', '承办局领导交办的其他事项'], { chief: 1, deputy: 1, staff: 4 }, 'p021', 'pending', '按新三定方案梳理');

    // ── 效能制度（执法一处、法规处）──
    const system = async (id: string, sectionId: string, kind: EfficiencySystemKind, versions: { id: string; content: string; items: SystemItemDto[]; publish: boolean; status: 'approved' | 'pending'; from: string }[]) => {
      await insertOnce(em, EfficiencySystem, { id, sectionId, kind, name: EFFICIENCY_SYSTEM_LABELS[kind], createdAt: at(-200) });
      let seq = 0;
      for (const v of versions) {
        seq++;
        await insertOnce(em, EfficiencySystemVersion, {
          id: v.id,
          systemId: id,
          seq,
          content: v.content,
          items: v.items,
          effectiveFrom: v.from,
          publish: v.publish,
          publishedAt: v.status === 'approved' && v.publish ? at(-190 + seq) : null,
          status: v.status,
          submittedBy: sectionId === 'zf1' ? 'p015' : 'p014',
          submittedAt: at(-195 + seq),
          ...(v.status === 'approved' ? { ...decided, decidedAt: at(-190 + seq) } : { decidedBy: null, decidedAt: null, decisionNote: null }),
        });
      }
    };
    await system('demo-sys-zf1-first', 'zf1', 'first_inquiry', [
      { id: 'demo-sysv-zf1-first-1', content: '群众来电、来访、来信首先接待的工作人员为首问责任人，属本处职责的当场或限时办理，不属本处职责的负责引导至责任处室并告知联系方式，不得推诿。', items: [], publish: true, status: 'approved', from: '2024-01-01' },
    ]);
    await system('demo-sys-zf1-limit', 'zf1', 'time_limit', [
      {
        id: 'demo-sysv-zf1-limit-1',
        content: '本处承办的事项按以下时限办结，因特殊情况不能按期办结的，须在时限届满前报处长批准并告知当事人。',
        items: [
          { matter: '市民占道经营投诉的现场处置', limitDays: 1, detail: '接到派单后当日到场' },
          { matter: '简易程序行政处罚', limitDays: 3, detail: null },
          { matter: '一般程序案件调查终结', limitDays: 30, detail: '复杂案件经批准可延长' },
        ],
        publish: true,
        status: 'approved',
        from: '2024-01-01',
      },
    ]);
    await system('demo-sys-zf1-pledge', 'zf1', 'service_pledge', [
      {
        id: 'demo-sysv-zf1-pledge-1',
        content: '执法一处向社会公开承诺如下，欢迎监督，投诉电话 12319。',
        items: [
          { matter: '文明执法，不刁难、不粗暴', limitDays: null, detail: null },
          { matter: '群众投诉 24 小时内响应', limitDays: null, detail: null },
          { matter: '执法全程记录，主动出示证件', limitDays: null, detail: null },
        ],
        publish: true,
        status: 'approved',
        from: '2024-01-01',
      },
    ]);
    await system('demo-sys-zf1-substitute', 'zf1', 'substitute', [
      { id: 'demo-sysv-zf1-substitute-1', content: '实行 AB 岗工作制：A 岗人员因公出差、请假时，由 B 岗人员代为履行职责，确保工作不断档。', items: [{ matter: '巡查一组组长 ↔ 巡查二组组长', limitDays: null, detail: null }], publish: false, status: 'pending', from: day(7) },
    ]);
    await system('demo-sys-fgc-first', 'fgc', 'first_inquiry', [
      { id: 'demo-sysv-fgc-first-1', content: '首问责任人对咨询的法律问题当场答复，不能当场答复的 3 个工作日内答复。', items: [{ matter: '法律咨询答复', limitDays: 3, detail: null }], publish: false, status: 'approved', from: '2024-01-01' },
    ]);

    // ── 会议、检查、评比报批 ──
    const app = (row: Partial<ActivityApplication> & { id: string; sectionId: string; kind: ActivityApplication['kind']; title: string; targetUnits: string[]; plannedDate: string; appliedBy: string; status: ActivityApplication['status'] }) =>
      insertOnce(em, ActivityApplication, {
        endDate: row.plannedDate,
        reason: '落实年度工作计划，了解基层执行情况',
        expectedAttendees: 20,
        appliedAt: at(-3),
        decidedBy: null,
        decidedAt: null,
        decisionNote: null,
        mergedIntoId: null,
        mergedFromIds: [],
        ...row,
      } as ActivityApplication);
    await app({ id: 'demo-app-zf1-night', sectionId: 'zf1', kind: 'inspection', title: '夜市占道经营专项检查', targetUnits: ['市城市管理综合执法支队'], plannedDate: day(10), endDate: day(11), appliedBy: 'p015', status: 'pending', expectedAttendees: 12 });
    await app({ id: 'demo-app-zf2-shops', sectionId: 'zf2', kind: 'inspection', title: '门前三包落实情况检查', targetUnits: ['市城市管理综合执法支队', '市环境卫生管理处'], plannedDate: day(13), appliedBy: 'p021', status: 'pending', expectedAttendees: 8 });
    await app({ id: 'demo-app-fgc-cases', sectionId: 'fgc', kind: 'meeting', title: '执法案卷评查工作会', targetUnits: [ALL_UNITS], plannedDate: day(20), appliedBy: 'p014', status: 'approved', decidedBy: OFFICE, decidedAt: at(-1), decisionNote: '同意，控制在半天以内', expectedAttendees: 30 });
    await app({
      id: 'demo-app-bgs-half',
      sectionId: 'bgs',
      kind: 'inspection',
      title: '上半年综合工作检查',
      targetUnits: ['市城市管理监督指挥中心', '市园林绿化管理处'],
      plannedDate: day(25),
      endDate: day(26),
      appliedBy: 'p003',
      status: 'approved',
      decidedBy: OFFICE,
      decidedAt: at(-2),
      decisionNote: '合并审批：与指挥调度室的数字城管考核合并进行，一次检查两项内容',
      mergedFromIds: ['demo-app-zhdd-digital'],
    });
    await app({
      id: 'demo-app-zhdd-digital',
      sectionId: 'zhdd',
      kind: 'appraisal',
      title: '数字城管案件办理考核',
      targetUnits: ['市城市管理监督指挥中心'],
      plannedDate: day(24),
      appliedBy: 'p027',
      status: 'merged',
      decidedBy: OFFICE,
      decidedAt: at(-2),
      decisionNote: '与指挥调度室的数字城管考核合并进行，一次检查两项内容',
      mergedIntoId: 'demo-app-bgs-half',
    });
    await app({ id: 'demo-app-zf2-weekly', sectionId: 'zf2', kind: 'meeting', title: '大队中队长周例会', targetUnits: ['市城市管理综合执法支队'], plannedDate: day(5), appliedBy: 'p021', status: 'rejected', decidedBy: OFFICE, decidedAt: at(-1), decisionNote: '每周召集基层负责人开会负担过重，请改为每月一次或书面调度' });

    // ── 处室衔接 ──
    const coord = (row: Partial<CoordinationRecord> & { id: string; fromSectionId: string; toSectionId: string; matter: string; deadline: string; createdBy: string; status: CoordinationRecord['status'] }) =>
      insertOnce(em, CoordinationRecord, {
        detail: '请按时限办理并回复联系人',
        contactName: '向宏伟',
        contactPhone: '13900000000',
        handlerId: null,
        acknowledgedBy: null,
        acknowledgedAt: null,
        acknowledgedOn: null,
        completedAt: null,
        completedOn: null,
        result: null,
        breakStatus: null,
        breakNote: null,
        breakDecidedBy: null,
        breakDecidedAt: null,
        responsiblePersonId: null,
        incidentId: null,
        createdAt: at(-10),
        ...row,
      } as CoordinationRecord);
    await coord({
      id: 'demo-coord-overdue',
      fromSectionId: 'zhdd',
      toSectionId: 'zf1',
      matter: '人民路夜市占道经营投诉转办',
      detail: '12319 转来投诉 3 件，请核查处置并回复指挥调度室',
      deadline: day(-3),
      contactName: '陶卫东',
      createdBy: 'p027',
      status: 'acknowledged',
      handlerId: 'p017',
      acknowledgedBy: 'p015',
      acknowledgedAt: at(-8),
      acknowledgedOn: day(-8),
    });
    await coord({
      id: 'demo-coord-done',
      fromSectionId: 'zf1',
      toSectionId: 'fgc',
      matter: '夜市执法案卷法制审核',
      detail: '一般程序案件 2 件，请法制审核',
      deadline: day(-2),
      createdBy: 'p015',
      status: 'completed',
      handlerId: 'p011',
      acknowledgedBy: 'p014',
      acknowledgedAt: at(-9),
      acknowledgedOn: day(-9),
      completedAt: at(-4),
      completedOn: day(-4),
      result: '审核完毕，1 件退回补充证据，已告知执法一处',
    });
    await coord({ id: 'demo-coord-new', fromSectionId: 'zf2', toSectionId: 'zf1', matter: '联合整治东门违建和占道', detail: '拟于下周联合行动，请执法一处派 2 人配合', deadline: day(6), contactName: '余子豪', createdBy: 'p021', status: 'sent', createdAt: at(-1) });
  });
}
