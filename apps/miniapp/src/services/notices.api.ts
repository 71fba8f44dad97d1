import type { NoticeDto, NoticeListDto } from '@kaoping/contracts';
import { http } from './http';

/** 消息通知 (staff roles): the list with the unread count, and marking one read. Small: the home page imports it. */
export function listNotices(): Promise<NoticeListDto> {
  return http.get<NoticeListDto>('/api/notices', { toast: false });
}

export function readNotice(id: string): Promise<NoticeDto> {
  return http.post<NoticeDto>(`/api/notices/${encodeURIComponent(id)}/read`, {}, { toast: false });
}
