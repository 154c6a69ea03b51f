import { Type, type Static } from 'typebox';
import { Hazard } from './hazards.schema.js';

const Count = Type.Integer({ description: 'All of them in your ground' });
const Items = Type.Array(Hazard, { description: 'The most urgent first, at most `limit`' });
const Section = (description: string) => Type.Object({ count: Count, items: Items }, { description });

export const HazardInbox = Type.Object({
  actorKind: Type.Union([Type.Literal('regulator'), Type.Literal('enterprise_safety_officer'), Type.Literal('other')], { description: 'Who you are to the closed loop; the sections follow from it' }),
  toRectify: Section('待整改: your enterprise’s hazards being rectified (sent-back ones included) and its own self-inspection findings still to hand over (enterprise safety officers)'),
  toDecide: Section('待交办/待审批: hazards found and not yet handed over for rectification, and extension requests to decide (regulators)'),
  toAccept: Type.Object(
    { count: Count, acceptanceOverdue: Type.Integer({ description: 'Of them, left waiting past the acceptor’s due time' }), items: Items },
    { description: '待验收: rectifications awaiting acceptance that you may accept, the longest waiting first' },
  ),
  overdue: Type.Object(
    { count: Count, escalated: Type.Integer({ description: 'Of them, escalated to the county or the city' }), items: Items },
    { description: '逾期: open hazards of your ground past their deadline, those escalated to the city first, then to the county' },
  ),
});
export type HazardInbox = Static<typeof HazardInbox>;

export const HazardInboxQuery = Type.Object(
  { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20, description: 'Items per section' })) },
  { additionalProperties: false },
);
export type HazardInboxQuery = Static<typeof HazardInboxQuery>;
