/**
 * A list row that takes the user somewhere in the workbook: a real button (keyboard, screen
 * readers), full width, text that wraps, a visible focus ring. While the pane is busy it stays
 * focusable but does nothing (aria-disabled), so focus is never lost.
 */
import { createFocusOutlineStyle, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  button: {
    // The focus ring is drawn by ::after, placed against this box.
    position: 'relative',
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'stretch',
    rowGap: tokens.spacingVerticalXXS,
    width: '100%',
    minWidth: 0,
    boxSizing: 'border-box',
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    textAlign: 'left',
    font: 'inherit',
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    cursor: 'pointer',
    overflowWrap: 'anywhere',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':active': { backgroundColor: tokens.colorNeutralBackground1Pressed },
    ...createFocusOutlineStyle(),
  },
  inactive: {
    cursor: 'default',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1 },
  },
});

export interface ItemButtonProps {
  readonly onClick: () => void;
  readonly inactive: boolean;
  readonly children: ReactNode;
}

export function ItemButton({ onClick, inactive, children }: ItemButtonProps) {
  const styles = useStyles();
  return (
    <button
      type="button"
      className={mergeClasses(styles.button, inactive && styles.inactive)}
      aria-disabled={inactive || undefined}
      onClick={() => {
        if (!inactive) onClick();
      }}
    >
      {children}
    </button>
  );
}
