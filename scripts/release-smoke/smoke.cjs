// The CommonJS half of the tarball smoke test: every package through require().
const { createIscClient } = require('@isc-sdk/client');
const { parseFilter } = require('@isc-sdk/filters');
const { startMockTenant } = require('@isc-sdk/mock-tenant');
const { parseDuration } = require('@isc-sdk/templates');
const { operationMetadata } = require('@isc-sdk/types');

async function main() {
  const tenant = await startMockTenant();
  try {
    const isc = createIscClient({
      baseUrl: tenant.baseUrl,
      auth: { clientId: tenant.clientId, clientSecret: tenant.clientSecret },
    });
    const { data, error } = await isc.GET('/campaigns', { params: { query: { limit: 5 } } });
    if (error !== undefined || !Array.isArray(data)) throw new Error('GET /campaigns failed');
    parseFilter('status eq "ACTIVE"');
    parseDuration('P14D');
    if (Object.keys(operationMetadata).length !== 41) throw new Error('unexpected metadata');
    console.log(`cjs: ${data.length} campaigns`);
  } finally {
    await tenant.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
