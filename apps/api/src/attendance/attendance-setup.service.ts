import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CalendarDayDto, CalendarKind, ScheduleDto, SiteDto } from '@kaoping/contracts';
import { Between, DataSource } from 'typeorm';
import { DomainError } from '../common/errors/domain-error.js';
import { OrgService } from '../org/org.service.js';
import { CalendarDay } from './calendar-day.entity.js';
import { WorkSchedule } from './schedule.entity.js';
import { AttendanceSite } from './site.entity.js';

export const DEFAULT_SCHEDULE = { startTime: '08:30', endTime: '17:30', weekdays: [1, 2, 3, 4, 5] };
const SITES_TTL_MS = 10_000;

/** Sites, schedules and the work calendar: what the office sets up. */
@Injectable()
export class AttendanceSetupService {
  private sitesCache: { at: number; sites: AttendanceSite[] } | null = null;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(OrgService) private readonly org: OrgService,
  ) {}

  toSiteDto(s: AttendanceSite): SiteDto {
    return { id: s.id, name: s.name, latitude: s.latitude, longitude: s.longitude, radius: s.radius, sectionIds: s.sectionIds, bssids: s.bssids, active: !!s.active };
  }

  /** Active sites, cached briefly (the clock-in path reads them on every tap). */
  async activeSites(): Promise<AttendanceSite[]> {
    const now = Date.now();
    if (this.sitesCache && now - this.sitesCache.at < SITES_TTL_MS) return this.sitesCache.sites;
    const sites = await this.ds.getRepository(AttendanceSite).find({ where: { active: true }, order: { name: 'ASC' } });
    this.sitesCache = { at: now, sites };
    return sites;
  }

  async sitesFor(sectionId: string | null): Promise<AttendanceSite[]> {
    if (!sectionId) return [];
    return (await this.activeSites()).filter((s) => s.sectionIds.includes(sectionId));
  }

  async listSites(): Promise<SiteDto[]> {
    const rows = await this.ds.getRepository(AttendanceSite).find({ order: { name: 'ASC' } });
    return rows.map((s) => this.toSiteDto(s));
  }

  private async checkSections(ids: string[]): Promise<void> {
    const known = new Set((await this.org.listSections()).map((s) => s.id));
    const unknown = ids.find((id) => !known.has(id));
    if (unknown) throw DomainError.invalid('sectionIds', `处室“${unknown}”不存在`);
  }

  async createSite(input: Omit<SiteDto, 'id' | 'active' | 'bssids'> & { bssids?: string[]; active?: boolean }): Promise<SiteDto> {
    await this.checkSections(input.sectionIds);
    const repo = this.ds.getRepository(AttendanceSite);
    const site = repo.create({ ...input, bssids: (input.bssids ?? []).map((b) => b.toLowerCase()), active: input.active ?? true });
    await repo.insert(site);
    this.sitesCache = null;
    return this.toSiteDto(site);
  }

  async updateSite(id: string, patch: Partial<Omit<SiteDto, 'id'>>): Promise<SiteDto> {
    const repo = this.ds.getRepository(AttendanceSite);
    const site = await repo.findOneBy({ id });
    if (!site) throw DomainError.notFound('考勤点', 'id');
    if (patch.sectionIds) await this.checkSections(patch.sectionIds);
    Object.assign(site, patch);
    if (patch.bssids) site.bssids = patch.bssids.map((b) => b.toLowerCase());
    await repo.save(site);
    this.sitesCache = null;
    return this.toSiteDto(site);
  }

  async schedules(): Promise<Map<string, ScheduleDto>> {
    const rows = await this.ds.getRepository(WorkSchedule).find();
    return new Map(rows.map((r) => [r.sectionId, { sectionId: r.sectionId, startTime: r.startTime, endTime: r.endTime, weekdays: r.weekdays }]));
  }

  /** A section's schedule; sections without one use the default 08:30–17:30, Monday–Friday. */
  scheduleOf(map: Map<string, ScheduleDto>, sectionId: string | null): ScheduleDto | null {
    if (!sectionId) return null;
    return map.get(sectionId) ?? { sectionId, ...DEFAULT_SCHEDULE };
  }

  async listSchedules(): Promise<ScheduleDto[]> {
    const map = await this.schedules();
    return (await this.org.listSections()).map((s) => this.scheduleOf(map, s.id)!);
  }

  async setSchedule(sectionId: string, input: Omit<ScheduleDto, 'sectionId'>): Promise<ScheduleDto> {
    await this.org.getSection(sectionId);
    if (input.endTime <= input.startTime) throw DomainError.invalid('endTime', '下班时间必须晚于上班时间');
    const repo = this.ds.getRepository(WorkSchedule);
    const weekdays = [...new Set(input.weekdays)].sort();
    await repo.save(repo.create({ sectionId, startTime: input.startTime, endTime: input.endTime, weekdays }));
    return { sectionId, startTime: input.startTime, endTime: input.endTime, weekdays };
  }

  async calendar(from: string, to: string): Promise<Map<string, { kind: CalendarKind; name: string }>> {
    const rows = await this.ds.getRepository(CalendarDay).find({ where: { date: Between(from, to) } });
    return new Map(rows.map((r) => [r.date, { kind: r.kind, name: r.name }]));
  }

  async listCalendar(year: number): Promise<CalendarDayDto[]> {
    const rows = await this.ds.getRepository(CalendarDay).find({ where: { date: Between(`${year}-01-01`, `${year}-12-31`) }, order: { date: 'ASC' } });
    return rows.map((r) => ({ date: r.date, kind: r.kind, name: r.name }));
  }

  async setCalendarDay(input: CalendarDayDto): Promise<CalendarDayDto> {
    const repo = this.ds.getRepository(CalendarDay);
    await repo.save(repo.create(input));
    return input;
  }

  async deleteCalendarDay(date: string): Promise<void> {
    const res = await this.ds.getRepository(CalendarDay).delete({ date });
    if (!res.affected) throw DomainError.notFound('该日期的节假日/调休设置', 'date');
  }
}
