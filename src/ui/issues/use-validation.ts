/**
 * Starts the validation worker for the editor's plan while the component using it is mounted, once
 * `ready` (the map has drawn the plan): sending a 20,000-parcel plan to a worker is a structured clone on
 * the main thread, which would otherwise compete with the map's first paint.
 */
import { useEffect } from 'react';
import type { Editor } from '../../store/editor.ts';
import { startValidation } from '../../worker/validation-client.ts';

export function useValidation(editor: Editor, ready: boolean): void {
  useEffect(() => (ready ? startValidation(editor, editor.issues) : undefined), [editor, ready]);
}
