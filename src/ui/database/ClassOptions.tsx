/** The `<option>`s of a land-class pick-list, by first-level group (land-class-options.ts). */
import { useTranslation } from 'react-i18next';
import { landClassGroups } from './land-class-options.ts';

export function ClassOptions() {
  const { i18n } = useTranslation();
  return (
    <>
      {landClassGroups(i18n.language === 'en').map((group) => (
        <optgroup key={group.label} label={group.label}>
          {group.options.map((option) => (
            <option key={option.code} value={option.code}>
              {option.label}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}
