/**
 * The key-account department: the lead funnel and conversion (issue 18 point 1). Leads have not
 * landed in this archive yet: "no data yet" until their query exists; then compute it here.
 */
import { noData, ownDepartment, type ChartDefinition } from '../chart';

export const leadFunnel: ChartDefinition = {
  id: 'lead-funnel',
  audience: 'key-account',
  scope: ownDepartment,
  compute: () => noData('bar'),
};
