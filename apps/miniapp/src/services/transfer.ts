import { platform } from '../platform';
import type { PlatformFile, PlatformPhoto } from '../platform/types';
import { freshToken } from './http';

/**
 * Uploads and downloads that go through the platform layer (wx.uploadFile / wx.downloadFile) rather than `http`:
 * they carry the session's access token, renewed first when it is about to expire, like every `http` request.
 */
export async function uploadPhoto(photo: PlatformPhoto, url: string): Promise<{ id: string; url: string }> {
  return platform.uploadPhoto(photo, url, await freshToken());
}

export async function uploadFile(file: PlatformFile, url: string): Promise<{ statusCode: number; body: unknown }> {
  return platform.uploadFile(file, url, await freshToken());
}

export async function openDownload(url: string, filename: string): Promise<void> {
  return platform.openDownload(url, await freshToken(), filename);
}
