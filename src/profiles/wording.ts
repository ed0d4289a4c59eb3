/**
 * One user-facing text in both languages (Chinese first), and a file's table of them by i18n key. It lives
 * on the profiles' floor because a profile's wording is profile data (each profile's `text/` folder);
 * i18n (src/i18n/texts.ts) gathers those tables with its own.
 */
export interface Text {
  readonly zh: string;
  readonly en: string;
}
export type Texts = Readonly<Record<string, Text>>;
