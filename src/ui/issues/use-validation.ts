/** Starts the validation worker for the editor's plan while the component using it is mounted. */
import { useEffect } from 'react';
import type { Editor } from '../../store/editor.ts';
import { startValidation } from '../../worker/validation-client.ts';

export function useValidation(editor: Editor): void {
  useEffect(() => startValidation(editor, editor.issues), [editor]);
}
