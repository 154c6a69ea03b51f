/** A user-facing name in the two languages the platform ships: zh-CN first, English second. */
export interface Label {
  readonly 'zh-CN': string;
  readonly en: string;
}
