// The gateway's two dashboard paths are not in openapi/alga.json (it merges the services'
// documents only, docs/decisions/0007): their envelopes are typed here, their parts with the
// services' own generated schemas, so a change of a service's statistics still breaks the build.
import type { components } from '@/api/schema';

type Schemas = components['schemas'];

export type Cell = Schemas['enrollment_Cell'];
export type Row = Schemas['enrollment_Row'];
export type Breakdown = Schemas['enrollment_Breakdown'];
export type IdentityOverview = Schemas['identity_IdentityOverview'];
export type CatalogueOverview = Schemas['catalogue_CatalogueOverview'];
export type EnrollmentOverview = Schemas['enrollment_EnrollmentOverview'];
export type ExpertsOverview = Schemas['experts_ExpertsOverview'];
export type PublicationsOverview = Schemas['publications_PublicationsOverview'];
export type SessionFill = Schemas['enrollment_SessionFill'];
export type RecentRecord = Schemas['publications_RecentRecord'];
export type ReportPart = Schemas['enrollment_ReportPart'];
export type ReportSection = Schemas['enrollment_ReportSection'];
export type Dimension = Schemas['enrollment_Dimension'];

export const PART_STATUSES = ['ok', 'timeout', 'unavailable', 'error'] as const;

/** One service's answer, or why it did not come (`missing` names it too). */
export type Part<T> =
  | { status: 'ok'; data: T; latency_ms?: number }
  | {
      status: 'timeout' | 'unavailable' | 'error';
      detail: string | null;
      http_status?: number;
      latency_ms?: number;
    };

export interface Composed<Parts> {
  generated_at: string;
  /** The filters the gateway passed on. */
  query: Record<string, string>;
  parts: Partial<Parts>;
  missing: string[];
}

export type Overview = Composed<{
  identity: Part<IdentityOverview>;
  catalogue: Part<CatalogueOverview>;
  enrollment: Part<EnrollmentOverview>;
  experts: Part<ExpertsOverview>;
  publications: Part<PublicationsOverview>;
}>;

export type Report = Composed<{
  enrollment: Part<ReportPart>;
  experts: Part<ReportPart>;
  publications: Part<ReportPart>;
}>;

export type ServiceName = 'identity' | 'catalogue' | 'enrollment' | 'experts' | 'publications';

/** The data of a part that came, else null. */
export function partData<T>(part: Part<T> | undefined): T | null {
  return part?.status === 'ok' ? part.data : null;
}
