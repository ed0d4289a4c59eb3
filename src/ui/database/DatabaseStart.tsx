/**
 * The start page's entry to 2026 village plans: the sample database, or a database from this computer
 * (loose layer files, a folder, a zip, or one database .json), with the edition of its codes declared by
 * the reviewer, never guessed. The files are read in the database worker once the view opens.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VillageDatabase } from '../../profiles/zhejiang-2026/village-database.ts';
import { databaseUrl } from '../drafts/start-route.ts';
import { KeptPlans } from './KeptPlans.tsx';

export type DatabaseOpenRequest =
  | { readonly kind: 'text'; readonly text: string; readonly source: string }
  | { readonly kind: 'files'; readonly files: readonly File[]; readonly edition: VillageDatabase['edition']; readonly source: string }
  /** A 三调 DLTB to start a new 2026 plan from. */
  | { readonly kind: 'survey'; readonly files: readonly File[]; readonly source: string };

/** A lone `.json` is a database file (its edition is inside it); anything else is a folder's layers. */
export async function openRequestOf(files: readonly File[], edition: VillageDatabase['edition']): Promise<DatabaseOpenRequest | null> {
  const first = files[0];
  if (!first) return null;
  if (files.length === 1 && first.name.toLowerCase().endsWith('.json')) return { kind: 'text', text: await first.text(), source: first.name };
  const folder = first.webkitRelativePath.split('/')[0];
  return { kind: 'files', files, edition, source: folder || (files.length === 1 ? first.name : `${first.name} …`) };
}

export function DatabaseStart({ onOpen }: { onOpen: (request: DatabaseOpenRequest) => void }) {
  const { t } = useTranslation();
  const [edition, setEdition] = useState<VillageDatabase['edition']>('ydyh-2023');
  const choose = (list: FileList | null) => {
    const files = list ? [...list] : [];
    void openRequestOf(files, edition).then((request) => request && onOpen(request));
  };
  return (
    <section className="start-database" data-testid="start-database">
      <h2>{t('database.start.title')}</h2>
      <p className="hint">{t('database.start.intro')}</p>
      <div className="start-actions">
        <a className="button primary" data-action="open-sample-2026" href={databaseUrl('sample')}>
          {t('database.start.sample')}
        </a>
        <label className="edition-choice" title={t('database.start.editionHint')}>
          {t('database.start.edition')}{' '}
          <select value={edition} data-testid="database-edition" onChange={(e) => setEdition(e.target.value as VillageDatabase['edition'])}>
            <option value="ydyh-2023">{t('database.start.edition2023')}</option>
            <option value="ydyh-2020">{t('database.start.edition2020')}</option>
          </select>
        </label>
        <label className="file-button" title={t('database.start.filesHint')}>
          {t('database.start.files')}
          <input type="file" multiple accept=".shp,.shx,.dbf,.prj,.cpg,.geojson,.json,.xlsx,.zip" data-testid="database-files" onChange={(e) => { choose(e.target.files); e.target.value = ''; }} />
        </label>
        <label className="file-button">
          {t('database.start.folder')}
          <input type="file" data-testid="database-folder" ref={(input) => input?.setAttribute('webkitdirectory', '')} onChange={(e) => { choose(e.target.files); e.target.value = ''; }} />
        </label>
        <label className="file-button" title={t('database.start.surveyHint')}>
          {t('database.start.survey')}
          <input
            type="file"
            multiple
            accept=".shp,.shx,.dbf,.prj,.cpg,.geojson,.json,.zip"
            data-testid="survey-files"
            onChange={(e) => {
              const files = e.target.files ? [...e.target.files] : [];
              e.target.value = '';
              if (files[0]) onOpen({ kind: 'survey', files, source: files[0].name.replace(/\.[^.]+$/, '') });
            }}
          />
        </label>
      </div>
      <p className="hint">{t('database.start.filesHint')}</p>
      <p className="hint">{t('database.start.surveyHint')}</p>
      <KeptPlans />
    </section>
  );
}
