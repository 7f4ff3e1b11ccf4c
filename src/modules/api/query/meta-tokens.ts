import { TOKEN_TYPES } from '../tokens.ts';
import type { MetaModule } from './types.ts';

/** meta=tokens: `query.tokens.<type>token` for each known type asked for (default csrf). */
export const metaTokens: MetaModule = {
  name: 'tokens',
  prefix: '',
  parameters: ['type'],
  async run(call, p) {
    const types = p.multiEnum('type', TOKEN_TYPES, ['csrf']);
    return { tokens: Object.fromEntries(types.map((t) => [`${t}token`, call.tokens.get(t)])) };
  },
};
