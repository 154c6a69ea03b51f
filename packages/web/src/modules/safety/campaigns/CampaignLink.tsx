import { Link } from 'react-router';
import { useCampaign } from './useCampaigns';

/** A campaign named and linked, where another page mentions it by id. */
export function CampaignLink({ id }: { id: string }) {
  const campaign = useCampaign(id);
  return (
    <Link to={`/safety/campaigns/${encodeURIComponent(id)}`} data-testid="campaign-link">
      {campaign.data?.title ?? id}
    </Link>
  );
}
