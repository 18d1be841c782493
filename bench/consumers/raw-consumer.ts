// The same job as client-consumer.ts, written against raw fetch with hand-written types: the baseline
// for bundle size, import time and type-check time.
interface Campaign {
  id?: string;
  name: string;
  description: string | null;
  type: 'MANAGER' | 'SOURCE_OWNER' | 'SEARCH' | 'ROLE_COMPOSITION' | 'MACHINE_ACCOUNT';
}

interface AccessReviewItem {
  id?: string;
  completed?: boolean;
  decision?: 'APPROVE' | 'REVOKE' | null;
}

export async function run(baseUrl: string, accessToken: string): Promise<number> {
  const headers = { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'application/json' };
  const body: Campaign = {
    name: 'Manager Campaign',
    description: 'Managers review their reports',
    type: 'MANAGER',
  };
  const created = await fetch(`${baseUrl}/campaigns`, {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
  });
  if (!created.ok) throw new Error(`createCampaign failed: ${created.status}`);
  (await created.json()) as Campaign;
  const response = await fetch(
    `${baseUrl}/certifications/${encodeURIComponent('cert-1')}/access-review-items?limit=250&offset=0`,
    {
      headers,
    },
  );
  if (!response.ok) throw new Error(`listIdentityAccessReviewItems failed: ${response.status}`);
  const items = (await response.json()) as AccessReviewItem[];
  return items.length;
}
