/** Hello world reading the user's data through the official ASK SDK adapter, on aws-sdk v2. */
import { DynamoDbPersistenceAdapter } from 'ask-sdk-dynamodb-persistence-adapter';
import { DynamoDB } from 'aws-sdk';
import { helloWorld, storeSettings } from './skill';

const { tableName, region, endpoint } = storeSettings();

export const handler = helloWorld({
  persistenceAdapter: new DynamoDbPersistenceAdapter({ tableName, dynamoDBClient: new DynamoDB({ region, endpoint }) }),
  readUserData: async (input) => {
    const attributes = await input.attributesManager.getPersistentAttributes();
    return Object.keys(attributes).length > 0 ? attributes : undefined;
  },
});
