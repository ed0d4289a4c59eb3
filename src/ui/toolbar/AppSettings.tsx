/**
 * The toolbar's app settings: 底图, the language switch and the shortcut help. On the row at the right end,
 * or as items of 更多 when the row is too narrow (they are the first to move there).
 */
import { useTranslation } from 'react-i18next';
import { actionById } from '../actions/index.ts';
import { useServices, useUi } from '../services.tsx';
import { BasemapIcon, HelpIcon, LanguageIcon } from '../tool-menu/tool-icons.tsx';
import { ActionButton, ActionMenuItem } from './ActionButton.tsx';
import { MenuItem } from './MenuButton.tsx';

/** The other language, named in itself: what the switch offers. */
function useLanguageSwitch() {
  const { editor } = useServices();
  const language = useUi((s) => s.language);
  const other = language === 'zh-CN' ? 'en' : 'zh-CN';
  return { other, name: other === 'en' ? 'English' : '中文', run: () => editor.ui.setLanguage(other) };
}

export function AppSettings({ onBasemap }: { onBasemap: () => void }) {
  const { t } = useTranslation();
  const language = useLanguageSwitch();
  return (
    <div className="group end" data-group="settings">
      <button type="button" className="tool-button" data-action="basemap" onClick={onBasemap}>
        {t('basemap.button')}
      </button>
      <button type="button" className="tool-button" data-action="language" lang={language.other} title={t('actions.language')} onClick={language.run}>
        {language.name}
      </button>
      <ActionButton action={actionById('help')} icon={<HelpIcon />} showLabel={false} />
    </div>
  );
}

export function AppSettingsItems({ onBasemap }: { onBasemap: () => void }) {
  const { t } = useTranslation();
  const language = useLanguageSwitch();
  return (
    <>
      <MenuItem action="basemap" icon={<BasemapIcon />} onSelect={onBasemap}>
        {t('basemap.menuItem')}
      </MenuItem>
      <MenuItem action="language" icon={<LanguageIcon />} title={t('actions.language')} onSelect={language.run}>
        <span lang={language.other}>{language.name}</span>
      </MenuItem>
      <ActionMenuItem action={actionById('help')} icon={<HelpIcon />} />
    </>
  );
}
