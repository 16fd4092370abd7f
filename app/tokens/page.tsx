import { TokenManager } from '@/components/tokens/TokenManager';
import { requireUser } from '@/server/auth/current-user';
import { listTokens } from '@/server/tokens/tokens';

export const metadata = { title: 'API tokens · NetCanvas' };

export default async function TokensPage() {
  const user = await requireUser('/tokens');
  const tokens = await listTokens(user.id);
  return (
    <TokenManager
      tokens={tokens.map((t) => ({ ...t, createdAt: t.createdAt.toISOString(), lastUsedAt: t.lastUsedAt?.toISOString() ?? null }))}
    />
  );
}
