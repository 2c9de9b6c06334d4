/**
 * The outcome of the last action as a Fluent MessageBar: an error (role="alert") with the
 * adapter's sentence saying what to do, a success, or a calm note (a cancel). Always dismissible.
 */
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  useId,
} from '@fluentui/react-components';
import type { Lang } from '../i18n';
import { STRINGS } from './strings';

export interface NoticeMessage {
  readonly intent: 'error' | 'success' | 'info';
  readonly text: string;
}

const useStyles = makeStyles({
  body: {
    overflowWrap: 'anywhere',
    whiteSpace: 'normal',
  },
});

function DismissIcon() {
  return (
    <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true" focusable="false">
      <path d="M5 5l10 10M15 5L5 15" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" fill="none" />
    </svg>
  );
}

export interface NoticeProps {
  readonly notice: NoticeMessage;
  readonly lang: Lang;
  readonly onDismiss: () => void;
}

export function Notice({ notice, lang, onDismiss }: NoticeProps) {
  const styles = useStyles();
  const s = STRINGS[lang];
  const error = notice.intent === 'error';
  const bodyId = useId('notice-');
  // MessageBar labels itself by its title; a notice without one is labelled by its text instead.
  return (
    <MessageBar
      intent={notice.intent}
      layout="multiline"
      {...(error ? { role: 'alert' } : { politeness: 'polite' as const, 'aria-labelledby': bodyId })}
    >
      <MessageBarBody id={bodyId} className={styles.body}>
        {error && <MessageBarTitle>{s.errorTitle}</MessageBarTitle>}
        {notice.text}
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button appearance="transparent" size="small" aria-label={s.dismiss} icon={<DismissIcon />} onClick={onDismiss} />
        }
      />
    </MessageBar>
  );
}
