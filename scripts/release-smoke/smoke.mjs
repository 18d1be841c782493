// Run by check-tarballs in an empty project where the packed tarballs were installed with npm:
// imports every package as ESM and makes a real call against the mock tenant.
import { createIscClient, isIscError } from '@isc-sdk/client';
import { parseFilter, formatFilter } from '@isc-sdk/filters';
import { startMockTenant } from '@isc-sdk/mock-tenant';
import { addDuration } from '@isc-sdk/templates';
import { operationMetadata } from '@isc-sdk/types';

const tenant = await startMockTenant();
try {
  const isc = createIscClient({
    baseUrl: tenant.baseUrl,
    auth: { clientId: tenant.clientId, clientSecret: tenant.clientSecret },
  });
  const { data, error } = await isc.GET('/campaign-templates', { params: { query: { limit: 5 } } });
  if (error !== undefined || !Array.isArray(data))
    throw new Error('GET /campaign-templates failed');
  const filter = formatFilter(parseFilter('name sw "Quarterly"'));
  const deadline = addDuration('2020-01-01T00:00:00Z', 'P2W');
  const operations = Object.keys(operationMetadata).length;
  if (typeof isIscError !== 'function' || operations !== 41) throw new Error('unexpected exports');
  console.log(
    `esm: ${data.length} templates, filter ${filter}, deadline ${deadline.toISOString()}`,
  );
} finally {
  await tenant.stop();
}
