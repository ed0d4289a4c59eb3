/**
 * 默认值: the ⚠ defaults a plan may settle for its county (plan-defaults.ts), each in its own table, saved with
 * the plan, each change one undo step. The 管控边界 types of classes stay beside the derivation they feed
 * (ControlTypeTable, in the drawing tools).
 */
import { useTranslation } from 'react-i18next';
import type { DatabaseSession } from '../../app/database-session.ts';
import type { VillageDatabase } from '../../profiles/zhejiang-2026/village-database.ts';
import { BindingDefaultsTable } from './BindingDefaultsTable.tsx';
import { ClassColourTable } from './ClassColourTable.tsx';
import { TableGroupTable } from './TableGroupTable.tsx';
import { ThreeCategoryTable } from './ThreeCategoryTable.tsx';

export function PlanDefaultsSection({ db, session }: { db: VillageDatabase; session: DatabaseSession }) {
  const { t } = useTranslation();
  return (
    <section className="plan-defaults" data-testid="plan-defaults">
      <h3>{t('database.defaults.title')}</h3>
      <p className="hint">{t('database.defaults.hint')}</p>
      <BindingDefaultsTable db={db} session={session} />
      <ThreeCategoryTable db={db} session={session} />
      <TableGroupTable db={db} session={session} />
      <ClassColourTable db={db} session={session} />
    </section>
  );
}
