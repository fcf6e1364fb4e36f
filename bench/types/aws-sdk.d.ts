// aws-sdk v2 as `npm run typecheck` sees it (tsconfig.typecheck.json): the DynamoDB client's own
// declarations, the one service the bench's peer and the official adapter use, without the rest.
import DynamoDB = require('aws-sdk/clients/dynamodb');

export { DynamoDB };
