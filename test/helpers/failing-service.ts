import type { ConfnotesService } from '../../src/service.js';

/** Test double: the real service, except that `ask` throws for questions containing `trigger`. */
export function failingOn(trigger: string, service: ConfnotesService): ConfnotesService {
  return {
    ...service,
    ask: async (question, options) => {
      if (question.includes(trigger)) throw new Error('simulated failure inside ask');
      return service.ask(question, options);
    },
  };
}
