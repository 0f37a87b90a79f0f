import { Fragment } from 'react';
import type { ReactNode } from 'react';
import type { IntakeView } from '@siso/shared';
import { AccessSection } from './sections/AccessSection';
import { CustomFieldsSection } from './sections/CustomFieldsSection';
import { DiarySection } from './sections/DiarySection';
import { ForeignerSection } from './sections/ForeignerSection';
import { InterlocutorSection } from './sections/InterlocutorSection';
import { NeedsSection } from './sections/NeedsSection';
import { OutcomeSection } from './sections/OutcomeSection';
import { ReferencesSection } from './sections/ReferencesSection';
import { ServiceRequestsSection } from './sections/ServiceRequestsSection';
import { ServicesSection } from './sections/ServicesSection';
import { SocialSection } from './sections/SocialSection';
import { UserSection } from './sections/UserSection';
import type { PageSection } from '../lib/sectionList';

/** Every section of the scheda in page order; `privacy` is the consents panel drawn by the page. */
export function IntakeSections({ intake, sections, canSave, privacy }: { intake: IntakeView | null; sections: readonly PageSection[]; canSave: boolean; privacy?: ReactNode }) {
  const props = { intake, canSave };
  return (
    <>
      {sections.map((s) => {
        switch (s) {
          case 'access': return <AccessSection key={s} {...props} />;
          case 'interlocutor': return <InterlocutorSection key={s} {...props} />;
          case 'user': return <UserSection key={s} {...props} />;
          case 'privacy': return <Fragment key={s}>{privacy}</Fragment>;
          case 'references': return <ReferencesSection key={s} {...props} />;
          case 'social': return <SocialSection key={s} {...props} />;
          case 'foreigner': return <ForeignerSection key={s} {...props} />;
          case 'needs': return <NeedsSection key={s} {...props} />;
          case 'services': return <ServicesSection key={s} {...props} />;
          case 'outcome': return <OutcomeSection key={s} {...props} />;
          case 'custom': return intake ? <CustomFieldsSection key={s} intake={intake} canSave={canSave} /> : null;
          case 'requests': return intake ? <ServiceRequestsSection key={s} intake={intake} /> : null;
          case 'diary': return intake ? <DiarySection key={s} intake={intake} /> : null;
          default: return null;
        }
      })}
    </>
  );
}
