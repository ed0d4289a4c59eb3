/** Services for unit tests of actions, in Node: no map, no drawing, exports that do nothing. */
import { ioWorkers } from '../../app/io-client.ts';
import type { Editor } from '../../store/editor.ts';
import type { Services } from '../services.tsx';

export function testServices(editor: Editor): Services {
  return { editor, io: ioWorkers, view: null, draw: null, exports: { toggle: () => Promise.resolve() } };
}
