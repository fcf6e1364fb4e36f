/**
 * What the skill takes from the AWS SDK for its DynamoDB store, and all that the Lambda bundle keeps
 * of it: the bundle's aws-dynamodb.js is built from exactly these names, read only when the store
 * is first used. The store needs only the SDK's request signer (dynamoHttp.ts says why). The type
 * below makes any other name a compile error, rather than a missing export in production.
 */
export const DYNAMODB_EXPORTS = {
  '@smithy/signature-v4': ['SignatureV4'],
} as const;

type Exported<Package extends keyof typeof DYNAMODB_EXPORTS> = (typeof DYNAMODB_EXPORTS)[Package][number];

export type DynamoDbExports = Pick<typeof import('@smithy/signature-v4'), Exported<'@smithy/signature-v4'>>;
