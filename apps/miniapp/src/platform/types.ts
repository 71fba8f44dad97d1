/** What differs between WeChat and the browser. Pages import `../platform`; Taro picks index.{weapp,h5}.ts. */
export interface Platform {
  /** 'weapp' or 'h5'. */
  readonly name: 'weapp' | 'h5';
  /** A WeChat login code (weapp), or null where there is no WeChat login (h5). */
  login(): Promise<string | null>;
  /** A stable random id for this device, kept in storage (identifies an anonymous citizen). */
  deviceId(): string;
}
