// The classic compiler empties `.server` modules in the browser bundle, so a value imported from one is
// `undefined` there: a component that reads it renders one thing on the server and another after
// hydration (the shipping bands vanished, /admin/reviews crashed). Server values reach the browser only
// through a loader. Type imports are erased and stay allowed.
const browserExports = new Set(['meta', 'handle', 'links', 'shouldRevalidate', 'clientLoader', 'clientAction'])

const isServerSource = (source) => /\.server(\.[jt]sx?)?$/.test(source)

function topLevelStatement(node) {
  let current = node
  while (current.parent && current.parent.type !== 'Program') current = current.parent
  return current
}

function declaredNames(statement) {
  const declaration = statement.type.startsWith('Export') && statement.declaration ? statement.declaration : statement
  if (declaration.type === 'FunctionDeclaration') return [declaration.id?.name]
  if (declaration.type === 'VariableDeclaration') return declaration.declarations.map((d) => d.id.name)
  return []
}

// Code that runs in the browser: the default export, components (capitalised), and the route exports
// Remix calls there.
function runsInBrowser(statement) {
  if (statement.type === 'ExportDefaultDeclaration') return true
  return declaredNames(statement).some((name) => name && (/^[A-Z]/.test(name) || browserExports.has(name)))
}

export const serverValues = {
  meta: {
    type: 'problem',
    messages: {
      serverValue:
        '`{{name}}` comes from a .server module, which is empty in the browser: pass it through the loader instead.',
    },
    schema: [],
  },
  create(context) {
    return {
      ImportDeclaration(node) {
        if (node.importKind === 'type' || !isServerSource(node.source.value)) return
        for (const specifier of node.specifiers) {
          if (specifier.importKind === 'type') continue
          const [variable] = context.sourceCode.getDeclaredVariables(specifier)
          for (const reference of variable?.references ?? []) {
            const identifier = reference.identifier
            if (identifier.parent?.type?.startsWith('TS')) continue
            if (runsInBrowser(topLevelStatement(identifier))) {
              context.report({ node: identifier, messageId: 'serverValue', data: { name: identifier.name } })
            }
          }
        }
      },
    }
  },
}

export default { rules: { 'server-values': serverValues } }
