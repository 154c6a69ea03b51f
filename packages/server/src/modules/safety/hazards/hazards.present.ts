import { isOverdue, latestExtensionRequestAt, maskName, type HazardSettings, type PhotoType } from '@shoutu/domain';
import type { HazardPhotoRow } from './hazard-photos.repository.js';
import type { HazardPhoto } from './hazard-photos.schema.js';
import type { HazardEventRow, HazardRow } from './hazards.repository.js';
import type { Hazard, HazardEvent } from './hazards.schema.js';
import { toHazardState } from './hazards.state.js';
import { WORKING_CALENDAR } from './hazards.listing.js';

function maskedOrNull(name: string | null): string | null {
  return name === null ? null : maskName(name);
}

/**
 * A hazard as the API answers it: the responsible person masked, overdue computed by the domain,
 * listing dates under the settings of the hazard's region.
 */
export function presentHazard(row: HazardRow, now: Date, settings: HazardSettings): Hazard {
  const limits = settings.listing;
  const state = toHazardState(row);
  const listing =
    row.listed_by_unit_id !== null && row.listed_at !== null && row.listing_publication_due_at !== null
      ? {
          unitId: row.listed_by_unit_id,
          unitName: row.listed_by_unit_name,
          listedAt: row.listed_at,
          publicationDueAt: row.listing_publication_due_at,
          extensionRequestLatestAt: row.deadline !== null && row.status !== 'closed' ? latestExtensionRequestAt(new Date(row.deadline), limits, WORKING_CALENDAR).toISOString() : null,
          delistingPublicationDueAt: row.delisting_publication_due_at,
          limitsSource: limits.source,
          limitsVerify: limits.verify,
        }
      : null;
  return {
    id: row.id,
    enterpriseId: row.enterprise_id,
    enterpriseName: row.enterprise_name,
    regionCode: row.region_code,
    inspectionId: row.inspection_id,
    inspectionItemNumber: row.inspection_item_number,
    campaignId: row.campaign_id,
    grade: row.grade,
    source: row.source,
    description: row.description,
    place: row.place,
    photos: JSON.parse(row.photos) as string[],
    status: row.status,
    responsibleUnit: row.responsible_unit,
    responsiblePerson: maskedOrNull(row.responsible_person),
    deadline: row.deadline,
    originalDeadline: row.original_deadline,
    overdue: isOverdue(state, now),
    acceptanceDueAt: row.acceptance_due_at,
    acceptanceOverdue: row.status === 'awaiting_acceptance' && row.acceptance_overdue_at !== null,
    pendingExtension: state.pendingExtension,
    governancePlan: state.governancePlan,
    rectification: state.rectification,
    acceptance: state.acceptance,
    listing,
    escalation: row.escalation_level !== null && row.escalated_at !== null ? { level: row.escalation_level, at: row.escalated_at } : null,
    foundAt: row.found_at,
    closedAt: row.closed_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

/** A timeline entry; a person named in it (the responsible person of an assignment) is masked. */
export function presentEvent(row: HazardEventRow): HazardEvent {
  const payload = JSON.parse(row.payload) as Record<string, unknown>;
  if (typeof payload.responsiblePerson === 'string') payload.responsiblePerson = maskName(payload.responsiblePerson);
  return {
    version: row.version,
    type: row.type,
    fromStatus: row.from_status,
    toStatus: row.to_status,
    actorName: row.actor_name,
    actorKind: row.actor_kind,
    at: row.at,
    payload,
  };
}

/** A photo's metadata and where to GET its bytes. */
export function presentPhoto(row: HazardPhotoRow): HazardPhoto {
  return {
    id: row.id,
    hazardId: row.hazard_id,
    mime: row.mime as PhotoType,
    bytes: row.bytes,
    sha256: row.sha256,
    uploadedBy: row.uploaded_by_name,
    uploadedAt: row.uploaded_at,
    url: `/api/v1/hazards/${row.hazard_id}/photos/${row.id}`,
  };
}
