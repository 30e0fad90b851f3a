// Every endpoint of both contracts, in one list: what the property tests walk, so an endpoint added to
// a contract is fuzzed (or fails the catalog test) without anyone remembering to list it here.
import type { Endpoint } from '../../shared/contracts/endpoint.ts';
import { tradingGridContract } from '../../shared/contracts/tradingGrid.ts';
import { xConnectorContract } from '../../shared/contracts/xconnector.ts';

export const inboundEndpoints: Endpoint[] = [
  ...Object.values(xConnectorContract.endpoints),
  ...Object.values(tradingGridContract.endpoints),
];
