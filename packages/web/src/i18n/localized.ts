import type { Lang } from './language';

/** Text the server sends in both languages (problem messages, field errors). */
export type LocalizedText = Record<Lang, string>;

export function pickLocalized(text: Partial<LocalizedText> | undefined, lang: Lang): string | undefined {
  if (!text) return undefined;
  return text[lang] ?? text['zh-CN'] ?? text.en;
}
