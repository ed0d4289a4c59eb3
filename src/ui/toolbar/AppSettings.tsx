/**
 * The toolbar's app settings: 底图, the language switch and the shortcut help, each an action. On the row at
 * the right end, or as items of 更多 when the row is too narrow (they are the first to move there).
 */
import { useTranslation } from 'react-i18next';
import { actionById } from '../actions/index.ts';
import { useUi } from '../services.tsx';
import { BasemapIcon, HelpIcon, LanguageIcon } from '../tool-menu/tool-icons.tsx';
import { ActionButton, ActionMenuItem } from './ActionButton.tsx';

/** What the language switch offers: the other language, named in itself. */
function OtherLanguage() {
  const other = useUi((s) => (s.language === 'zh-CN' ? 'en' : 'zh-CN'));
  return <span lang={other}>{other === 'en' ? 'English' : '中文'}</span>;
}

export function AppSettings() {
  const { t } = useTranslation();
  return (
    <div className="group end" data-group="settings">
      <ActionButton action={actionById('basemap')} text={t('basemap.button')} />
      <ActionButton action={actionById('language')} text={<OtherLanguage />} />
      <ActionButton action={actionById('help')} icon={<HelpIcon />} showLabel={false} />
    </div>
  );
}

export function AppSettingsItems() {
  return (
    <>
      <ActionMenuItem action={actionById('basemap')} icon={<BasemapIcon />} />
      <ActionMenuItem action={actionById('language')} icon={<LanguageIcon />} text={<OtherLanguage />} />
      <ActionMenuItem action={actionById('help')} icon={<HelpIcon />} />
    </>
  );
}
