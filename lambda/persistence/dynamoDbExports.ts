/**
 * What the skill takes from the AWS SDK's DynamoDB packages, and all that the Lambda bundle keeps
 * of them: the bundle's aws-dynamodb.js is built from exactly these names, so esbuild can leave the
 * rest of the SDK out (it was 550 KB and about 60 ms to load on the first store access; with only
 * these, about 350 KB and 35 ms here). The types below make any other name a compile error in
 * dynamoAdapter.ts, rather than a missing export in production.
 */
export const DYNAMODB_EXPORTS = {
  '@aws-sdk/client-dynamodb': ['DynamoDBClient'],
  '@aws-sdk/lib-dynamodb': ['DynamoDBDocumentClient', 'GetCommand', 'PutCommand', 'UpdateCommand', 'DeleteCommand'],
} as const;

type Exported<Package extends keyof typeof DYNAMODB_EXPORTS> = (typeof DYNAMODB_EXPORTS)[Package][number];

export type ClientDynamoDb = Pick<typeof import('@aws-sdk/client-dynamodb'), Exported<'@aws-sdk/client-dynamodb'>>;
export type LibDynamoDb = Pick<typeof import('@aws-sdk/lib-dynamodb'), Exported<'@aws-sdk/lib-dynamodb'>>;
