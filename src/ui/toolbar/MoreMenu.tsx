/**
 * 更多: the toolbar's groups that do not fit on the row at the window's width (use-toolbar-overflow.ts),
 * as menu items in the order they have on the row, one group after another.
 */
import { Fragment, type ReactNode, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { NoticeItems } from '../notice/NoticeMenu.tsx';
import { FindToolsItems, FindToolsPopover } from '../search/FindTools.tsx';
import { MoreIcon } from '../tool-menu/tool-icons.tsx';
import { AppSettingsItems } from './AppSettings.tsx';
import { EditToolsItems } from './EditTools.tsx';
import { MenuButton, MenuSeparator } from './MenuButton.tsx';

/** The groups that may move into 更多, lowest priority first: the first to go when the row is too narrow. */
export const MOVABLE_GROUPS = ['settings', 'find', 'notice', 'edit'] as const;
export type MovableGroup = (typeof MOVABLE_GROUPS)[number];
const ROW_ORDER: readonly MovableGroup[] = ['edit', 'find', 'notice', 'settings'];

export function MoreMenu({ groups }: { groups: readonly MovableGroup[] }) {
  const { t } = useTranslation();
  const button = useRef<HTMLButtonElement | null>(null);
  const items: Record<MovableGroup, ReactNode> = {
    edit: <EditToolsItems />,
    find: <FindToolsItems />,
    notice: <NoticeItems />,
    settings: <AppSettingsItems />,
  };
  const inRowOrder = ROW_ORDER.filter((group) => groups.includes(group));
  return (
    <MenuButton
      label={
        <>
          <span className="icon" aria-hidden="true">
            <MoreIcon />
          </span>
          {t('toolbar.more')}
        </>
      }
      name={t('toolbar.moreHint')}
      action="more"
      alignEnd
      buttonRef={button}
      beside={groups.includes('find') ? <FindToolsPopover returnFocus={() => button.current?.focus()} /> : null}
    >
      {inRowOrder.map((group, index) => (
        <Fragment key={group}>
          {index > 0 ? <MenuSeparator /> : null}
          {items[group]}
        </Fragment>
      ))}
    </MenuButton>
  );
}
