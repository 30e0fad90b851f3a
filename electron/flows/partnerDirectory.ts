// The partner directory: partners from xConnector and communities from Trading Grid, joined by
// partner code. Flows 1 and 3 use it to find the community a partner's issues and alerts go to.
import { defineFeedFlow } from './feedFlow.ts';
import { parseCommunity, parsePartner } from '../connectors/itemParsing.ts';

export const partnersFeedFlow = defineFeedFlow({
  feed: 'xc.partners',
  system: 'xconnector',
  order: 0,
  fetch: (ports) => ports.xconnector.partnersFeed,
  parse: parsePartner,
  apply(partner, ctx) {
    ctx.store.directory.upsertPartner(partner);
  },
});

export const communitiesFeedFlow = defineFeedFlow({
  feed: 'tg.communities',
  system: 'trading-grid',
  order: 0,
  fetch: (ports) => ports.tradingGrid.communitiesFeed,
  parse: parseCommunity,
  apply(community, ctx) {
    ctx.store.directory.upsertCommunity(community);
  },
});
