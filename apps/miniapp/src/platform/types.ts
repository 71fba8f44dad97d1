/** What differs between WeChat and the browser. Pages import `../platform`; Taro picks index.{weapp,h5}.ts. */
export interface Platform {
  /** 'weapp' or 'h5'. */
  readonly name: 'weapp' | 'h5';
  /** A WeChat login code (weapp), or null where there is no WeChat login (h5). */
  login(): Promise<string | null>;
  /** A stable random id for this device, kept in storage (identifies an anonymous citizen). */
  deviceId(): string;
  /** Current position, gcj02 on weapp (high accuracy); the browser's position on h5. Rejects with a Chinese message. */
  getLocation(): Promise<PlatformLocation>;
  /** BSSID of the connected Wi-Fi when the platform gives it (weapp), else undefined. */
  wifiBssid(): Promise<string | undefined>;
  /** A photo taken now with the camera (no album). Null when the user cancels. */
  takePhoto(): Promise<PlatformPhoto | null>;
  /** Uploads a photo to `url` (multipart field `file`) and answers the API's JSON. */
  uploadPhoto(photo: PlatformPhoto, url: string, token: string | null): Promise<{ id: string; url: string }>;
  /** A photo from the camera or the album. Null when the user cancels. */
  choosePhoto(): Promise<PlatformPhoto | null>;
  /** A document (e.g. .xlsx/.csv) from chat files (weapp) or the file system (h5). Null when cancelled. */
  chooseFile(extensions: string[]): Promise<PlatformFile | null>;
  /** Uploads a picked file as multipart field `file`; answers the status and the parsed JSON body. */
  uploadFile(file: PlatformFile, url: string, token: string | null): Promise<{ statusCode: number; body: unknown }>;
  /** Downloads a file with the token and opens (weapp) or saves (h5) it. */
  openDownload(url: string, token: string | null, filename: string): Promise<void>;
  /**
   * Asks for WeChat subscription-message consent (wx.requestSubscribeMessage, at most 3 templates, from a tap) and
   * answers which templates were accepted and which refused; null where there are no subscription messages (h5).
   */
  requestSubscribe(templateIds: string[]): Promise<SubscribeResult | null>;
}

export interface SubscribeResult {
  accepted: string[];
  /** reject, ban (blocked by WeChat) or filter (template filtered): no message may be sent. */
  rejected: string[];
}

export interface PlatformLocation {
  latitude: number;
  longitude: number;
  /** Metres. */
  accuracy: number;
}

export interface PlatformPhoto {
  /** A local path (weapp) or an object URL (h5) for a preview. */
  preview: string;
  /** The picked file (h5 only). */
  file?: Blob;
}

export interface PlatformFile {
  /** A local path (weapp) or an object URL (h5). */
  path: string;
  name: string;
  /** The picked file (h5 only). */
  file?: Blob;
}
