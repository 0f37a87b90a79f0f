import { useEffect, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { IntakeView } from '@siso/shared';
import { isApiError } from '../lib/api';
import { Breadcrumb } from '../features/common/components/Breadcrumb';
import { ErrorNotice } from '../features/common/components/ErrorNotice';
import { Loading } from '../features/common/components/Loading';
import { useArrivalNotice } from '../features/common/hooks/useArrivalNotice';
import { usePageTitle } from '../features/common/hooks/usePageTitle';
import { SendIntakeDialog } from '../features/desk/SendIntakeDialog';
import { IntakeHeader } from '../features/intake/components/IntakeHeader';
import { IntakeSections } from '../features/intake/components/IntakeSections';
import { SectionNav } from '../features/intake/components/SectionNav';
import { useIntakeRecord } from '../features/intake/hooks/useIntake';
import { goToSection } from '../features/intake/lib/sectionAnchor';
import { pageSections } from '../features/intake/lib/sectionList';
import { sectionAnchor } from '../features/intake/lib/sectionAnchor';
import { PrivacyPanel } from '../features/privacy/PrivacyPanel';
import { BreakGlassScope } from '../features/break-glass/components/BreakGlassScope';
import { SharesPanel } from '../features/sharing/components/SharesPanel';
import { usePermission } from '../features/session/hooks/useSession';

/** "Scheda di accesso" (/sportello/schede/:id): every section, the service requests and the diary. */
export function IntakeRecordPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const intake = useIntakeRecord(id);
  usePageTitle(intake.data ? t('intake.header.title', { number: intake.data.number }) : t('intake.title'));
  if (intake.isPending) return <Loading />;
  if (intake.isError) {
    const missing = isApiError(intake.error) && (intake.error.code === 'not_found' || intake.error.code === 'forbidden');
    return (
      <>
        <Breadcrumb items={[{ label: t('nav.home'), to: '/' }, { label: t('intake.desk'), to: '/sportello' }, { label: t('intake.title') }]} />
        <h1>{t(missing ? 'intake.notFound' : 'intake.title')}</h1>
        {missing ? <p>{t('intake.notFoundText')} <Link to="/sportello">{t('intake.desk')}</Link></p> : <ErrorNotice error={intake.error} onRetry={() => void intake.refetch()} />}
      </>
    );
  }
  return <IntakeRecord key={intake.data.id} intake={intake.data} />;
}

function IntakeRecord({ intake }: { intake: IntakeView }) {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const savedSection = (location.state as { savedSection?: string } | null)?.savedSection;
  // Kept past the state's reset below, so the confirmation stays on screen.
  const [created] = useState(Boolean(savedSection));
  // A confirmation brought by the page that opened this one (a copy just made), shown once.
  const [notice] = useArrivalNotice();
  // Arriving from the first save of a new scheda: back to the section just saved, then forget it.
  useEffect(() => {
    if (!savedSection) return;
    goToSection(savedSection);
    void navigate({ pathname: location.pathname }, { replace: true, state: null });
  }, [savedSection, location.pathname, navigate]);
  const canSave = intake.abilities.includes('intakeRecords.update');
  // The consents panel (H4b's) sits by the user; it checks its own abilities (consents.get and the rest).
  const privacy = intake.person ? (
    <div id={sectionAnchor('privacy')} tabIndex={-1} className="intake-section mb-5">
      <PrivacyPanel personId={intake.person.id} intakeId={intake.id} />
    </div>
  ) : null;
  const sections = pageSections(intake, { privacy: privacy !== null });
  // "Condivisioni" closes the page, after the diary (issue 11, point 1).
  const canShares = usePermission('grants.find');
  const navSections = canShares ? [...sections, 'sharing'] : sections;
  const missing = new Set(intake.missingSections.map((m) => m.section));
  return (
    <>
      <Breadcrumb items={[{ label: t('nav.home'), to: '/' }, { label: t('intake.desk'), to: '/sportello' }, { label: intake.number }]} />
      <IntakeHeader intake={intake} send={<SendIntakeDialog intake={intake} />} />
      {created && <p role="status" className="alert alert-success">{t('intake.new.created', { number: intake.number })}</p>}
      {notice && <p role="status" className="alert alert-success">{notice}</p>}
      <SectionNav sections={navSections} missing={missing} />
      {/* A masked value of the scheda (its sections, a private note) offers the emergency access. */}
      <BreakGlassScope recordKind="intakeRecord" recordId={intake.id}>
        <IntakeSections intake={intake} sections={sections} canSave={canSave} privacy={privacy} />
      </BreakGlassScope>
      {canShares && <SharesPanel id={sectionAnchor('sharing')} recordKind="intakeRecord" recordId={intake.id} canGiveWriting={canSave} />}
    </>
  );
}
