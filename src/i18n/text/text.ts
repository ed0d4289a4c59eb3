/** The shape of every `*.text.ts` file: defined beside the profiles' wording, which is the same data. */
export type { Text, Texts } from '../../profiles/wording.ts';
