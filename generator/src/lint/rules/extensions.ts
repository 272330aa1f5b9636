import { extensions } from '../extensions.js';
import { isObject, type Rule } from '../located.js';

/** Every `x-pbxkit-*` key is one the generator knows, on a node where it means something, with a valid value. */
export const knownExtensions: Rule = () => ({
  any: {
    enter(node, ctx) {
      if (!isObject(node)) return;
      for (const key of Object.keys(node).filter((name) => name.startsWith('x-pbxkit-'))) {
        const definition = extensions[key];
        const location = ctx.location.child([key]);
        if (!definition) {
          ctx.report({
            message: `unknown extension ${key} (known: ${Object.keys(extensions).join(', ')})`,
            location: location.key(),
          });
        } else if (!definition.hosts.includes(ctx.type.name)) {
          ctx.report({
            message: `${key} does not belong on a ${ctx.type.name} (only on: ${definition.hosts.join(', ')})`,
            location: location.key(),
          });
        } else {
          const problem = definition.check(node[key], node);
          if (problem) ctx.report({ message: `${key} ${problem}`, location });
        }
      }
    },
  },
});
