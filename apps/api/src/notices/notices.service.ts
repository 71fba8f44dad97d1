import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NoticeDto, NoticeListDto } from '@kaoping/contracts';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { DomainError } from '../common/errors/domain-error.js';
import { Clock } from '../common/time.js';
import { Person } from '../org/person.entity.js';
import { Notice } from './notice.entity.js';

export interface NewNotice {
  personId: string;
  kind: string;
  title: string;
  body: string;
  link?: string | null;
}

/** In-app notices (a later issue adds WeChat subscription messages on top). */
@Injectable()
export class NoticesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** Adds notices inside the caller's transaction; answers their ids, in order. */
  async notify(em: EntityManager, notices: NewNotice[]): Promise<string[]> {
    const repo = em.getRepository(Notice);
    const ids: string[] = [];
    for (const n of notices) {
      const row = repo.create({ ...n, link: n.link ?? null, readAt: null });
      await repo.insert(row);
      ids.push(row.id);
    }
    return ids;
  }

  /** Notices to every office member (考评办). */
  async notifyOffice(em: EntityManager, n: Omit<NewNotice, 'personId'>): Promise<void> {
    const office = await em.getRepository(Person).find({ where: { accessRole: 'office', active: true } });
    await this.notify(em, office.map((p) => ({ ...n, personId: p.id })));
  }

  toDto(n: Notice): NoticeDto {
    return {
      id: n.id,
      kind: n.kind,
      title: n.title,
      body: n.body,
      link: n.link,
      readAt: n.readAt ? new Date(n.readAt).toISOString() : null,
      createdAt: new Date(n.createdAt).toISOString(),
    };
  }

  async list(personId: string): Promise<NoticeListDto> {
    const repo = this.ds.getRepository(Notice);
    const items = await repo.find({ where: { personId }, order: { createdAt: 'DESC' }, take: 100 });
    const unread = await repo.count({ where: { personId, readAt: IsNull() } });
    return { unread, items: items.map((n) => this.toDto(n)) };
  }

  async markRead(personId: string, id: string): Promise<NoticeDto> {
    const repo = this.ds.getRepository(Notice);
    const n = await repo.findOneBy({ id });
    if (!n || n.personId !== personId) throw DomainError.notFound('通知', 'id');
    if (!n.readAt) {
      n.readAt = this.clock.now();
      await repo.save(n);
    }
    return this.toDto(n);
  }
}
