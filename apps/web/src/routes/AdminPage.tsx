import { useTranslation } from 'react-i18next';
import { Breadcrumb } from '../features/common/components/Breadcrumb';
import { usePageTitle } from '../features/common/hooks/usePageTitle';
import { AdminNav } from '../features/admin/components/AdminNav';
import { OperatorsSection } from '../features/admin/components/OperatorsSection';
import { OrganisationTree } from '../features/admin/components/OrganisationTree';
import { ProfilesSection } from '../features/admin/components/ProfilesSection';
import { CustomFieldsSection } from '../features/admin/components/CustomFieldsSection';
import { usePermission } from '../features/session/hooks/useSession';
import { DesksSection } from '../features/admin/desks/DesksSection';

type Section = 'organisation' | 'operators' | 'profiles' | 'customFields' | 'desks';

/** "Amministrazione": organisation tree, operators, profiles (access issue, administration part). */
export function AdminPage({ section }: { section: Section }) {
  const { t } = useTranslation();
  const title = t(`admin.${section}.title`);
  usePageTitle(title);
  const canCreateOperator = usePermission('operators.create');
  const canUpsertProfile = usePermission('profiles.upsert');
  const canUpsertField = usePermission('fields.upsert');
  return (
    <>
      <Breadcrumb items={[{ label: t('nav.home'), to: '/' }, { label: t('nav.admin'), to: '/amministrazione/organizzazione' }, { label: title }]} />
      <h1 className="mb-3">{title}</h1>
      <AdminNav />
      {section === 'organisation' && <OrganisationTree />}
      {section === 'operators' && <OperatorsSection canCreate={canCreateOperator} />}
      {section === 'profiles' && <ProfilesSection canCreate={canUpsertProfile} />}
      {section === 'customFields' && <CustomFieldsSection canCreate={canUpsertField} />}
      {section === 'desks' && <DesksSection />}
    </>
  );
}
