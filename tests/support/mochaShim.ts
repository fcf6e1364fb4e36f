// ask-sdk-test imports `it` and `describe` from mocha; under jest they are jest's own globals.
export const it = global.it;
export const describe = global.describe;
export const before = global.beforeAll;
export const after = global.afterAll;
export const beforeEach = global.beforeEach;
export const afterEach = global.afterEach;
