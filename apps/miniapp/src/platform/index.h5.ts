import type { Platform, PlatformFile, PlatformLocation, PlatformPhoto } from './types';
import { storedDeviceId } from './device-id';

function locationError(err: GeolocationPositionError | Error): Error {
  const code = (err as GeolocationPositionError).code;
  if (code === 1) return new Error('未获得定位权限，请在浏览器设置中允许定位后重试');
  if (code === 3) return new Error('定位超时，请到开阔处稍后重试');
  return new Error('无法获取位置，请打开定位后重试');
}

/** A hidden camera input, clicked from the user's tap (capture="environment": no album on phones). */
function pickFromCamera(): Promise<PlatformPhoto | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = 'image/*';
    input.setAttribute('capture', 'environment');
    input.setAttribute('data-testid', 'photo-input');
    input.style.display = 'none';
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      input.remove();
      resolve(file ? { preview: URL.createObjectURL(file), file } : null);
    });
    input.addEventListener('cancel', () => {
      input.remove();
      resolve(null);
    });
    document.body.appendChild(input);
    input.click();
  });
}

/** A hidden file input clicked from the user's tap; `capture` unset: camera or album. */
function pickFile(accept: string, testId: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.setAttribute('data-testid', testId);
    input.style.display = 'none';
    input.addEventListener('change', () => {
      const file = input.files?.[0] ?? null;
      input.remove();
      resolve(file);
    });
    input.addEventListener('cancel', () => {
      input.remove();
      resolve(null);
    });
    document.body.appendChild(input);
    input.click();
  });
}

export const platform: Platform = {
  name: 'h5',
  async login() {
    return null;
  },
  deviceId: storedDeviceId,
  getLocation() {
    return new Promise<PlatformLocation>((resolve, reject) => {
      if (!navigator.geolocation) return reject(new Error('当前浏览器不支持定位'));
      navigator.geolocation.getCurrentPosition(
        (pos) => resolve({ latitude: pos.coords.latitude, longitude: pos.coords.longitude, accuracy: pos.coords.accuracy }),
        (err) => reject(locationError(err)),
        { enableHighAccuracy: true, timeout: 15_000, maximumAge: 0 },
      );
    });
  },
  async wifiBssid() {
    return undefined;
  },
  takePhoto: pickFromCamera,
  async uploadPhoto(photo, url, token) {
    if (!photo.file) throw new Error('请重新拍照');
    const form = new FormData();
    form.append('file', photo.file, 'photo.jpg');
    const res = await fetch(url, { method: 'POST', body: form, headers: token ? { Authorization: `Bearer ${token}` } : {} });
    const body = (await res.json().catch(() => ({}))) as { id?: string; url?: string; message?: string };
    if (!res.ok || !body.id) throw new Error(body.message ?? '照片上传失败，请重试');
    return { id: body.id, url: body.url ?? '' };
  },
  async choosePhoto(): Promise<PlatformPhoto | null> {
    const file = await pickFile('image/jpeg,image/png,image/webp', 'photo-input');
    return file ? { preview: URL.createObjectURL(file), file } : null;
  },
  async chooseFile(extensions: string[]): Promise<PlatformFile | null> {
    const file = await pickFile(extensions.map((e) => `.${e}`).join(','), 'file-input');
    return file ? { path: URL.createObjectURL(file), name: file.name, file } : null;
  },
  async uploadFile(picked, url, token) {
    if (!picked.file) throw new Error('请重新选择文件');
    const form = new FormData();
    form.append('file', picked.file, picked.name);
    const res = await fetch(url, { method: 'POST', body: form, headers: token ? { Authorization: `Bearer ${token}` } : {} });
    return { statusCode: res.status, body: (await res.json().catch(() => ({}))) as unknown };
  },
  async openDownload(url, token, filename) {
    const res = await fetch(url, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
    if (!res.ok) throw new Error('下载失败，请稍后重试');
    const blob = await res.blob();
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = filename;
    document.body.appendChild(a);
    a.click();
    a.remove();
  },
  async requestSubscribe() {
    return null; // subscription messages exist only in the WeChat mini-program
  },
};
