/** A target's or a unit's status as a Fluent Badge: green met, red not met, amber undetermined. */
import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import type { BadgeProps } from '@fluentui/react-components';
import type { TargetStatus, UnitStatus } from '../engine';
import { Lang, TARGET_STATUS_TEXT, UNIT_STATUS_TEXT } from '../i18n';

const useStyles = makeStyles({
  badge: {
    flexShrink: 0,
    whiteSpace: 'nowrap',
    fontWeight: tokens.fontWeightSemibold,
  },
});

const TARGET_COLOR: Readonly<Record<TargetStatus, BadgeProps['color']>> = {
  met: 'success',
  not_met: 'danger',
  undetermined: 'warning',
  no_data: 'informative',
  no_target: 'subtle',
};

const UNIT_COLOR: Readonly<Record<UnitStatus, BadgeProps['color']>> = {
  compliant: 'success',
  non_compliant: 'danger',
  undetermined: 'warning',
  not_applicable: 'subtle',
};

type StatusBadgeProps =
  | { readonly of: 'target'; readonly status: TargetStatus; readonly lang: Lang }
  | { readonly of: 'unit'; readonly status: UnitStatus; readonly lang: Lang };

export function StatusBadge(props: StatusBadgeProps) {
  const styles = useStyles();
  const [color, text] =
    props.of === 'target'
      ? [TARGET_COLOR[props.status], TARGET_STATUS_TEXT[props.status][props.lang]]
      : [UNIT_COLOR[props.status], UNIT_STATUS_TEXT[props.status][props.lang]];
  return (
    <Badge
      className={styles.badge}
      appearance={color === 'subtle' || color === 'informative' ? 'tint' : 'filled'}
      color={color}
      shape="rounded"
    >
      {text}
    </Badge>
  );
}
