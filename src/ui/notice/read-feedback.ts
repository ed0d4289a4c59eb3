/** A feedback file's text or pasted QR text, read by the matching reader. */
import type { Result } from '../../domain/message.ts';
import { parseFeedbackFile, type FeedbackBundle } from '../../io/feedback/feedback-file.ts';
import { looksLikeQrText, parseQrText } from '../../io/feedback/qr-text.ts';

export function readFeedbackText(text: string): Result<FeedbackBundle> {
  return looksLikeQrText(text) && !text.trimStart().startsWith('{') ? parseQrText(text) : parseFeedbackFile(text);
}
