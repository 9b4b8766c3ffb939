/**
 * Department managers: contact-cadence compliance. Its source (the contact cadence of issue 17)
 * has not landed in this archive yet, so the chart says "no data yet" rather than show zeros.
 * When it lands, compute it here from that query; nothing else changes.
 */
import { noData, ownDepartment, type ChartDefinition } from '../chart';

export const contactCadence: ChartDefinition = {
  id: 'contact-cadence',
  audience: 'department-manager',
  scope: ownDepartment,
  compute: () => noData('bar'),
};
