import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { campaignPhase, campaignRates, checkCampaignPeriod, checkCampaignScope, isInCampaignScope, isWithinCampaignPeriod, type CampaignScope } from './special-campaign.js';

const CITY = '320700';
const scope = (s: Partial<CampaignScope>): CampaignScope => ({ industries: [], regions: [], enterpriseIds: [], ...s });
const chemical = { id: 'e1', industryCode: 'C2614', regionCode: '320703007001' };
const hotel = { id: 'e2', industryCode: 'H61', regionCode: '320706010001' };
const outside = { id: 'e3', industryCode: 'C26', regionCode: '320102001001' };

describe('campaign scope (专项整治范围)', () => {
  it.each([
    ['an industry prefix holds its sub-codes', scope({ industries: ['C26'] }), chemical, true],
    ['an industry elsewhere is out', scope({ industries: ['C26'] }), hotel, false],
    ['a region holds its subtree', scope({ regions: ['320706'] }), hotel, true],
    ['industry and region must both hold', scope({ industries: ['C26'], regions: ['320706'] }), chemical, false],
    ['a named enterprise is in whatever its industry', scope({ industries: ['C26'], enterpriseIds: ['e2'] }), hotel, true],
    ['only named ones when no criteria', scope({ enterpriseIds: ['e2'] }), chemical, false],
    ['nothing outside the campaign region, not even a named one', scope({ industries: ['C26'], enterpriseIds: ['e3'] }), outside, false],
  ])('%s', (_, s, enterprise, expected) => {
    expect(isInCampaignScope(CITY, s, enterprise)).toBe(expected);
  });

  it('never takes in an enterprise outside the campaign region', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('C', 'C26', 'H61', 'B')), fc.array(fc.constantFrom('320703', '320706001', CITY)), fc.stringMatching(/^\d{12}$/), (industries, regions, regionCode) => {
        const candidate = { id: 'x', industryCode: 'C2614', regionCode };
        if (!regionCode.startsWith('3207')) expect(isInCampaignScope(CITY, scope({ industries, regions, enterpriseIds: ['x'] }), candidate)).toBe(false);
      }),
    );
  });

  it('refuses an empty scope and regions outside the campaign', () => {
    expect(checkCampaignScope(CITY, scope({}))).toEqual([{ field: 'scope', problem: 'scope_empty' }]);
    expect(checkCampaignScope('320706', scope({ regions: ['320706001', '320703'] }))).toEqual([{ field: 'scope.regions.1', problem: 'outside_campaign_region' }]);
    expect(checkCampaignScope(CITY, scope({ enterpriseIds: ['e1'] }))).toEqual([]);
  });
});

describe('campaign period', () => {
  it('counts days of China’s calendar, both ends included', () => {
    const period = { startsOn: '2026-03-01', endsOn: '2026-03-31' };
    // 2026-02-28T16:00Z is 1 March 00:00 in China; 2026-03-31T16:00Z is already 1 April.
    expect(isWithinCampaignPeriod(period, new Date('2026-02-28T15:59:59Z'))).toBe(false);
    expect(isWithinCampaignPeriod(period, new Date('2026-02-28T16:00:00Z'))).toBe(true);
    expect(isWithinCampaignPeriod(period, new Date('2026-03-31T15:59:59Z'))).toBe(true);
    expect(isWithinCampaignPeriod(period, new Date('2026-03-31T16:00:00Z'))).toBe(false);
    expect(campaignPhase(period, new Date('2026-02-28T15:00:00Z'))).toBe('planned');
    expect(campaignPhase(period, new Date('2026-03-15T00:00:00Z'))).toBe('active');
    expect(campaignPhase(period, new Date('2026-04-01T00:00:00Z'))).toBe('ended');
  });

  it('refuses dates that do not exist and an end before the start', () => {
    expect(checkCampaignPeriod({ startsOn: '2026-02-30', endsOn: '2026-03-01' })).toEqual([{ field: 'startsOn', problem: 'invalid_date' }]);
    expect(checkCampaignPeriod({ startsOn: '2026-03-02', endsOn: '2026-03-01' })).toEqual([{ field: 'endsOn', problem: 'ends_before_start' }]);
    expect(checkCampaignPeriod({ startsOn: '2026-03-01', endsOn: '2026-03-01' })).toEqual([]);
  });
});

describe('campaign rates against targets', () => {
  it('rounds down and compares in whole numbers', () => {
    expect(campaignRates({ inScope: 3, inspected: 1, hazardsFound: 3, hazardsClosed: 2 }, { inspectedPct: 33, closedPct: 67 })).toEqual({ inspectedPct: 33.3, closedPct: 66.6, inspectedMet: true, closedMet: false });
    expect(campaignRates({ inScope: 2, inspected: 2, hazardsFound: 0, hazardsClosed: 0 }, { inspectedPct: 100, closedPct: 90 })).toEqual({ inspectedPct: 100, closedPct: null, inspectedMet: true, closedMet: null });
    expect(campaignRates({ inScope: 0, inspected: 0, hazardsFound: 1, hazardsClosed: 0 }, { inspectedPct: null, closedPct: null })).toEqual({ inspectedPct: null, closedPct: 0, inspectedMet: null, closedMet: null });
  });
});
