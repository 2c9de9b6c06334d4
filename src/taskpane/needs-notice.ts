/** What the pane says after going to a person's row: nothing when it went there, else why it did not. */
import type { PersonRef, PersonSelection } from '../excel/training-needs';
import type { Lang } from '../i18n';
import { NEEDS_STRINGS } from './needs-strings';
import type { NoticeMessage } from './Notice';

export function personNotice(out: PersonSelection, person: PersonRef, lang: Lang): NoticeMessage | null {
  const s = NEEDS_STRINGS[lang];
  if (out.status === 'selected') return null;
  if (out.status === 'moved') return { intent: 'error', text: s.moved(person.name, out.sheet, out.address, out.found) };
  return { intent: 'error', text: s.gone(person.name, person.sheet) };
}
