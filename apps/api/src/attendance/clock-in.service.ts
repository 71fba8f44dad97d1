import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ClockInRequest, PunchDto, PunchFlag } from '@kaoping/contracts';
import { DataSource, Not } from 'typeorm';
import type { PersonPrincipal } from '../access/principal.js';
import { DomainError } from '../common/errors/domain-error.js';
import { Clock, localDate } from '../common/time.js';
import { Env } from '../config/env.js';
import { FilesService } from '../files/files.service.js';
import { AttendanceSetupService } from './attendance-setup.service.js';
import { Punch } from './punch.entity.js';
import type { AttendanceSite } from './site.entity.js';
import { isDuplicateKey } from '../common/errors/db-errors.js';
import { IdempotencyStore } from '../common/idempotency/idempotency.store.js';
import { distanceMetres, localTime } from './zoned-time.js';

/** Below this distance two punches never count as an "impossible journey" (GPS jitter). */
const SPEED_MIN_DISTANCE_M = 1000;

export const PHOTO_PURPOSE = 'attendance.field';

const replayKey = (personId: string, key: string) => `clock-in:${personId}:${key}`;

/** Clock-in/out: geofence, accuracy, field (外勤) with photo, offline late sync, idempotency, anti-fraud flags. */
@Injectable()
export class ClockInService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(Env) private readonly env: Env,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(AttendanceSetupService) private readonly setup: AttendanceSetupService,
    @Inject(FilesService) private readonly files: FilesService,
    @Inject(IdempotencyStore) private readonly replays: IdempotencyStore,
  ) {}

  toDto(p: Punch, sites?: Map<string, string>): PunchDto {
    const tz = this.env.BUREAU_TIMEZONE;
    return {
      id: p.id,
      personId: p.personId,
      type: p.type,
      at: p.at.toISOString(),
      receivedAt: p.receivedAt.toISOString(),
      clientAt: p.clientAt.toISOString(),
      localDate: p.localDate,
      localTime: localTime(p.at, tz),
      latitude: p.latitude,
      longitude: p.longitude,
      accuracy: p.accuracy,
      siteId: p.siteId,
      siteName: p.siteId ? (sites?.get(p.siteId) ?? null) : null,
      distance: p.distance,
      field: !!p.field,
      note: p.note,
      photoFileId: p.photoFileId,
      flags: p.flags,
      skewSeconds: p.skewSeconds,
    };
  }

  /** The punch already stored under this key (the unique index on person + key is what keeps it to one row). */
  private async existing(personId: string, key: string): Promise<PunchDto | null> {
    const found = await this.ds.getRepository(Punch).findOneBy({ personId, idempotencyKey: key });
    if (!found) return null;
    const dto = this.toDto(found, await this.siteNames());
    await this.replays.put(replayKey(personId, key), dto);
    return { ...dto, duplicate: true };
  }

  private async siteNames(): Promise<Map<string, string>> {
    return new Map((await this.setup.activeSites()).map((s) => [s.id, s.name]));
  }

  async clockIn(user: PersonPrincipal, req: ClockInRequest): Promise<PunchDto> {
    // a retry answered from the shared replay cache, without the database; a miss falls through to the unique key
    const replay = await this.replays.get<PunchDto>(replayKey(user.id, req.idempotencyKey));
    if (replay) return { ...replay, duplicate: true };
    const repeat = await this.existing(user.id, req.idempotencyKey);
    if (repeat) return repeat;

    const env = this.env;
    const receivedAt = this.clock.now();
    const clientAt = new Date(req.clientTime);
    const skewSeconds = Math.round((+receivedAt - +clientAt) / 1000);
    const flags: PunchFlag[] = [];
    let at = receivedAt;
    if (req.offline) {
      if (skewSeconds > env.ATTENDANCE_LATE_SYNC_HOURS * 3600) {
        throw new DomainError(
          'ATTENDANCE_SYNC_EXPIRED',
          `这条离线打卡记录（${localTime(clientAt, env.BUREAU_TIMEZONE)}）已超过 ${env.ATTENDANCE_LATE_SYNC_HOURS} 小时补传时限，不能再提交。如确有出勤，请向处长说明后申请补登。`,
          'clientTime',
        );
      }
      if (skewSeconds < -env.ATTENDANCE_CLOCK_SKEW_SECONDS) {
        flags.push('clock_skew');
      } else {
        at = clientAt;
        if (skewSeconds > env.ATTENDANCE_CLOCK_SKEW_SECONDS) flags.push('late_sync');
      }
    } else if (Math.abs(skewSeconds) > env.ATTENDANCE_CLOCK_SKEW_SECONDS) {
      flags.push('clock_skew');
    }

    if (req.accuracy > env.ATTENDANCE_MAX_ACCURACY_M) {
      throw new DomainError(
        'ATTENDANCE_INACCURATE',
        `定位精度不足（误差约 ${Math.round(req.accuracy)} 米，需在 ${env.ATTENDANCE_MAX_ACCURACY_M} 米以内）。请打开手机 GPS 和 Wi-Fi，走到开阔处稍等几秒后重试。`,
        'accuracy',
      );
    }

    const sites = await this.setup.sitesFor(user.sectionId);
    let nearest: { site: AttendanceSite; distance: number } | null = null;
    for (const site of sites) {
      const distance = distanceMetres(req.latitude, req.longitude, site.latitude, site.longitude);
      if (!nearest || distance < nearest.distance) nearest = { site, distance };
    }
    const inside = !!nearest && nearest.distance <= nearest.site.radius;
    const field = !!req.field;
    if (!inside && !field) {
      if (!nearest) {
        throw new DomainError('ATTENDANCE_NO_SITE', '本处室尚未设置考勤点，无法定位打卡。请联系办公室设置，或使用“外勤打卡”（拍照并填写说明）。');
      }
      throw new DomainError(
        'ATTENDANCE_OUTSIDE_FENCE',
        `不在考勤范围内：距“${nearest.site.name}”约 ${Math.round(nearest.distance)} 米（范围 ${nearest.site.radius} 米）。请到考勤点附近打卡；如在外执行任务，请使用“外勤打卡”（需拍照并填写说明）。`,
      );
    }
    if (field) {
      if (!req.photoFileId) throw DomainError.invalid('photoFileId', '外勤打卡须现场拍照');
      if (!req.note?.trim()) throw DomainError.invalid('note', '外勤打卡须填写说明（地点和事由）');
      flags.push('field');
    }

    const bssid = req.bssid?.toLowerCase() ?? null;
    if (inside && nearest && nearest.site.bssids.length > 0 && bssid && !nearest.site.bssids.includes(bssid)) flags.push('unknown_bssid');

    const date = localDate(at, env.BUREAU_TIMEZONE);
    flags.push(...(await this.fraudFlags(user.id, req, at, date)));

    const repo = this.ds.getRepository(Punch);
    const punch = repo.create({
      personId: user.id,
      sectionId: user.sectionId,
      type: req.type,
      at,
      receivedAt,
      clientAt,
      skewSeconds,
      localDate: date,
      latitude: req.latitude,
      longitude: req.longitude,
      accuracy: req.accuracy,
      siteId: inside ? nearest!.site.id : null,
      distance: nearest ? Math.round(nearest.distance) : null,
      field,
      photoFileId: field ? req.photoFileId! : null,
      note: req.note?.trim() || null,
      deviceId: req.deviceId,
      bssid,
      idempotencyKey: req.idempotencyKey,
      flags,
    });
    try {
      if (field) {
        await this.ds.transaction(async (em) => {
          await this.files.claim([req.photoFileId!], user, PHOTO_PURPOSE, em, 'photoFileId');
          await em.getRepository(Punch).insert(punch);
        });
      } else {
        await repo.insert(punch);
      }
    } catch (err) {
      if (isDuplicateKey(err)) {
        const again = await this.existing(user.id, req.idempotencyKey);
        if (again) return again;
      }
      throw err;
    }
    const dto = this.toDto(punch, await this.siteNames());
    await this.replays.put(replayKey(user.id, req.idempotencyKey), dto);
    return dto;
  }

  /** Anti-fraud signals: shown to the chief and the office, never a refusal. */
  private async fraudFlags(personId: string, req: ClockInRequest, at: Date, date: string): Promise<PunchFlag[]> {
    const repo = this.ds.getRepository(Punch);
    const [previous, sameSpot, otherAccount] = await Promise.all([
      repo.findOne({ where: { personId }, order: { at: 'DESC' }, select: { id: true, at: true, latitude: true, longitude: true } }),
      repo.findOne({ where: { personId, latitude: req.latitude, longitude: req.longitude, localDate: Not(date) }, select: { id: true } }),
      repo.findOne({ where: { deviceId: req.deviceId, personId: Not(personId) }, select: { id: true } }),
    ]);
    const flags: PunchFlag[] = [];
    if (previous) {
      const metres = distanceMetres(previous.latitude, previous.longitude, req.latitude, req.longitude);
      const hours = Math.abs(+at - +previous.at) / 3_600_000;
      if (metres >= SPEED_MIN_DISTANCE_M && (hours === 0 || metres / 1000 / hours > this.env.ATTENDANCE_MAX_SPEED_KMH)) flags.push('impossible_speed');
    }
    if (sameSpot) flags.push('same_coordinates');
    if (otherAccount) flags.push('shared_device');
    return flags;
  }
}
