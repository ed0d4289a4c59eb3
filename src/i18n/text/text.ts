/** One user-facing text in both languages (Chinese first), and a file's table of them by i18n key. */
export interface Text {
  readonly zh: string;
  readonly en: string;
}
export type Texts = Readonly<Record<string, Text>>;
