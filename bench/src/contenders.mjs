// The ways of doing each benchmarked job: @isc-sdk/client, a hand-written raw fetch equivalent, bare
// openapi-fetch over the generated paths (what the client is a layer over), and the official SDK.
import { createIscClient } from '@isc-sdk/client';
import createClient from 'openapi-fetch';

const token = 'bench-token';
const campaignBody = {
  name: 'Manager Campaign',
  description: 'Managers review their reports',
  type: 'MANAGER',
};
const documentId = '2c91808568c529c60168cca6f90c1313';

export function rawContender(baseUrl, { certificationId = 'cert-50k' } = {}) {
  const headers = { Authorization: `Bearer ${token}`, Accept: 'application/json' };
  const jsonHeaders = { ...headers, 'Content-Type': 'application/json' };
  const itemsUrl = `${baseUrl}/certifications/${encodeURIComponent(certificationId)}/access-review-items`;
  const getJson = async (url) => {
    const response = await fetch(url, { headers });
    if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
    return response.json();
  };
  return {
    name: 'raw fetch',
    async createCampaign() {
      const response = await fetch(`${baseUrl}/campaigns`, {
        method: 'POST',
        headers: jsonHeaders,
        body: JSON.stringify(campaignBody),
      });
      if (response.status !== 202) throw new Error(`createCampaign answered ${response.status}`);
      return response.json();
    },
    getSearchDocument: () =>
      getJson(`${baseUrl}/search/identities/${encodeURIComponent(documentId)}`),
    getPage: () => getJson(`${itemsUrl}?limit=250&offset=0`),
    async collect(maxItems) {
      const all = [];
      for (let offset = 0; ; offset += 250) {
        const limit = Math.min(250, maxItems - all.length);
        const page = await getJson(`${itemsUrl}?limit=${limit}&offset=${offset}`);
        for (const item of page) all.push(item);
        if (page.length < limit || all.length >= maxItems) return all;
      }
    },
  };
}

export function clientContender(baseUrl, { concurrency, certificationId = 'cert-50k' } = {}) {
  const isc = createIscClient({ baseUrl, auth: { accessToken: token } });
  const itemsInit = { params: { path: { id: certificationId } } };
  const must = (result, what) => {
    if (result.error !== undefined || result.data === undefined) {
      throw new Error(`${what} answered ${result.response.status}`);
    }
    return result.data;
  };
  return {
    name: concurrency ? `@isc-sdk/client (concurrency ${concurrency})` : '@isc-sdk/client',
    isc,
    createCampaign: async () =>
      must(await isc.POST('/campaigns', { body: campaignBody }), 'createCampaign'),
    getSearchDocument: async () =>
      must(
        await isc.GET('/search/{index}/{id}', {
          params: { path: { index: 'identities', id: documentId } },
        }),
        'searchGet',
      ),
    getPage: async () =>
      must(
        await isc.GET('/certifications/{id}/access-review-items', {
          params: { path: { id: certificationId }, query: { limit: 250, offset: 0 } },
        }),
        'listIdentityAccessReviewItems',
      ),
    async collect(maxItems) {
      const all = [];
      for await (const item of isc.paginate('/certifications/{id}/access-review-items', {
        ...itemsInit,
        maxItems,
        ...(concurrency ? { concurrency } : {}),
      })) {
        all.push(item);
      }
      return all;
    },
  };
}

/** Bare openapi-fetch with a fixed token: the core the client wraps, without its transport. */
export function openapiFetchContender(baseUrl, { certificationId = 'cert-50k' } = {}) {
  const api = createClient({ baseUrl, headers: { Authorization: `Bearer ${token}` } });
  const must = (result, what) => {
    if (result.error !== undefined || result.data === undefined) {
      throw new Error(`${what} answered ${result.response.status}`);
    }
    return result.data;
  };
  return {
    name: 'openapi-fetch',
    createCampaign: async () =>
      must(await api.POST('/campaigns', { body: campaignBody }), 'createCampaign'),
    getSearchDocument: async () =>
      must(
        await api.GET('/search/{index}/{id}', {
          params: { path: { index: 'identities', id: documentId } },
        }),
        'searchGet',
      ),
    getPage: async () =>
      must(
        await api.GET('/certifications/{id}/access-review-items', {
          params: { path: { id: certificationId }, query: { limit: 250, offset: 0 } },
        }),
        'listIdentityAccessReviewItems',
      ),
  };
}

/**
 * The official SDK (sailpoint-api-client, on axios), doing the same calls, for reference. It takes the
 * API origin and appends `/v3` itself.
 */
export async function officialContender(baseUrl, { certificationId = 'cert-50k' } = {}) {
  // The SDK routes requests through proxy-agent, which honours *_PROXY variables: keep loopback direct.
  process.env.NO_PROXY = [process.env.NO_PROXY, '127.0.0.1'].filter(Boolean).join(',');
  const { CertificationCampaignsApi, CertificationsApi, Configuration, SearchApi } =
    await import('sailpoint-api-client');
  const configuration = new Configuration({
    baseurl: baseUrl.replace(/\/v3$/, ''),
    accessToken: token,
  });
  const campaigns = new CertificationCampaignsApi(configuration);
  const certifications = new CertificationsApi(configuration);
  const search = new SearchApi(configuration);
  return {
    name: 'sailpoint-api-client',
    createCampaign: async () => (await campaigns.createCampaign({ campaign: campaignBody })).data,
    getSearchDocument: async () =>
      (await search.searchGet({ index: 'identities', id: documentId })).data,
    getPage: async () =>
      (
        await certifications.listIdentityAccessReviewItems({
          id: certificationId,
          limit: 250,
          offset: 0,
        })
      ).data,
  };
}
