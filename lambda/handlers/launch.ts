import { isSupportedLocale } from '../locales/i18n';
import { forIntents, forRequestTypes } from './support/matchers';
import { respond } from './support/respond';

/** Opening the skill: what to do in danger first, then what can be asked. */
export const launchHandler = forRequestTypes(['LaunchRequest'], (input) => {
  const supported = isSupportedLocale(input.requestEnvelope.request.locale);
  return respond(input, {
    topic: null,
    lines: [
      { key: 'launch.welcome' },
      ...(supported ? [] : [{ key: 'unsupportedLocale' }]),
      { key: 'launch.examples' },
    ],
    close: 'question',
    position: { entry: null, page: 0, nation: null },
  });
});

/** "Go home": back to the opening words, without leaving the skill. */
export const navigateHomeHandler = forIntents(['AMAZON.NavigateHomeIntent'], (input) =>
  respond(input, {
    topic: null,
    lines: [{ key: 'navigation.home' }, { key: 'launch.examples' }],
    close: 'question',
    position: { entry: null, page: 0, nation: null },
  }));
